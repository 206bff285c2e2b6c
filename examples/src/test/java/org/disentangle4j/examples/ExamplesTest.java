package org.disentangle4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every example runs as a user would run it, and prints what it says it does. */
class ExamplesTest {
    interface Program {
        void main(String[] args) throws Exception;
    }

    private static String run(Program program, String... args) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            program.main(args);
        } finally {
            System.setOut(saved);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        saved.print(text);
        return text;
    }

    private static double number(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        assertTrue(m.find(), pattern + " in " + text);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void trainFromJavaThenOpenTheRun(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        String trained = run(TrainFromJava::main, dir.toString(), "40");
        assertTrue(trained.contains("outcome COMPLETE after 40 steps"), trained);
        // the reconstruction falls from the first logged line to the last
        assertTrue(number(trained, "recon ([0-9.]+) at step 10") > number(trained, "recon [0-9.]+ at step 10, ([0-9.]+) at step 40"), trained);
        double mig = number(trained, "mig ([0-9.]+)");
        assertTrue(mig >= 0 && mig <= 1, trained);

        String opened = run(OpenARun::main, dir.toString());
        assertTrue(opened.contains("codes (8, 10)"), opened);
        assertEquals(3, opened.lines().filter(l -> l.startsWith("latent 0 at")).count(), opened);
    }

    @Test
    void scoreYourCodesRanksTheAlignedCodeAboveTheMixedOne() throws Exception {
        String scored = run(ScoreYourCodes::main);
        // one dimension per factor against both factors in each dimension: MIG and DCI must tell them apart
        assertTrue(number(scored, "aligned: mig ([0-9.]+)") > number(scored, "mixed: mig ([0-9.]+)") + 0.3, scored);
        assertTrue(number(scored, "aligned: mig [0-9.]+, dci disentanglement ([0-9.]+)")
                > number(scored, "mixed: mig [0-9.]+, dci disentanglement ([0-9.]+)"), scored);
    }

    @Test
    void aMethodOfYourOwnTrainsAndLogsItsTerm(@TempDir Path tmp) throws Exception {
        String own = run(YourOwnMethod::main, tmp.resolve("own").toString(), "20");
        assertTrue(own.contains("outcome COMPLETE after 20 steps"), own);
        assertTrue(own.contains("\"l1\":"), own);
    }
}
