package org.disentangle4j.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.disentangle4j.model.Methods;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden terms: for every model in {@code golden/terms-20-steps.json} (each registered
 * production model when the file was written, before the method template's refactoring), 20
 * steps at seed 0 as the determinism gate trains them, every step's logged terms. A change that
 * should not change what a user gets (a refactoring) must leave them bit-identical.
 *
 * <p>Bit-identity holds on the machine that wrote the file (its CPU and engine are in the file);
 * elsewhere other kernels round differently, so there the terms must agree to a relative 1e-3.
 * {@link #main} rewrites the file on purpose (a change that is meant to alter the numbers).
 */
class GoldenTermsTest {
    static final String RESOURCE = "/golden/terms-20-steps.json";
    static final long STEPS = 20;
    static final long SEED = 0;
    private static final double ELSEWHERE_RELATIVE_TOLERANCE = 1e-3;

    @Test
    void everyModelLogsTheGoldenTermsOf20Steps(@TempDir Path tmp) throws IOException {
        JsonObject golden;
        try (InputStream in = GoldenTermsTest.class.getResourceAsStream(RESOURCE)) {
            golden = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        }
        boolean sameMachine = machine().equals(golden.get("machine").getAsString());
        StringBuilder failures = new StringBuilder();
        JsonObject models = golden.getAsJsonObject("models");
        assertFalse(models.isEmpty(), "the golden file names no model");
        for (Map.Entry<String, JsonElement> model : models.entrySet()) {
            assertFalse(Methods.all().stream().noneMatch(m -> m.name().equals(model.getKey())),
                    model.getKey() + " is in the golden file but no longer registered");
            GateTraining.Fingerprint now = GateTraining.train(model.getKey(), tmp.resolve(model.getKey()), STEPS, SEED);
            for (Map.Entry<String, JsonElement> step : model.getValue().getAsJsonObject().entrySet()) {
                Map<String, Double> values = now.terms().get(Long.parseLong(step.getKey()));
                if (values == null) {
                    failures.append(model.getKey()).append(": step ").append(step.getKey()).append(" not logged\n");
                    continue;
                }
                JsonObject goldenTerms = step.getValue().getAsJsonObject();
                if (!values.keySet().equals(goldenTerms.keySet())) {
                    failures.append(model.getKey()).append(": step ").append(step.getKey()).append(" logs ")
                            .append(values.keySet()).append(", golden ").append(goldenTerms.keySet()).append('\n');
                    continue;
                }
                goldenTerms.entrySet().forEach(term -> {
                    double expected = term.getValue().getAsDouble();
                    double actual = values.get(term.getKey());
                    boolean same = sameMachine ? Double.doubleToRawLongBits(expected) == Double.doubleToRawLongBits(actual)
                            : Math.abs(actual - expected) <= ELSEWHERE_RELATIVE_TOLERANCE * Math.max(1e-6, Math.abs(expected));
                    if (!same) {
                        failures.append(model.getKey()).append(": step ").append(step.getKey()).append(' ').append(term.getKey())
                                .append(" = ").append(actual).append(", golden ").append(expected).append('\n');
                    }
                });
            }
        }
        assertTrue(failures.length() == 0, (sameMachine ? "bit-identical" : "within relative 1e-3 (another machine)")
                + " terms expected:\n" + failures);
    }

    /** The CPU and engine the numbers were computed with. */
    static String machine() throws IOException {
        String cpu = "unknown CPU";
        Path info = Path.of("/proc/cpuinfo");
        if (Files.exists(info)) {
            cpu = Files.readAllLines(info).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        }
        return cpu + " / " + System.getProperty("os.arch") + " / " + ai.djl.engine.Engine.getEngine("PyTorch").getVersion();
    }

    /** Writes the golden file from this build's training: {@code args[0]} is the resource directory. */
    public static void main(String[] args) throws IOException {
        JsonObject root = new JsonObject();
        root.addProperty("machine", machine());
        root.addProperty("what", "logged terms of " + STEPS + " steps at seed " + SEED + " per model (GoldenTermsTest)");
        JsonObject models = new JsonObject();
        root.add("models", models);
        Path work = Files.createTempDirectory("golden");
        for (String model : GateTraining.models()) {
            GateTraining.Fingerprint f = GateTraining.train(model, work.resolve(model), STEPS, SEED);
            JsonObject steps = new JsonObject();
            models.add(model, steps);
            f.terms().forEach((step, values) -> {
                JsonObject terms = new JsonObject();
                values.forEach(terms::addProperty);
                steps.add(Long.toString(step), terms);
            });
            System.out.println("golden " + model);
        }
        Path file = Path.of(args[0]).resolve("golden/terms-20-steps.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, new GsonBuilder().setPrettyPrinting().create().toJson(root) + "\n");
        System.out.println("wrote " + file);
    }
}
