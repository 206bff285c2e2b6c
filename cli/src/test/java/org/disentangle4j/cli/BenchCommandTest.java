package org.disentangle4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BenchCommandTest {
    /** "  ae  64  458  139.7  99.3  40.1  90.2  1%": model, batch, images/s, ms/step, engine %, forward, backward, producer. */
    private static final Pattern ROW = Pattern.compile(
            "^  (\\S+)\\s+(\\d+)\\s+(\\d+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+(\\d+)%$", Pattern.MULTILINE);

    @Test
    void everyModelRowIsConsistentAndTheStepIsBrokenDownIntoItsPhases() {
        String[] r = CommandRunner.run("bench", "--steps", "3", "--warmup", "2", "--train-steps", "0", "--models", "ae,beta-vae",
                "--skip-metrics", "--skip-rendering");
        assertEquals("0", r[0], r[2]);
        String out = r[1];
        assertTrue(out.contains("CPU float32 peak"), out);
        assertTrue(out.contains("where a step's time goes: wait for batch"), out);
        Matcher row = ROW.matcher(out);
        int rows = 0;
        while (row.find()) {
            rows++;
            int batch = Integer.parseInt(row.group(2));
            double imagesPerSecond = Double.parseDouble(row.group(3));
            double msPerStep = Double.parseDouble(row.group(4));
            double enginePercent = Double.parseDouble(row.group(5));
            double forward = Double.parseDouble(row.group(6)), backward = Double.parseDouble(row.group(7));
            assertEquals(64, batch, row.group());
            // images/s and ms/step are the same timing: batch / (ms/step / 1000), to the printed rounding
            assertEquals(batch * 1000 / msPerStep, imagesPerSecond, 1 + imagesPerSecond * 0.001, row.group());
            assertTrue(enginePercent > 0 && enginePercent <= 100, row.group());
            // forward and backward are parts of the engine's share of a step
            assertTrue(forward + backward <= msPerStep * enginePercent / 100 + 0.15, row.group());
        }
        assertEquals(2, rows, out);
    }

    @Test
    void anUnknownDatasetIsOneLineAndNothingIsMeasured() {
        String[] r = CommandRunner.run("bench", "--dataset", "nope", "--skip-metrics", "--skip-rendering");
        assertTrue(!r[0].equals("0"), r[2]);
        assertEquals(1, r[2].lines().count(), r[2]);
        assertTrue(r[2].contains("unknown --dataset 'nope'"), r[2]);
        assertTrue(r[1].isEmpty(), r[1]);
    }
}
