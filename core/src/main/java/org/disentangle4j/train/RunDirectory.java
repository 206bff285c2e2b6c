package org.disentangle4j.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.disentangle4j.io.AtomicFiles;
import org.disentangle4j.io.IoErrors;
import org.disentangle4j.io.UserInputException;

/**
 * The directory of one training run and the files in it:
 * {@code config.json} (the config and the versions it ran with), {@code status.json} (running,
 * interrupted, complete, diverged), {@code log.jsonl}, {@code checkpoint.npz}, {@code best.npz} (models
 * that keep their lowest validation loss), figures and {@code metrics.json}. Every file is written atomically.
 */
public final class RunDirectory {
    public static final String CONFIG = "config.json";
    public static final String STATUS = "status.json";
    public static final String LOG = "log.jsonl";
    public static final String CHECKPOINT = "checkpoint.npz";
    public static final String METRICS = "metrics.json";
    /** The parameters of the lowest validation loss, for models that ask for it ({@code Model.validation}). */
    public static final String BEST = "best.npz";

    /**
     * Where a run stands. {@code RUNNING}: training, or drawing and scoring after it (a run that
     * died then resumes into its figures and scores). {@code INTERRUPTED}: stopped on request with a
     * checkpoint. {@code FAILED}: stopped by an error ({@link #ERROR}); resuming continues from its
     * checkpoint. {@code COMPLETE}: every step trained and the finishing done; a failure of the
     * figures or the scoring is noted ({@link #FIGURES_ERROR}, {@link #EVALUATION_ERROR}). A
     * {@code DIVERGED} run stopped on a non-finite value and is final: its checkpoint holds the last
     * finite parameters.
     */
    public enum State { RUNNING, INTERRUPTED, COMPLETE, FAILED, DIVERGED }

    /** The note of a failed run: what stopped it. */
    public static final String ERROR = "error";
    /** The notes of a complete run whose figures or scoring failed (training itself finished). */
    public static final String FIGURES_ERROR = "figures_error";
    public static final String EVALUATION_ERROR = "evaluation_error";
    /** Every note status.json may carry beside the state. */
    public static final java.util.List<String> NOTES = java.util.List.of(ERROR, FIGURES_ERROR, EVALUATION_ERROR);

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    private final Path dir;

    private RunDirectory(Path dir) {
        this.dir = dir;
    }

    /**
     * Creates a new run directory and writes its config. Refuses a directory that already holds
     * a run, so nothing is overwritten by accident.
     */
    public static RunDirectory create(Path dir, TrainingConfig config, Map<String, String> versions) {
        try (RunLock lock = createLocked(dir, config, versions, "trained").lock()) {
            return new RunDirectory(dir);
        }
    }

    /** A run directory with its lock, held until the lock is closed. */
    public record Locked(RunDirectory directory, RunLock lock) {}

