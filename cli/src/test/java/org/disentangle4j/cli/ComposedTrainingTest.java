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

    @Test
    void partsChosenPerRunBuildWhatTheDeclaredCombinationBuilds(@TempDir Path tmp) throws Exception {
        // beta-tcvae with --part structure=causal --part decoder=blocks is causal-beta-tcvae: same networks, same initial weights
        Outcome chosen = train(tmp.resolve("chosen"), "--model", "beta-tcvae", "--dataset", "pendulum", "--latent-dim", "4",
                "--part", "structure=causal", "--part", "decoder=blocks");
        assertEquals(0, chosen.exit(), chosen.err());
        Outcome declared = train(tmp.resolve("declared"), "--model", "causal-beta-tcvae", "--dataset", "pendulum");
        assertEquals(0, declared.exit(), declared.err());
        assertEquals(networks(tmp.resolve("declared")), networks(tmp.resolve("chosen")));
        try (NDManager m = Torch.newManager(); Run a = Run.open(tmp.resolve("chosen"), m); Run b = Run.open(tmp.resolve("declared"), m)) {
            assertEquals(java.util.Map.of("decoder", "blocks", "structure", "causal"), a.config().partChoices());
            var pa = a.model().namedParameters();
            var pb = b.model().namedParameters();
            assertEquals(pb.keySet(), pa.keySet());
            for (String name : pa.keySet()) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(pb.get(name).getArray().toFloatArray(), pa.get(name).getArray().toFloatArray(), 0f, name);
            }
        }
        // an MLP decoder under a zoo objective on images; a bad choice is one line
        Outcome mlp = train(tmp.resolve("mlp"), "--model", "beta-vae", "--part", "decoder=mlp");
        assertEquals(0, mlp.exit(), mlp.err());
        try (NDManager m = Torch.newManager(); Run run = Run.open(tmp.resolve("mlp"), m)) {
            assertFalse(run.model().parts().get("decoder").toString().contains("Conv"), run.model().parts().get("decoder").toString());
            assertTrue(run.model().parts().get("encoder").toString().contains("Conv"));
        }
        Outcome bad = train(tmp.resolve("bad"), "--model", "beta-vae", "--part", "decoder=gan");
        assertEquals(2, bad.exit(), bad.err());
        assertEquals("error: --part decoder=gan: expected decoder=conv|mlp|blocks", bad.err().strip());
        assertFalse(java.nio.file.Files.exists(tmp.resolve("bad")));
        Outcome ae = train(tmp.resolve("ae"), "--model", "ae", "--part", "encoder=mlp");
        assertEquals(2, ae.exit(), ae.err());
        assertTrue(ae.err().contains("only a Gaussian encoder can be replaced"), ae.err());
    }
}
