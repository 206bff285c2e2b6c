package org.disentangle4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The determinism gate: every registered model trains {@value GateTraining#STEPS} steps twice in
 * this JVM and once more in a separate process; every logged term must be finite, and the terms
 * and the trained parameters bit-identical across the three. On libtorch's oneDNN with padded
 * channel blocks (before {@code BlockAlignedConvolution}) five of the nine models failed it here.
 *
 * <p>It also holds every model to the per-step memory scope: the arrays its own manager holds must
 * not grow in number across steps. DJL attaches an operation's result to its first operand's
 * manager, so an operation that starts from a parameter (the model's manager) instead of from the
 * step's arrays leaks every step: CFASL's codebook once grew a process by about 14 MB a step so.
 */
class DeterminismGateTest {

    @Test
    void everyModelTrainsFiniteAndBitIdenticalInOneProcessAndAcrossProcesses(@TempDir Path tmp) throws Exception {
        // one process at a time: two engines with two threads each on two cores would spin against each other
        Map<String, String> there = readChild(startSeparateProcess(tmp.resolve("child")));
        Map<String, String> here = new LinkedHashMap<>();
        StringBuilder failures = new StringBuilder();
        for (String model : GateTraining.models()) {
            GateTraining.Fingerprint first = GateTraining.train(model, tmp.resolve("a").resolve(model));
            GateTraining.Fingerprint second = GateTraining.train(model, tmp.resolve("b").resolve(model));
            if (first.terms().size() != GateTraining.STEPS) {
                failures.append(model).append(": logged ").append(first.terms().size()).append(" of ").append(GateTraining.STEPS)
                        .append(" steps (training stopped early)\n");
            }
            first.terms().forEach((step, values) -> values.forEach((term, v) -> {
                if (!Double.isFinite(v)) failures.append(model).append(": ").append(term).append(" = ").append(v)
                        .append(" at step ").append(step).append('\n');
            }));
            if (!first.digest().equals(second.digest())) {
                failures.append(model).append(": two trainings in one JVM differ, first at step ")
                        .append(firstDifference(first, second)).append('\n');
            }
            if (first.arraysAtEnd() != first.arraysSettled()) {
                failures.append(model).append(": its manager held ").append(first.arraysSettled()).append(" arrays after step ")
                        .append(GateTraining.SETTLED_STEP).append(" and ").append(first.arraysAtEnd()).append(" after the last (a leak)\n");
            }
            here.put(model, first.digest());
        }
        for (Map.Entry<String, String> e : here.entrySet()) {
            if (!e.getValue().equals(there.get(e.getKey()))) {
                failures.append(e.getKey()).append(": the separate process trained different numbers\n");
            }
        }
        assertTrue(failures.length() == 0, "determinism gate:\n" + failures);
    }

    private static long firstDifference(GateTraining.Fingerprint a, GateTraining.Fingerprint b) {
        for (Map.Entry<Long, Map<String, Double>> e : a.terms().entrySet()) {
            if (!e.getValue().equals(b.terms().get(e.getKey()))) return e.getKey();
        }
        return -1; // same terms, different final parameters
    }

    /** The same trainings in a fresh JVM (same class path). */
    private static Process startSeparateProcess(Path root) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx2g", "-cp", System.getProperty("java.class.path"),
                GateTraining.class.getName(), root.toString())
                .redirectErrorStream(true)
                .start();
    }

    private static Map<String, String> readChild(Process child) throws Exception {
        byte[] out = child.getInputStream().readAllBytes();
        assertTrue(child.waitFor(10, TimeUnit.MINUTES), "the separate process did not end");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), "the separate process failed:\n" + text);
        Map<String, String> digests = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split(" ");
            if (f.length == 3 && f[0].equals("gate")) digests.put(f[1], f[2]);
        }
        assertEquals(GateTraining.models().size(), digests.size(), "digests from the separate process:\n" + text);
        return digests;
    }
}
