package org.disentangle4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.disentangle4j.model.Batch;
import org.disentangle4j.model.Likelihood;
import org.disentangle4j.model.Losses;
import org.disentangle4j.model.Methods;
import org.disentangle4j.model.Model;
import org.disentangle4j.model.ModelSpec;
import org.disentangle4j.model.StepContext;
import org.disentangle4j.model.Validation;
import org.disentangle4j.nn.Torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainer keeps the parameters of the lowest validation loss. The test model counts its
 * training steps in a parameter without gradient (as batch normalisation keeps its running
 * statistics) and reports a scripted validation loss for each count, so the best step is known.
 */
class BestCheckpointTest {
    /** Validation loss after 2, 4, …, 12 steps: the lowest (1.5) is at step 8, not at the end. */
    private static final Map<Integer, Float> SCRIPT = Map.of(2, 5f, 4, 3f, 6, 4f, 8, 1.5f, 10, 2f, 12, 6f);

    /** One trainable weight and a step counter. */
    private static final class Part extends AbstractBlock {
        final Parameter weight = addParameter(Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(1, 1)).build());
        final Parameter counter = addParameter(Parameter.builder().setName("count").setType(Parameter.Type.RUNNING_MEAN)
                .optShape(new Shape(1)).optRequiresGrad(false).build());

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
            return inputs;
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inputShapes;
        }
    }

    private static final class Scripted extends Model {
        final Part part;

        Scripted(ModelSpec spec, NDManager parent) {
            super(spec, parent, 5);
            part = addPart("part", new Part(), new Shape(1, 1));
        }

        @Override
        public Losses losses(Batch batch, StepContext context) {
            part.counter.getArray().addi(1f); // in place, like a running statistic
            NDArray w = part.weight.getArray();
            NDArray loss = w.square().sum().add(batch.observations().mean());
            return new Losses().term("loss", loss).objective(MAIN_GROUP, loss);
        }

        @Override
        public NDArray represent(NDArray observations) {
            return observations.reshape(observations.getShape().get(0), -1);
        }

        @Override
        public NDArray decode(NDArray decoderInput, boolean training) {
            throw new UnsupportedOperationException("a scripted loss has no decoder");
        }

        /** Every 2 steps on 5 observations; the loss is the script's value for the number of steps counted so far. */
        @Override
        public Optional<Validation> validation() {
            return Optional.of(new Validation(2, 5, observations -> {
                int count = Math.round(part.counter.getArray().getFloat());
                return observations.getManager().create(SCRIPT.get(count));
            }));
        }
    }

    private final SquaresDataset dataset = new SquaresDataset();

    private static TrainingConfig config() {
        return new TrainingConfig("scripted", "squares", null, 12, 4, 0.1, 1, "bernoulli", 3, Map.of(), 1, 1000);
    }

    private static ModelSpec spec() {
        return new ModelSpec("scripted", new int[] {1, 64, 64}, 1, Likelihood.BERNOULLI, Map.of());
    }

    @Test
    void keepsTheParametersOfTheLowestValidationLoss(@TempDir Path tmp) throws IOException {
        Map<Long, float[]> weights = new HashMap<>();
        try (NDManager m = Torch.newManager(); Scripted model = new Scripted(spec(), m)) {
            RunDirectory run = RunDirectory.create(tmp.resolve("run"), config(), Map.of());
            new Trainer(model, dataset, config(), run).train(new TrainingListener() {
                @Override
                public void stepped(long completed, Map<String, Float> terms, double ips) {
                    weights.put(completed, model.part.weight.getArray().toFloatArray());
                }
            });
            FiniteLosses.assertFinite(tmp.resolve("run"));
            Path best = run.file(RunDirectory.BEST);
            assertEquals(new Checkpoint.Best(8, 1.5), Checkpoint.readBest(best));
            assertFalse(java.util.Arrays.equals(weights.get(8L), weights.get(12L)), "the weight moves after step 8");

            // loading best.npz restores step 8's parameters, counter included
            try (Scripted fresh = new Scripted(spec(), m)) {
                assertEquals(8, Checkpoint.loadParameters(best, fresh));
                assertArrayEquals(weights.get(8L), fresh.part.weight.getArray().toFloatArray());
                assertEquals(8f, fresh.part.counter.getArray().getFloat());
            }
            List<TrainingLog.Entry> log = TrainingLog.read(run.file(RunDirectory.LOG));
            assertEquals(1.5, log.get(7).values().get("val_loss"), 1e-6); // the line of step 8
            assertFalse(log.get(6).values().containsKey("val_loss")); // step 7 validates nothing
        }
    }

    @Test
    void aResumedRunKeepsTheSameBestParameters(@TempDir Path tmp) throws IOException {
        try (NDManager m = Torch.newManager()) {
            Path straight = tmp.resolve("straight");
            try (Scripted model = new Scripted(spec(), m)) {
                new Trainer(model, dataset, config(), RunDirectory.create(straight, config(), Map.of())).train(new TrainingListener() {});
            }
            Path split = tmp.resolve("split");
            RunDirectory run = RunDirectory.create(split, config(), Map.of());
            Trainer[] trainer = new Trainer[1];
            try (Scripted model = new Scripted(spec(), m)) {
                trainer[0] = new Trainer(model, dataset, config(), run);
                // stop after step 9: best.npz then holds step 8; the resumed run validates 10 and 12, both worse
                assertTrue(trainer[0].train(new TrainingListener() {
                    @Override
                    public void stepped(long completed, Map<String, Float> terms, double ips) {
                        if (completed == 9) trainer[0].requestStop();
                    }
                }).interrupted());
            }
            // a resumed trainer that forgot the stored loss would overwrite best.npz at step 10 (loss 2)
            assertEquals(8, Checkpoint.readBest(run.file(RunDirectory.BEST)).step());
            try (Scripted model = new Scripted(spec(), m)) {
                new Trainer(model, dataset, config(), RunDirectory.open(split)).train(new TrainingListener() {});
            }
            FiniteLosses.assertFinite(straight);
            FiniteLosses.assertFinite(split);
            assertEquals(Checkpoint.readBest(straight.resolve(RunDirectory.BEST)), Checkpoint.readBest(split.resolve(RunDirectory.BEST)));
            assertArrayEquals(Files.readAllBytes(straight.resolve(RunDirectory.BEST)), Files.readAllBytes(split.resolve(RunDirectory.BEST)));
        }
    }

    /** A real model (ae on balls-scalar): an opened run reads best.npz when it has one, else checkpoint.npz. */
    @Test
    void anOpenedRunUsesTheBestParametersOverTheCheckpoint(@TempDir Path tmp) {
        TrainingConfig c = new TrainingConfig("ae", "balls-scalar", null, 1, 4, 1e-3, 2, "bernoulli", 0,
                Map.of("validate-every", 1000.0), 1, 1000);
        Path dir = tmp.resolve("run");
        try (NDManager m = Torch.newManager()) {
            float[] trained;
            try (Run run = Run.create(c, dir, m)) {
                run.trainer().train(new TrainingListener() {});
                FiniteLosses.assertFinite(dir);
                assertTrue(Files.exists(run.directory().file(RunDirectory.CHECKPOINT)));
                trained = run.model().namedParameters().values().iterator().next().getArray().toFloatArray();
            }
            // no validation happened within one step but at the end: best.npz is step 1, the checkpoint too
            try (Run run = Run.open(dir, m)) {
                assertEquals(1, Checkpoint.readBest(run.directory().file(RunDirectory.BEST)).step());
                assertArrayEquals(trained, run.model().namedParameters().values().iterator().next().getArray().toFloatArray());
            }
            // replace best.npz by other parameters (another initialisation): open must read them, not the checkpoint
            float[] other;
            try (Model different = Methods.create(Methods.spec("ae", new int[] {3, 64, 64}, 2, Likelihood.BERNOULLI,
                    Map.of("validate-every", 1000.0)), m, 999)) {
                other = different.namedParameters().values().iterator().next().getArray().toFloatArray();
                Checkpoint.saveBest(dir.resolve(RunDirectory.BEST), 0, different, 0.5);
            }
            assertFalse(java.util.Arrays.equals(trained, other));
            try (Run run = Run.open(dir, m)) {
                assertArrayEquals(other, run.model().namedParameters().values().iterator().next().getArray().toFloatArray());
            }
            // without best.npz: the checkpoint's
            try {
                Files.delete(dir.resolve(RunDirectory.BEST));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            try (Run run = Run.open(dir, m)) {
                assertArrayEquals(trained, run.model().namedParameters().values().iterator().next().getArray().toFloatArray());
            }
        }
    }
}
