package org.disentangle4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.disentangle4j.cli.CommandRunner.Outcome;
import org.disentangle4j.nn.Torch;
import org.disentangle4j.train.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every regulariser trains on every dataset: the architecture follows the data, and combinations of parts train as methods. */
class ComposedTrainingTest {

    private static Outcome train(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--batch-size", "8", "--steps", "2", "--no-evaluate",
                "--no-figures", "--out", out.toString()));
        args.addAll(List.of(more));
        return CommandRunner.execute(args);
    }

    /** The names of the networks the run's model is built from. */
    private static Set<String> networks(Path dir) {
        try (NDManager m = Torch.newManager(); Run run = Run.open(dir, m)) {
            return run.model().parts().keySet();
        }
    }

    @Test
    void aZooRegulariserOnVectorsTrainsWithAnMlp(@TempDir Path tmp) {
        Outcome scm = train(tmp.resolve("scm"), "--model", "factor-vae", "--dataset", "scm");
        assertEquals(0, scm.exit(), scm.err());
        assertEquals(Set.of("encoder", "decoder", "discriminator"), networks(tmp.resolve("scm")));
        try (NDManager m = Torch.newManager(); Run run = Run.open(tmp.resolve("scm"), m)) {
            // the MLP's first layer reads the flattened vector, not a 64×64 image
            assertFalse(run.model().parts().get("encoder").toString().contains("Conv"), run.model().parts().get("encoder").toString());
        }
    }

    @Test
    void betaTcvaeWithTheCausalLayerAndBlockMaskedDecoderOnPendulum(@TempDir Path tmp) {
        Outcome pendulum = train(tmp.resolve("pendulum"), "--model", "causal-beta-tcvae", "--dataset", "pendulum");
        assertEquals(0, pendulum.exit(), pendulum.err());
        // pendulum's causal blocks {light}, {angle}, {length, position}: one masked decoder each, one latent per factor
        assertEquals(Set.of("encoder", "causal", "decoder0", "decoder1", "decoder2"), networks(tmp.resolve("pendulum")));
        try (NDManager m = Torch.newManager(); Run run = Run.open(tmp.resolve("pendulum"), m)) {
            assertEquals(4, run.config().latentDim());
            assertTrue(run.model().latentGraph().isPresent());
        }
    }
}
