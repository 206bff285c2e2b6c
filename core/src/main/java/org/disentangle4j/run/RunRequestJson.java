package org.disentangle4j.run;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.disentangle4j.io.AtomicFiles;
import org.disentangle4j.io.IoErrors;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.train.AfterTraining;
import org.disentangle4j.train.TrainingConfig;

/**
 * A {@link RunRequest} as JSON, so that a sweep can hand a request to a run in another JVM: one
 * object with a {@code "kind"} ({@code start}, {@code resume}, {@code score}) and the record's
 * fields; a start's config is written as config.json writes it. Reading is strict: a field of the
 * wrong type or a missing one is refused with the file's name.
 */
public final class RunRequestJson {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeSpecialFloatingPointValues().create();

    private RunRequestJson() {}

    public static String write(RunRequest request) {
        JsonObject json = new JsonObject();
        json.addProperty("dir", request.dir().toString());
        json.addProperty("kind", request.kind());
        if (request instanceof RunRequest.Start start) {
            json.add("config", GSON.toJsonTree(start.config()));
            json.add("after", GSON.toJsonTree(start.after()));
        } else if (request instanceof RunRequest.Resume resume) {
            if (resume.steps() != null) json.addProperty("steps", resume.steps());
            json.add("finishing", GSON.toJsonTree(resume.finishing()));
        } else {
            RunRequest.Score score = (RunRequest.Score) request;
            json.add("metrics", GSON.toJsonTree(score.metrics()));
            json.addProperty("votes", score.votes());
            json.addProperty("seed", score.seed());
        }
        return GSON.toJson(json) + "\n";
    }

    public static RunRequest read(String text, String source) {
        try {
            JsonObject json = JsonParser.parseString(text).getAsJsonObject();
            Path dir = Path.of(required(json, "dir").getAsString());
            String kind = required(json, "kind").getAsString();
            switch (kind) {
                case "start":
                    TrainingConfig config = GSON.fromJson(required(json, "config"), TrainingConfig.class);
                    return new RunRequest.Start(config, dir, GSON.fromJson(required(json, "after"), AfterTraining.class));
                case "resume":
                    Long steps = json.has("steps") ? json.get("steps").getAsLong() : null;
                    return new RunRequest.Resume(dir, steps, GSON.fromJson(required(json, "finishing"), AfterTraining.Change.class));
                case "score":
                    List<String> metrics = new ArrayList<>();
                    required(json, "metrics").getAsJsonArray().forEach(m -> metrics.add(m.getAsString()));
                    return new RunRequest.Score(dir, metrics, required(json, "votes").getAsString(), required(json, "seed").getAsLong());
                default:
                    throw new JsonParseException("unknown kind '" + kind + "' (start, resume or score)");
            }
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
            throw new UserInputException(source + " is not a run request: " + RunLifecycle.oneLine(e));
        }
    }

    public static void writeFile(RunRequest request, Path file) throws IOException {
        AtomicFiles.writeString(file, write(request));
    }

    public static RunRequest readFile(Path file) {
        try {
            return read(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UserInputException("cannot read run request " + file + ": " + IoErrors.reason(e, file), e);
        }
    }

    private static JsonElement required(JsonObject json, String field) {
        JsonElement e = json.get(field);
        if (e == null || e.isJsonNull()) throw new JsonParseException("missing \"" + field + "\"");
        return e;
    }
}
