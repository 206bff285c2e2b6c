package org.disentangle4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.disentangle4j.report.RunFigures;
import org.disentangle4j.nn.Torch;
import org.disentangle4j.model.BlockRenderingsFigure;
import org.disentangle4j.train.Run;
import org.disentangle4j.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code traverse RUN_DIR --figure …} on untrained run directories (figures need no training to be drawn). */
class TraverseCommandTest {
    @TempDir
    Path dir;

    private record Outcome(int exit, String out, String err) {}

    private static Outcome run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Outcome(exit, out.toString(), err.toString().trim());
    }

    private Path newRun(String name, String model, String dataset, int latentDim) {
        Path runDir = dir.resolve(name);
        TrainingConfig config = new TrainingConfig(model, dataset, null, 10, 8, 1e-3, latentDim, "bernoulli", 0, Map.of(), 10, 10);
        try (var manager = Torch.newManager(); Run run = Run.create(config, runDir, manager)) {
            return run.directory().path();
        }
    }

    private static void assertOneLineError(Outcome o, String fragment) {
        assertEquals(2, o.exit(), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().startsWith("error: ") && o.err().contains(fragment), "'" + o.err() + "' should mention '" + fragment + "'");
    }

    @Test
    void figureAllWritesTheExtrapolationGridAndTheBlocksOfAnAdditiveRun() throws Exception {
        Path runDir = newRun("additive", "additive-ae", "balls-scalar", 2);
        Outcome o = run("traverse", runDir.toString(), "--figure", "all");
        assertEquals(0, o.exit(), o.err());
        // 64×64 tiles drawn 2× with 2-px separators: 7 tiles of 128 px and 8 separators
        BufferedImage grid = ImageIO.read(runDir.resolve(RunFigures.EXTRAPOLATION).toFile());
        assertEquals(7 * 128 + 8 * 2, grid.getWidth());
        assertEquals(7 * 128 + 8 * 2, grid.getHeight());
        // six rows of input, reconstruction and the two blocks, behind a 52-px label margin
        BufferedImage blocks = ImageIO.read(runDir.resolve(BlockRenderingsFigure.FILE).toFile());
        assertEquals(52 + 4 * 128 + 5 * 2, blocks.getWidth());
        assertEquals(6 * 128 + 7 * 2, blocks.getHeight());
        assertTrue(Files.exists(runDir.resolve(RunFigures.TRAVERSALS)));
    }

    @Test
    void blocksNeedAnAdditiveDecoderAndTheGridTwoDimensions() {
        Path plain = newRun("plain", "ae", "balls-scalar", 2);
        assertOneLineError(run("traverse", plain.toString(), "--figure", "blocks"),
                "model ae has no figure 'blocks'; it draws traversals, extrapolation or all");
        Path additive = newRun("additive", "additive-ae", "balls-scalar", 2);
        assertOneLineError(run("traverse", additive.toString(), "--figure", "heatmap"),
                "model additive-ae has no figure 'heatmap'; it draws traversals, extrapolation, blocks or all");
        assertFalse(Files.exists(plain.resolve(BlockRenderingsFigure.FILE)));
        Path one = newRun("one", "ae", "balls-scalar", 1);
        assertOneLineError(run("traverse", one.toString(), "--figure", "extrapolation"), "needs two dimensions");
        assertFalse(Files.exists(one.resolve(RunFigures.EXTRAPOLATION)));
    }

    @Test
    void badFigureOptionsAreOneLineErrors() {
        Path missing = dir.resolve("nowhere");
        assertOneLineError(run("traverse", missing.toString(), "--figure", "Heat map!"),
                "--figure must be traversals, extrapolation, all or the name of a figure of the run's method");
        assertOneLineError(run("traverse", missing.toString(), "--figure", "all", "--out", "x.png"), "drop --out");
        assertOneLineError(run("traverse", missing.toString(), "--figure", "blocks", "--steps", "5"), "--steps does not apply");
        assertOneLineError(run("traverse", missing.toString(), "--figure", "extrapolation", "--steps", "1"), "at least 2");
    }
}
