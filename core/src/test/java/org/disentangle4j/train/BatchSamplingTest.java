package org.disentangle4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.disentangle4j.model.Batch;
import org.disentangle4j.model.BatchSampling;
import org.disentangle4j.model.Likelihood;
import org.disentangle4j.model.Losses;
import org.disentangle4j.model.Model;
import org.disentangle4j.model.ModelSpec;
import org.disentangle4j.model.StepContext;
import org.disentangle4j.nn.Torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batches the trainer draws for each {@link BatchSampling}. */
class BatchSamplingTest {
    private static final int BATCH = 6;
    private static final long SEED = 9;
    private final SquaresDataset dataset = new SquaresDataset();

    private static float[] pixels(BatchProducer.HostBatch b) {
        FloatBuffer f = b.pixels().duplicate().order(b.pixels().order()).clear().asFloatBuffer();
        float[] out = new float[f.remaining()];
        f.get(out);
        return out;
    }

    @Test
    void pairsAreAnIidBatchFollowedByIndependentPartnersOfTheirOwnStream() throws InterruptedException {
        int size = dataset.observationSize();
        try (BatchProducer iid = new BatchProducer(dataset, BatchSampling.IID, BATCH, SEED, 3, 5, 2);
                BatchProducer pairs = new BatchProducer(dataset, BatchSampling.pairsOf(), BATCH, SEED, 3, 5, 2)) {
            for (long step = 3; step < 5; step++) {
                BatchProducer.HostBatch single = iid.take();
                BatchProducer.HostBatch pair = pairs.take();
                assertEquals(step, pair.step());
                assertNull(single.partnerFactors());
                assertTrue(Arrays.deepEquals(single.factors(), pair.factors()), "the first halves are the i.i.d. batch");
                int[][] partners = BatchProducer.partnerFactorsOfStep(dataset, BATCH, SEED, step);
                assertTrue(Arrays.deepEquals(partners, pair.partnerFactors()));
                assertTrue(!Arrays.deepEquals(partners, pair.factors()), "partners are drawn apart from their observations");
                float[] all = pixels(pair);
                assertEquals(2 * BATCH * size, all.length);
                assertArrayEquals(pixels(single), Arrays.copyOf(all, BATCH * size));
                float[] expected = new float[size];
                for (int i = 0; i < BATCH; i++) {
                    dataset.render(partners[i], expected, 0);
                    assertArrayEquals(expected, Arrays.copyOfRange(all, (BATCH + i) * size, (BATCH + i + 1) * size), "partner " + i);
                }
                iid.recycle(single);
                pairs.recycle(pair);
            }
        }
    }

    @Test
    void aLabelledFractionLabelsThatShareOfEachBatchTheSameWayEveryRun() {
        int batch = 64;
        for (double fraction : new double[] {0.1, 0.5, 1.0}) {
            for (long step = 0; step < 20; step++) {
                boolean[] labelled = BatchProducer.labelledRowsOfStep(fraction, batch, SEED, step);
                int count = 0;
                for (boolean l : labelled) if (l) count++;
                assertEquals(Math.round(fraction * batch), count, "fraction " + fraction + " step " + step);
                assertArrayEquals(labelled, BatchProducer.labelledRowsOfStep(fraction, batch, SEED, step));
            }
        }
        assertNull(BatchProducer.labelledRowsOfStep(0, batch, SEED, 0), "unsupervised: no row is labelled");
        // different steps label different rows
        assertTrue(!Arrays.equals(BatchProducer.labelledRowsOfStep(0.5, batch, SEED, 0), BatchProducer.labelledRowsOfStep(0.5, batch, SEED, 1)));
    }

    /** Asks for pairs with half the rows labelled, and records what the trainer hands it. */
    private static final class PairRecorder extends Model {
        final List<Batch> seen = new ArrayList<>();
        final List<float[]> partners = new ArrayList<>();
        final List<float[]> observations = new ArrayList<>();
        private final Linear weight;

        PairRecorder(NDManager parent) {
            super(new ModelSpec("pairs", new int[] {1, 64, 64}, 1, Likelihood.BERNOULLI, Map.of()), parent, 1);
            weight = addPart("w", Linear.builder().setUnits(1).build(), new Shape(1, 1));
        }

        @Override
        public BatchSampling batchSampling() {
            return new BatchSampling(true, 0.5);
        }

        @Override
        public Losses losses(Batch batch, StepContext context) {
            seen.add(batch);
            partners.add(batch.partners().toFloatArray());
            observations.add(batch.observations().toFloatArray());
            NDArray loss = forward(weight, batch.observations().sub(batch.partners()).mean().reshape(1, 1), true).sum();
            return new Losses().term("loss", loss).objective(MAIN_GROUP, loss);
        }

        @Override
        public NDArray represent(NDArray x) {
            return x.reshape(x.getShape().get(0), -1).mean(new int[] {1}, true);
        }

        @Override
        public NDArray decode(NDArray decoderInput, boolean training) {
            throw new UnsupportedOperationException("records batches only");
        }
    }

    @Test
    void theTrainerHandsAPairModelItsPartnersAndLabelledRows(@TempDir Path tmp) {
        TrainingConfig config = new TrainingConfig("pairs", "squares", null, 3, BATCH, 0.01, 1, "bernoulli", SEED, Map.of(), 1, 10);
        int size = dataset.observationSize();
        try (NDManager root = Torch.newManager(); PairRecorder model = new PairRecorder(root)) {
            RunDirectory run = RunDirectory.create(tmp.resolve("run"), config, Map.of());
            new Trainer(model, dataset, config, run).train(new TrainingListener() {});
            assertEquals(3, model.seen.size());
            for (int step = 0; step < 3; step++) {
                Batch batch = model.seen.get(step);
                int[][] partners = BatchProducer.partnerFactorsOfStep(dataset, BATCH, SEED, step);
                float[] expected = new float[BATCH * size];
                for (int i = 0; i < BATCH; i++) dataset.render(partners[i], expected, i * size);
                assertArrayEquals(expected, model.partners.get(step), "partners of step " + step);
                int[][] factors = BatchProducer.factorsOfStep(dataset, BATCH, SEED, step);
                for (int i = 0; i < BATCH; i++) dataset.render(factors[i], expected, i * size);
                assertArrayEquals(expected, model.observations.get(step), "observations of step " + step);
                assertArrayEquals(BatchProducer.labelledRowsOfStep(0.5, BATCH, SEED, step), batch.labelled());
                int labelled = 0;
                for (int i = 0; i < BATCH; i++) if (batch.isLabelled(i)) labelled++;
                assertEquals(3, labelled);
            }
        }
    }
}
