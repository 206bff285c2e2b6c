package org.disentangle4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.disentangle4j.model.Batch;
import org.disentangle4j.model.Likelihood;
import org.disentangle4j.model.Losses;
import org.disentangle4j.model.Model;
import org.disentangle4j.model.ModelSpec;
import org.disentangle4j.model.StepContext;
import org.disentangle4j.nn.Scalars;
import org.disentangle4j.nn.Torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The divergence guard, on a model without convolutions whose loss is scripted to turn NaN at a
 * known step: the NaN reaches the gradient, so Adam makes every weight NaN in that step, as a real
 * divergence does.
 */
class DivergenceTest {
    /** Trainable weights and a step counter (a parameter without gradient, as batch norm's statistics). */
    private static final class Part extends AbstractBlock {
        final Parameter weight = addParameter(Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(2, 3)).build());
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

    /**
     * Loss terms {@code recon} = Σw² + mean pixel and {@code kl} = Σw²; at (1-based) step
     * {@code nanTermStep} the {@code kl} term and the objective are NaN; at {@code nanObjectiveStep}
     * only the objective is (the terms stay finite, the weights still turn NaN).
     */
    private static final class Diverging extends Model {
        final Part part;
        final long nanTermStep;
        final long nanObjectiveStep;

        Diverging(NDManager parent, long nanTermStep, long nanObjectiveStep) {
            super(new ModelSpec("diverging", new int[] {1, 64, 64}, 1, Likelihood.BERNOULLI, Map.of()), parent, 5);
            part = addPart("part", new Part(), new Shape(1, 1));
            this.nanTermStep = nanTermStep;
            this.nanObjectiveStep = nanObjectiveStep;
        }

        @Override
        public Losses losses(Batch batch, StepContext context) {
            part.counter.getArray().addi(1f);
            long step = context.step() + 1;
            NDArray squares = part.weight.getArray().square().sum();
            NDArray recon = squares.add(batch.observations().mean());
            NDArray kl = step == nanTermStep ? Scalars.mul(squares, Float.NaN) : squares;
            NDArray objective = recon.add(kl);
            if (step == nanObjectiveStep) objective = Scalars.mul(objective, Float.NaN);
            return new Losses().term("recon", recon).term("kl", kl).objective(MAIN_GROUP, objective);
        }

        @Override
        public NDArray represent(NDArray observations) {
            return observations.reshape(observations.getShape().get(0), -1);
        }

        @Override
        public NDArray decode(NDArray decoderInput, boolean training) {
            throw new UnsupportedOperationException("a scripted loss has no decoder");
        }
    }

    private final SquaresDataset dataset = new SquaresDataset();

    private static TrainingConfig config(long steps) {
        return new TrainingConfig("diverging", "squares", null, steps, 4, 0.01, 1, "bernoulli", 3, Map.of(), 5, 10);
    }

    /** Trains, recording each finite step's weights. */
    private static TrainingResult train(Trainer trainer, Diverging model, Map<Long, float[]> weights, long stopAfter) {
        Trainer[] self = {trainer};
        return trainer.train(new TrainingListener() {
            @Override
            public void stepped(long completed, Map<String, Float> terms, double ips) {
                weights.put(completed, model.part.weight.getArray().toFloatArray());
                if (completed == stopAfter) self[0].requestStop();
            }
        });
    }

    private static float[] checkpointWeights(Path checkpoint, NDManager m, float[] counter) {
        try (Diverging fresh = new Diverging(m, -1, -1)) {
            Checkpoint.loadParameters(checkpoint, fresh);
            counter[0] = fresh.part.counter.getArray().getFloat();
            return fresh.part.weight.getArray().toFloatArray();
        }
    }

    private static void assertAllFinite(float[] values) {
        for (float v : values) assertTrue(Float.isFinite(v), "non-finite value " + v);
    }

    @Test
    void aNaNLossTermStopsTrainingAndKeepsTheLastFiniteCheckpoint(@TempDir Path tmp) throws IOException {
        Map<Long, float[]> weights = new HashMap<>();
        try (NDManager m = Torch.newManager(); Diverging model = new Diverging(m, 37, -1)) {
            RunDirectory run = RunDirectory.create(tmp.resolve("run"), config(60), Map.of());
            TrainingResult result = train(new Trainer(model, dataset, config(60), run), model, weights, -1);

            assertTrue(result.diverged());
            assertFalse(result.interrupted());
            assertEquals(37, result.completedSteps());
            assertEquals(new Divergence(37, "loss term 'kl' is NaN", 30), result.divergence());
            assertEquals("diverged at step 37: loss term 'kl' is NaN; keeping the checkpoint of step 30", result.divergence().message());
            assertFalse(weights.containsKey(38L), "training went on after the diverged step");

            JsonObject status = run.readJson(RunDirectory.STATUS);
            assertEquals("diverged", status.get("state").getAsString());
            assertEquals(37, status.get("step").getAsLong());
            assertEquals(30, status.get("checkpoint_step").getAsLong());
            assertEquals(RunDirectory.State.DIVERGED, run.state());

            // the checkpoint holds step 30's parameters (not step 37's NaN ones, nor step 40's)
            float[] counter = new float[1];
            float[] kept = checkpointWeights(run.file(RunDirectory.CHECKPOINT), m, counter);
            assertAllFinite(kept);
            assertArrayEquals(weights.get(30L), kept);
            assertFalse(java.util.Arrays.equals(weights.get(30L), weights.get(36L)), "the weights move after step 30");
            assertEquals(30f, counter[0]);
            // and the model in memory was reloaded from it, ready for figures
            assertArrayEquals(weights.get(30L), model.part.weight.getArray().toFloatArray());

            // log.jsonl: strict JSON, a line every 5 steps and one for the diverged step with its NaN term as null
            List<String> lines = Files.readAllLines(run.file(RunDirectory.LOG));
            assertEquals(8, lines.size());
            for (String line : lines) strictJson(line);
            JsonObject last = strictJson(lines.get(7)).getAsJsonObject();
            assertEquals(37, last.get("step").getAsLong());
            assertTrue(last.get("kl").isJsonNull(), lines.get(7));
            assertTrue(last.get("recon").getAsJsonPrimitive().isNumber(), lines.get(7));
            List<TrainingLog.Entry> read = TrainingLog.read(run.file(RunDirectory.LOG));
            assertTrue(Double.isNaN(read.get(7).values().get("kl")));
        }
    }

