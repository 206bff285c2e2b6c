package org.disentangle4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.disentangle4j.model.Likelihood;
import org.disentangle4j.model.Methods;
import org.disentangle4j.model.Model;
import org.disentangle4j.model.Seeds;
import org.disentangle4j.nn.Torch;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every method of the zoo trains on a tiny dataset: finite, falling loss, and its terms in log.jsonl. */
class ZooTrainingTest {
    private final SquaresDataset dataset = new SquaresDataset();

    static List<Object[]> zoo() {
        return List.of(
                new Object[] {"vae", Map.of(), List.of("recon", "kl", "elbo", "loss"), 0.8},
                new Object[] {"beta-vae", Map.of("beta", 4.0), List.of("recon", "kl", "loss"), 0.8},
                // the study's schedule: C stays near 0 over these steps and γ = 1000 pins the KL there, so
                // the reconstruction (and the loss) can only fall slowly; a faster schedule would make the
                // loss rise while the KL chases C
                new Object[] {"annealed-vae", Map.of(), List.of("recon", "kl", "capacity", "loss"), 1.0},
                new Object[] {"factor-vae", Map.of(), List.of("recon", "kl", "tc", "disc_loss", "disc_accuracy", "loss"), 0.8},
                new Object[] {"dip-vae-i", Map.of(), List.of("recon", "kl", "dip_offdiag", "dip_diag", "loss"), 0.8},
                new Object[] {"dip-vae-ii", Map.of(), List.of("recon", "kl", "dip_offdiag", "dip_diag", "loss"), 0.8},
                new Object[] {"beta-tcvae", Map.of(), List.of("recon", "kl", "tc", "loss"), 0.8});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("zoo")
    void trainsWithFiniteFallingLossAndLogsItsTerms(String method, Map<String, Double> hyper, List<String> terms, double fall,
            @TempDir Path tmp)
            throws IOException {
        TrainingConfig c = new TrainingConfig(method, "squares", null, 24, 16, 1e-3, 4, "bernoulli", 7, hyper, 4, 1000);
        RunDirectory run = RunDirectory.create(tmp.resolve("run"), c, Map.of());
        int[] arrays = new int[2];
        try (NDManager m = Torch.newManager();
                Model model = Methods.create(Methods.spec(method, dataset.observationShape(), c.latentDim(), Likelihood.BERNOULLI,
                        c.hyperParameters()), m, Seeds.mix(c.seed(), Seeds.INIT, 0))) {
            new Trainer(model, dataset, c, run).train(new TrainingListener() {
                @Override
                public void stepped(long completed, Map<String, Float> t, double ips) {
                    if (completed == 2 || completed == 23) arrays[completed == 2 ? 0 : 1] = model.manager().getManagedArrays().size();
                }
            });
        }
        // every temporary of a step lives in the step's manager: nothing piles up in the model's
        assertEquals(arrays[0], arrays[1], method + ": arrays owned by the model's manager after step 2 and step 23");
        List<TrainingLog.Entry> log = TrainingLog.read(run.file(RunDirectory.LOG));
        assertTrue(log.size() == 6, "a line every 4 of 24 steps, got " + log.size());
        for (TrainingLog.Entry e : log) {
            for (String t : terms) {
                Double v = e.values().get(t);
                assertTrue(v != null && Double.isFinite(v), method + ": term " + t + " at step " + e.step() + " in " + e.values());
            }
        }
        double first = log.get(0).values().get("loss");
        double last = log.get(log.size() - 1).values().get("loss");
        assertTrue(last < fall * first, method + ": loss went from " + first + " to " + last);
    }
}
