package org.disentangle4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disentangle4j.model.Likelihood;
import org.disentangle4j.model.Methods;
import org.disentangle4j.model.Model;
import org.disentangle4j.model.Seeds;
import org.disentangle4j.nn.Torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    private final SquaresDataset dataset = new SquaresDataset();

    private static TrainingConfig config(long steps) {
        return new TrainingConfig("beta-vae", "squares", null, steps, 16, 1e-3, 4, "bernoulli", 7,
                Map.of("beta", 1.0), 5, 1000);
    }

    private Model model(TrainingConfig c, NDManager m) {
        return Methods.create(Methods.spec(c.model(), dataset.observationShape(), c.latentDim(), Likelihood.BERNOULLI,
                c.hyperParameters()), m, Seeds.mix(c.seed(), Seeds.INIT, 0));
    }

    private TrainingResult train(TrainingConfig c, Path dir, NDManager m, TrainingListener listener) {
        RunDirectory run = Files.exists(dir.resolve(RunDirectory.CONFIG)) ? RunDirectory.open(dir) : RunDirectory.create(dir, c, Map.of());
        try (Model model = model(c, m)) {
            TrainingResult result = new Trainer(model, dataset, c, run).train(listener);
            FiniteLosses.assertFinite(dir);
            return result;
        }
    }

    private static Map<String, float[]> parametersOf(Path checkpoint, TrainingConfig c, SquaresDataset ds, NDManager m) {
        Map<String, float[]> values = new LinkedHashMap<>();
        try (Model model = Methods.create(Methods.spec(c.model(), ds.observationShape(), c.latentDim(), Likelihood.BERNOULLI,
                c.hyperParameters()), m, 12345)) {
            Checkpoint.loadParameters(checkpoint, model);
            model.namedParameters().forEach((k, p) -> values.put(k, p.getArray().toFloatArray()));
        }
        return values;
    }

    @Test
    void aShortRunLowersTheLoss(@TempDir Path tmp) throws IOException {
        try (NDManager m = Torch.newManager()) {
            train(config(60), tmp.resolve("run"), m, new TrainingListener() {});
            List<TrainingLog.Entry> log = TrainingLog.read(tmp.resolve("run").resolve(RunDirectory.LOG));
            assertEquals(12, log.size()); // a line every 5 steps
            double first = log.get(0).values().get("loss");
            double last = log.get(log.size() - 1).values().get("loss");
            assertTrue(last < 0.7 * first, "loss went from " + first + " to " + last);
        }
    }

    @Test
    void thePhasesOfTheLoopAccountForEveryStepAndNoMoreThanItsWallTime(@TempDir Path tmp) {
        try (NDManager m = Torch.newManager()) {
            TrainingConfig c = config(30);
            RunDirectory run = RunDirectory.create(tmp.resolve("run"), c, Map.of());
            try (Model model = model(c, m)) {
                Trainer trainer = new Trainer(model, dataset, c, run);
                StepPhases[] atStep10 = new StepPhases[1];
                long began = System.nanoTime();
                trainer.train(new TrainingListener() {
                    @Override
                    public void stepped(long completed, Map<String, Float> terms, double ips) {
                        if (completed == 10) atStep10[0] = trainer.phases();
                    }
                });
                double wall = (System.nanoTime() - began) / 1e9;
                StepPhases all = trainer.phases();
                assertEquals(30, all.steps());
                assertEquals(10, atStep10[0].steps());
                assertEquals(20, all.since(atStep10[0]).steps());
                // the phases are consecutive stretches of the loop's wall time: they cannot add up to more
                assertTrue(all.totalSeconds() <= wall, all.totalSeconds() + " s of phases in " + wall + " s of training");
                for (StepPhases.Phase p : StepPhases.Phase.values()) {
                    assertTrue(all.seconds(p) >= 0, p + " " + all.seconds(p));
                    assertTrue(all.seconds(p) >= atStep10[0].seconds(p), p + " shrank");
                }
                assertTrue(all.seconds(StepPhases.Phase.FORWARD) > 0 && all.seconds(StepPhases.Phase.BACKWARD) > 0);
                assertTrue(all.engineFraction() > 0 && all.engineFraction() <= 1, "engine fraction " + all.engineFraction());
                // the producer rendered at least the 30 batches the loop took, on its own thread
                assertTrue(all.producerCpuSeconds() > 0, "producer CPU " + all.producerCpuSeconds());
            }
        }
    }

    @Test
    void resumingFromACheckpointGivesTheParametersOfAnUninterruptedRun(@TempDir Path tmp) {
        try (NDManager m = Torch.newManager()) {
            train(config(40), tmp.resolve("straight"), m, new TrainingListener() {});

            Path split = tmp.resolve("split");
            Trainer[] trainer = new Trainer[1];
            TrainingConfig c = config(40);
            RunDirectory run = RunDirectory.create(split, c, Map.of());
            try (Model model = model(c, m)) {
                trainer[0] = new Trainer(model, dataset, c, run);
                TrainingResult first = trainer[0].train(new TrainingListener() {
                    @Override
                    public void stepped(long completed, Map<String, Float> terms, double ips) {
                        if (completed == 17) trainer[0].requestStop();
                    }
                });
                assertTrue(first.interrupted());
                assertEquals(17, first.completedSteps());
            }
            assertEquals(RunDirectory.State.INTERRUPTED, RunDirectory.open(split).state());
            TrainingResult second = train(c, split, m, new TrainingListener() {});
            assertEquals(40, second.completedSteps());
            // trained but not yet scored: status.json names the last checkpoint's step, where a rerun would resume
            var status = RunDirectory.open(split).readJson(RunDirectory.STATUS);
            assertEquals("running", status.get("state").getAsString());
            assertEquals(40, status.get("step").getAsLong());

            Map<String, float[]> a = parametersOf(tmp.resolve("straight").resolve(RunDirectory.CHECKPOINT), c, dataset, m);
            Map<String, float[]> b = parametersOf(split.resolve(RunDirectory.CHECKPOINT), c, dataset, m);
            assertEquals(a.keySet(), b.keySet());
            for (String k : a.keySet()) assertArrayEquals(a.get(k), b.get(k), k);
        }
    }

    @Test
    void nativeMemoryDoesNotGrowAcrossSteps(@TempDir Path tmp) throws IOException {
        try (NDManager m = Torch.newManager()) {
            // The first ~200 steps grow the process (JIT code, allocator pools), then it stays
            // within ~10 MiB. Leaking even the input batch (32 × 16 KiB) every step would add
            // 150 MiB over the measured 300 steps, so 32 MiB separates a leak from that noise.
            TrainingConfig c = new TrainingConfig("beta-vae", "squares", null, 450, 32, 1e-3, 4, "bernoulli", 7,
                    Map.of("beta", 1.0), 50, 1000);
            RunDirectory run = RunDirectory.create(tmp.resolve("run"), c, Map.of());
            long[] rss = new long[2];
            int[] arrays = new int[2];
            try (Model model = model(c, m)) {
                new Trainer(model, dataset, c, run).train(new TrainingListener() {
                    @Override
                    public void stepped(long completed, Map<String, Float> terms, double ips) {
                        if (completed == 150 || completed == 450) {
                            int i = completed == 150 ? 0 : 1;
                            rss[i] = residentBytes();
                            arrays[i] = model.manager().getManagedArrays().size();
                        }
                    }
                });
            }
            assertEquals(arrays[0], arrays[1], "arrays owned by the model's manager");
            long growth = rss[1] - rss[0];
            assertTrue(growth < 32L << 20, "resident memory grew by " + (growth >> 20) + " MiB from step 150 to 450");
        }
    }

    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no VmRSS");
    }
}
