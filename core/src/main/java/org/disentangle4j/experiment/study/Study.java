package org.disentangle4j.experiment.study;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.disentangle4j.experiment.SweepGrid;
import org.disentangle4j.io.IoErrors;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.metrics.MetricSuite;

/**
 * A study: every model × every dataset × its hyper-parameters × seeds, scored by a set of
 * metrics — a sweep whose grid is written as a product. The file:
 * <pre>
 * {"models": ["beta-vae", "beta-tcvae"],      required
 *  "datasets": ["dsprites"],                  required
 *  "seeds": [0, 1], "steps": 20,              and any other training option of a sweep grid
 *  "metrics": ["mig", "dci", ...],            default the suite's default selection
 *  "hyper": {"beta-vae": {"beta": [1, 4]}}}   per-model hyper-parameter grids, as in a sweep
 * </pre>
 * It is turned into a sweep grid (one run entry per model and dataset) and validated as one, so
 * its errors name the study file and key.
 *
 * @param models the models in the study's order
 * @param datasets the datasets in the study's order
 */
public record Study(List<String> models, List<String> datasets, SweepGrid grid, JsonObject source) {

    public static Study read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UserInputException("cannot read study " + file + ": " + IoErrors.reason(e, file), e);
        }
        return parse(text, file.toString());
    }

    public static Study parse(String text, String source) {
        JsonObject root;
        try {
            JsonElement e = JsonParser.parseString(text);
            if (!e.isJsonObject()) throw new UserInputException(source + ": expected a JSON object with \"models\" and \"datasets\"");
            root = e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new UserInputException(source + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        List<String> models = names(root, "models", source);
        List<String> datasets = names(root, "datasets", source);
        for (String model : models) {
            try {
                org.disentangle4j.model.Methods.get(model);
            } catch (UserInputException unknown) {
                throw new UserInputException(source + ": models: " + unknown.getMessage());
            }
        }
        for (String dataset : datasets) {
            if (!org.disentangle4j.data.Datasets.names().contains(dataset)) {
                throw new UserInputException(source + ": datasets: unknown dataset '" + dataset + "'; expected some of "
                        + String.join(", ", org.disentangle4j.data.Datasets.names()));
            }
        }
        JsonObject hyper = new JsonObject();
        if (root.has("hyper")) {
            if (!root.get("hyper").isJsonObject()) throw new UserInputException(source + ": hyper: expected {\"MODEL\": {\"NAME\": [values]}}");
            hyper = root.getAsJsonObject("hyper");
            for (String model : hyper.keySet()) {
                if (!models.contains(model)) throw new UserInputException(source + ": hyper." + model + ": not one of the study's models " + models);
            }
        }
        JsonObject grid = new JsonObject();
        if (!root.has("metrics")) grid.addProperty("metrics", MetricSuite.DEFAULT_SELECTION);
        for (Map.Entry<String, JsonElement> e : root.entrySet()) {
            if (!List.of("models", "datasets", "hyper").contains(e.getKey())) grid.add(e.getKey(), e.getValue());
        }
        com.google.gson.JsonArray runs = new com.google.gson.JsonArray();
        for (String model : models) {
            for (String dataset : datasets) {
                JsonObject run = new JsonObject();
                run.addProperty("model", model);
                run.addProperty("dataset", dataset);
                if (hyper.has(model)) {
                    if (!hyper.get(model).isJsonObject()) throw new UserInputException(source + ": hyper." + model + ": expected {\"NAME\": [values]}");
                    hyper.getAsJsonObject(model).entrySet().forEach(h -> run.add(h.getKey(), h.getValue()));
                }
                runs.add(run);
            }
        }
        grid.add("runs", runs);
        return new Study(models, datasets, SweepGrid.parse(grid.toString(), source), root);
    }

    private static List<String> names(JsonObject root, String key, String source) {
        JsonElement e = root.get(key);
        if (e == null || !e.isJsonArray() || e.getAsJsonArray().isEmpty()) {
            throw new UserInputException(source + ": " + key + ": expected a non-empty list of names");
        }
        List<String> names = new ArrayList<>();
        for (JsonElement n : e.getAsJsonArray()) {
            if (!n.isJsonPrimitive() || !n.getAsJsonPrimitive().isString()) throw new UserInputException(source + ": " + key + ": expected names, got " + n);
            if (names.contains(n.getAsString())) throw new UserInputException(source + ": " + key + ": " + n.getAsString() + " is listed twice");
            names.add(n.getAsString());
        }
        return names;
    }
}