    /**
     * {@link #create}, holding the directory's {@link RunLock} from before the config is written:
     * of two processes creating the same run, one creates it and the other is refused.
     */
    public static Locked createLocked(Path dir, TrainingConfig config, Map<String, String> versions, String activity) {
        refuseExisting(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserInputException("cannot create output directory " + dir + ": " + IoErrors.reason(e, dir), e);
        }
        if (!Files.isWritable(dir)) throw new UserInputException("output directory " + dir + " is not writable");
        RunLock lock = RunLock.acquire(dir, activity);
        try {
            refuseExisting(dir); // another process may have created the run between the first check and the lock
            RunDirectory run = new RunDirectory(dir);
            JsonObject root = new JsonObject();
            root.add("config", GSON.toJsonTree(config));
            root.add("versions", GSON.toJsonTree(versions));
            root.addProperty("created", Instant.now().toString());
            run.writeJson(CONFIG, root);
            run.writeStatus(State.RUNNING, 0);
            return new Locked(run, lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Refuses a directory that holds a run, a file, or anything but an unused lock. */
    private static void refuseExisting(Path dir) {
        if (Files.exists(dir.resolve(CONFIG))) {
            throw new UserInputException("output directory " + dir + " already holds a run; continue it with --resume "
                    + dir + " or choose another --out");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserInputException("output path " + dir + " is a file; expected a directory");
        }
        if (isNonEmptyDirectory(dir)) {
            throw new UserInputException("output directory " + dir + " is not empty and holds no run; a run gets a directory of its own, "
                    + "choose another --out");
        }
    }

    /**
     * Removes what interrupted atomic writes left (hidden {@code .NAME.HEX.tmp} files); only the
     * directory's lock holder may, since another writer's temporary file would be in use.
     */
    public void removeLeftoverTemporaryFiles(RunLock held) {
        if (held == null) throw new IllegalArgumentException("only the lock holder removes temporary files");
        try (var entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".tmp") && Files.isRegularFile(p)) Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw IoErrors.cannotRead(dir, e);
        }
    }

    private static boolean isNonEmptyDirectory(Path dir) {
        if (!Files.isDirectory(dir)) return false;
        try (var entries = Files.list(dir)) {
            return entries.anyMatch(p -> !p.getFileName().toString().equals(RunLock.FILE));
        } catch (IOException e) {
            throw IoErrors.cannotRead(dir, e);
        }
    }

    /** Opens an existing run, e.g. to resume or evaluate it. */
    public static RunDirectory open(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new UserInputException(dir + " is a file, not a run directory");
        if (!Files.isDirectory(dir)) throw new UserInputException("run directory " + dir + " does not exist");
        if (!Files.isRegularFile(dir.resolve(CONFIG))) {
            throw new UserInputException(dir + " is not a run directory: it has no " + CONFIG);
        }
        return new RunDirectory(dir);
    }

    public Path path() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    public TrainingConfig config() {
        JsonObject root = readJson(CONFIG);
        try {
            TrainingConfig c = GSON.fromJson(root.get("config"), TrainingConfig.class);
            if (c == null || c.model() == null || c.dataset() == null) throw new JsonParseException("missing fields");
            return c;
        } catch (JsonParseException e) {
            throw new UserInputException(file(CONFIG) + " does not hold a valid training config (" + e.getMessage() + ")");
        }
    }

    /** Replaces the config (e.g. more steps for a resumed run), keeping versions and history. */
    public void updateConfig(TrainingConfig config) {
        JsonObject root = readJson(CONFIG);
        root.add("config", GSON.toJsonTree(config));
        root.addProperty("updated", Instant.now().toString());
        writeJson(CONFIG, root);
    }

    /**
     * What the run does after training, as saved by {@link #writeAfterTraining}; {@code fallback}
     * for a run made before this was saved.
     */
    public AfterTraining afterTraining(AfterTraining fallback) {
        JsonObject root = readJson(CONFIG);
        if (!root.has(AfterTraining.KEY)) return fallback;
        try {
            AfterTraining a = GSON.fromJson(root.get(AfterTraining.KEY), AfterTraining.class);
            return a == null || a.metrics() == null || a.votes() == null ? fallback : a;
        } catch (JsonParseException e) {
            throw new UserInputException(file(CONFIG) + " has an invalid " + AfterTraining.KEY + " (" + e.getMessage() + ")");
        }
    }

    public void writeAfterTraining(AfterTraining after) {
        JsonObject root = readJson(CONFIG);
        root.add(AfterTraining.KEY, GSON.toJsonTree(after));
        writeJson(CONFIG, root);
    }

    /** The step status.json names (the last checkpoint's; for a diverged run the step that diverged). */
    public long statusStep() {
        if (!Files.exists(file(STATUS))) return 0;
        JsonObject s = readJson(STATUS);
        return s.has("step") ? s.get("step").getAsLong() : 0;
    }

    public State state() {
        if (!Files.exists(file(STATUS))) return State.RUNNING;
        JsonObject s = readJson(STATUS);
        try {
            return State.valueOf(s.get("state").getAsString().toUpperCase());
        } catch (RuntimeException e) {
            throw new UserInputException(file(STATUS) + " has no valid state");
        }
    }

    public void writeStatus(State state, long step) {
        writeStatus(state, step, Map.of());
    }

    /**
     * The state with notes beside it, e.g. {@code error} for a failed run or
     * {@code evaluation_error} for a complete run whose scoring failed.
     */
    public void writeStatus(State state, long step, Map<String, String> notes) {
        JsonObject s = new JsonObject();
        s.addProperty("state", state.name().toLowerCase());
        s.addProperty("step", step);
        notes.forEach(s::addProperty);
        s.addProperty("updated", Instant.now().toString());
        writeJson(STATUS, s);
    }

    /**
     * Marks the run diverged: {@code step} is where the non-finite value was seen; the status also
     * names the cause and the step of the checkpoint kept ({@code checkpoint_step}).
     */
    public void writeDiverged(Divergence divergence) {
        JsonObject s = new JsonObject();
        s.addProperty("state", State.DIVERGED.name().toLowerCase());
        s.addProperty("step", divergence.step());
        s.addProperty("checkpoint_step", divergence.checkpointStep());
        s.addProperty("cause", divergence.cause());
        s.addProperty("updated", Instant.now().toString());
        writeJson(STATUS, s);
    }

    public void writeJson(String name, JsonElement json) {
        try {
            AtomicFiles.writeString(file(name), GSON.toJson(json) + "\n");
        } catch (IOException e) {
            throw IoErrors.cannotWrite(file(name), e);
        }
    }

    public JsonObject readJson(String name) {
        Path f = file(name);
        try {
            return JsonParser.parseString(Files.readString(f)).getAsJsonObject();
        } catch (IOException e) {
            throw IoErrors.cannotRead(f, e);
        } catch (RuntimeException e) {
            throw new UserInputException(f + " is not valid JSON");
        }
    }

    public static Gson gson() {
        return GSON;
    }
}
