package org.disentangle4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code intervene RUN_DIR --node NAME}: the latent-node mode end to end on a trained cdg-vae, on the
 * tabular SCM (a → b → c → e ← d; one decoder block per column) where what may change is known from the
 * graph alone, and on pendulum images.
 */
class NodeInterventionCommandTest {

    private static String[] run(String... args) {
        return CommandRunner.run(args);
    }

    private static Path train(Path tmp, String dataset) {
        Path dir = tmp.resolve(dataset);
        CommandRunner.Outcome trained = CommandRunner.execute(List.of("train", "--model", "cdg-vae", "--dataset", dataset,
                "--steps", "20", "--batch-size", "32", "--no-evaluate", "--no-figures", "--out", dir.toString()));
        assertEquals(0, trained.exit(), trained.err());
        return dir;
    }

    /**
     * do(b = v): b's column and those of its descendants c and e change; a and d, not descendants of b, have
     * their own decoder blocks fed by codes the intervention leaves alone, so their change is exactly 0.
     */
    @Test
    void onTheScmOnlyTheNodesDescendantsColumnsChange(@TempDir Path tmp) throws Exception {
        Path dir = train(tmp, "scm");
        String[] o = run("intervene", dir.toString(), "--node", "b", "--values", "-1,0,1");
        assertEquals("0", o[0], o[2]);
        List<String> csv = Files.readAllLines(dir.resolve("interventions.csv"));
        assertEquals("b,x0,x1,x2,x3,x4", csv.get(0));
        assertEquals(4, csv.size(), String.join("\n", csv)); // header + one line per value
        for (String line : csv.subList(1, csv.size())) {
            double[] row = java.util.Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray();
            assertEquals(0.0, row[1], line); // a
            assertEquals(0.0, row[4], line); // d
            assertTrue(row[2] > 0 && row[3] > 0 && row[5] > 0, line); // b, c, e
        }
        assertTrue(o[1].contains("mean |change| of each generated column under do(b = v)"), o[1]);
        assertTrue(o[1].contains("wrote " + dir.resolve("interventions.csv")), o[1]);
    }

    @Test
    void onPendulumItWritesTheGridAndBadNodeOptionsAreOneLineWithNothingWritten(@TempDir Path tmp) throws Exception {
        Path dir = train(tmp, "pendulum");
        Path png = dir.resolve("interventions.png");
        String[][] bad = {
            {"intervene", dir.toString(), "--node", "sun"},                                 // no such node
            {"intervene", dir.toString(), "--node", "light", "--values", "0,x"},            // not a number
            {"intervene", dir.toString(), "--node", "light", "--out", tmp.resolve("x.png").toString()},
            {"intervene", dir.toString(), "--node", "light", "--transform", "stretch-x"},   // two modes
        };
        for (String[] args : bad) {
            String[] o = run(args);
            assertEquals("2", o[0], String.join(" ", args) + ": " + o[2]);
            assertEquals(1, o[2].lines().count(), o[2]);
            assertFalse(Files.exists(png), String.join(" ", args));
        }
        assertTrue(run(bad[0])[2].contains("sun"), run(bad[0])[2]);
        String[] o = run("intervene", dir.toString(), "--node", "light", "--values", "-1,0,1");
        assertEquals("0", o[0], o[2]);
        assertEquals("wrote " + png, o[1].trim());
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertTrue(image.getWidth() >= 4 * 64 && image.getHeight() >= 64, image.getWidth() + "x" + image.getHeight()); // reconstruction + 3 values
    }
}
