package org.disentangle4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** log.jsonl is strict JSON: non-finite values are null, named with what they were in "non_finite". */
class TrainingLogTest {

    @Test
    void nonFiniteValuesAreNullAndNamedAndReadBackAsTheyWere(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("log.jsonl");
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("recon", Double.NaN);
        values.put("kl", Double.POSITIVE_INFINITY);
        values.put("tc", Double.NEGATIVE_INFINITY);
        values.put("loss", 1.5);
        try (TrainingLog log = new TrainingLog(file)) {
            log.append(5, Map.of("loss", 2.25));
            log.append(7, values);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(2, lines.size());
        for (String line : lines) {
            JsonReader strict = new JsonReader(new StringReader(line));
            strict.setLenient(false); // rejects bare NaN / Infinity tokens
            JsonParser.parseReader(strict);
        }
        assertFalse(lines.get(0).contains(TrainingLog.NON_FINITE), "a finite line has no non_finite field: " + lines.get(0));
        JsonObject diverged = JsonParser.parseString(lines.get(1)).getAsJsonObject();
        assertTrue(diverged.get("recon").isJsonNull());
        assertEquals(1.5, diverged.get("loss").getAsDouble());
        JsonObject named = diverged.getAsJsonObject(TrainingLog.NON_FINITE);
        assertEquals(Map.of("recon", "NaN", "kl", "Infinity", "tc", "-Infinity"),
                Map.of("recon", named.get("recon").getAsString(), "kl", named.get("kl").getAsString(),
                        "tc", named.get("tc").getAsString()));
        assertEquals(3, named.size());

        List<TrainingLog.Entry> read = TrainingLog.read(file);
        Map<String, Double> back = read.get(1).values();
        assertTrue(Double.isNaN(back.get("recon")));
        assertEquals(Double.POSITIVE_INFINITY, back.get("kl"));
        assertEquals(Double.NEGATIVE_INFINITY, back.get("tc"));
        assertEquals(1.5, back.get("loss"));
        assertFalse(back.containsKey(TrainingLog.NON_FINITE));
    }
}