    @Test
    void aStopRequestWithNonFiniteParametersWritesNoCheckpoint(@TempDir Path tmp) {
        Map<Long, float[]> weights = new HashMap<>();
        try (NDManager m = Torch.newManager(); Diverging model = new Diverging(m, -1, 13)) {
            RunDirectory run = RunDirectory.create(tmp.resolve("run"), config(60), Map.of());
            // step 13's terms are finite (computed before the update), its update makes the weights NaN; then Ctrl-C
            TrainingResult result = train(new Trainer(model, dataset, config(60), run), model, weights, 13);

            assertTrue(result.diverged());
            assertFalse(result.interrupted());
            assertEquals(13, result.divergence().step());
            assertEquals(10, result.divergence().checkpointStep());
            assertEquals("parameter 'part/w' is not finite", result.divergence().cause());
            assertEquals(RunDirectory.State.DIVERGED, run.state());
            float[] counter = new float[1];
            float[] kept = checkpointWeights(run.file(RunDirectory.CHECKPOINT), m, counter);
            assertArrayEquals(weights.get(10L), kept);
            assertEquals(10f, counter[0]);
        }
    }

    @Test
    void aPeriodicCheckpointOfNonFiniteParametersIsRefused(@TempDir Path tmp) {
        Map<Long, float[]> weights = new HashMap<>();
        try (NDManager m = Torch.newManager(); Diverging model = new Diverging(m, -1, 23)) {
            RunDirectory run = RunDirectory.create(tmp.resolve("run"), config(60), Map.of());
            // the weights are NaN from step 23 on, and so is every later loss term: step 24 is caught by its terms
            TrainingResult result = train(new Trainer(model, dataset, config(60), run), model, weights, -1);
            assertEquals(new Divergence(24, "loss term 'recon' is NaN", 20), result.divergence());
            assertArrayEquals(weights.get(20L), checkpointWeights(run.file(RunDirectory.CHECKPOINT), m, new float[1]));
        }
    }

    @Test
    void aDivergenceBeforeTheFirstPeriodicCheckpointKeepsTheInitialParameters(@TempDir Path tmp) {
        try (NDManager m = Torch.newManager(); Diverging model = new Diverging(m, 3, -1)) {
            float[] initial = model.part.weight.getArray().toFloatArray();
            RunDirectory run = RunDirectory.create(tmp.resolve("run"), config(60), Map.of());
            TrainingResult result = train(new Trainer(model, dataset, config(60), run), model, new HashMap<>(), -1);
            assertEquals(new Divergence(3, "loss term 'kl' is NaN", 0), result.divergence());
            float[] counter = new float[1];
            assertArrayEquals(initial, checkpointWeights(run.file(RunDirectory.CHECKPOINT), m, counter));
            assertEquals(0f, counter[0]);
        }
    }

    @Test
    void checkpointSaveRefusesNonFiniteParametersAndLeavesTheFileAlone(@TempDir Path tmp) throws IOException {
        try (NDManager m = Torch.newManager(); Diverging model = new Diverging(m, -1, -1)) {
            Path file = tmp.resolve(RunDirectory.CHECKPOINT);
            Checkpoint.save(file, 5, model, Map.of());
            byte[] before = Files.readAllBytes(file);
            model.part.weight.getArray().set(new float[] {1, 2, Float.POSITIVE_INFINITY, 4, 5, 6});
            NonFiniteCheckpointException e = assertThrows(NonFiniteCheckpointException.class, () -> Checkpoint.save(file, 6, model, Map.of()));
            assertEquals("param/part/w", e.arrayName());
            assertThrows(NonFiniteCheckpointException.class, () -> Checkpoint.saveBest(tmp.resolve(RunDirectory.BEST), 6, model, 0.1));
            assertArrayEquals(before, Files.readAllBytes(file));
            assertFalse(Files.exists(tmp.resolve(RunDirectory.BEST)));
        }
    }

    /** Parses one line as strict JSON (no NaN or Infinity tokens), failing on anything else. */
    private static JsonElement strictJson(String line) throws IOException {
        JsonReader reader = new JsonReader(new StringReader(line));
        reader.setLenient(false);
        return new Gson().getAdapter(JsonElement.class).read(reader);
    }
}
