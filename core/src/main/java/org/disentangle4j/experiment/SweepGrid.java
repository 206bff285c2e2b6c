package org.disentangle4j.experiment;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.disentangle4j.data.Datasets;
import org.disentangle4j.io.IoErrors;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.metrics.MetricSuite;
import org.disentangle4j.train.AfterTraining;
import org.disentangle4j.model.Likelihood;
import org.disentangle4j.model.HyperParameter;
import org.disentangle4j.model.Method;
import org.disentangle4j.model.Methods;

/**
 * A sweep's grid, read from JSON:
 *
 * <pre>{@code
 * {
 *   "dataset": "dsprites",            any train option, here shared by every run
 *   "steps": 2000,
 *   "seeds": [0, 1],
 *   "metrics": ["mig", "factor_vae", "dci"],
 *   "votes": "1000,500",              optional: beta_vae/factor_vae votes (default the reference's)
 *   "runs": [
 *     {"model": "beta-vae", "beta": [1, 4]},
 *     {"model": "factor-vae", "gamma": 10, "steps": 3000}
 *   ]
 * }
 * }</pre>
 *
 * <p>Each entry of {@code runs} names a model and may set any of its hyper-parameters and any
 * training option ({@value #OPTION_LIST}), overriding the top level. A list expands to one run
 * per value, and several lists to their Cartesian product, times the seeds. Whatever is not set
 * keeps the {@code train} command's default.
 */
public final class SweepGrid {
    static final String OPTION_LIST = "dataset, data-file, steps, batch-size, lr, latent-dim, likelihood, log-every, checkpoint-every, training-set";
    /** Training options and the type of their values. */
    private static final Map<String, Class<?>> OPTIONS = new LinkedHashMap<>();

    static {
        OPTIONS.put("dataset", String.class);
        OPTIONS.put("data-file", String.class);
        OPTIONS.put("steps", Long.class);
        OPTIONS.put("batch-size", Long.class);
        OPTIONS.put("lr", Double.class);
        OPTIONS.put("latent-dim", Long.class);
        OPTIONS.put("likelihood", String.class);
        OPTIONS.put("log-every", Long.class);
        OPTIONS.put("checkpoint-every", Long.class);
        OPTIONS.put("training-set", Long.class);
    }

    /** The metrics evaluated when the grid names none. */
    public static final List<String> DEFAULT_METRICS = List.of("mig", "factor_vae", "dci");
    /** More runs than any sweep on a few machines finishes; a bound before the grid is expanded. */
    public static final int MAX_RUNS = 100_000;

    private final List<SweepRun> runs;
    private final List<String> metrics;
    private final MetricSuite.Votes votes;

    private SweepGrid(List<SweepRun> runs, List<String> metrics, MetricSuite.Votes votes) {
        this.runs = List.copyOf(runs);
        this.metrics = List.copyOf(metrics);
        this.votes = votes;
    }

    /** A grid built in code (a built-in experiment); run names must be distinct. */
    public static SweepGrid of(List<SweepRun> runs, List<String> metrics) {
        return of(runs, metrics, MetricSuite.Votes.REFERENCE);
    }

    /** One line of a built-in experiment: a model and its hyper-parameters, trained over seeds. */
    public interface Setting {
        String model();

        Map<String, Double> hyperParameters();
    }

    /**
     * A built-in experiment's grid: every setting × seeds 0 … seeds − 1, all with the same
     * dataset, step count, batch size, learning rate and latent size.
     */
    public static SweepGrid seeded(List<? extends Setting> settings, String dataset, int seeds, long steps, int batchSize,
            double learningRate, int latentDim, List<String> metrics, MetricSuite.Votes votes) {
        if (seeds < 1) throw new UserInputException("--seeds must be at least 1, got " + seeds);
        if (steps < 1) throw new UserInputException("--steps must be positive, got " + steps);
        List<SweepRun> runs = new ArrayList<>();
        for (Setting setting : settings) {
            for (long seed = 0; seed < seeds; seed++) {
                Map<String, Object> options = new LinkedHashMap<>();
                options.put("dataset", dataset);
                options.put("steps", steps);
                options.put("batch-size", (long) batchSize);
                options.put("lr", learningRate);
                options.put("latent-dim", (long) latentDim);
                runs.add(new SweepRun(setting.model(), options, setting.hyperParameters(), seed));
            }
        }
        return of(runs, metrics, votes);
    }

    /** This grid with one more training option, the same for every run (its runs' names gain it). */
    public SweepGrid withOption(String option, Object value) {
        if (!OPTIONS.containsKey(option)) throw new IllegalArgumentException("no training option " + option);
        List<SweepRun> with = new ArrayList<>();
        for (SweepRun run : runs()) {
            Map<String, Object> options = new LinkedHashMap<>(run.options());
            options.put(option, value);
            with.add(new SweepRun(run.model(), options, run.hyperParameters(), run.seed()));
        }
        return of(with, metrics(), votes());
    }

    /** A grid built in code whose interventional scores (beta_vae, factor_vae) use these votes. */
    public static SweepGrid of(List<SweepRun> runs, List<String> metrics, MetricSuite.Votes votes) {
        Set<String> names = new LinkedHashSet<>();
        for (SweepRun run : runs) {
            if (!names.add(run.name())) throw new IllegalArgumentException("run " + run.name() + " is in the grid twice");
        }
        if (runs.isEmpty()) throw new IllegalArgumentException("a grid needs runs");
        return new SweepGrid(runs, metrics, votes);
    }

    /** The runs in grid order: entries, then their settings' product, then seeds. */
    public List<SweepRun> runs() {
        return runs;
    }

    public List<String> metrics() {
        return metrics;
    }

    /** The votes of the interventional scores (beta_vae, factor_vae). */
    public MetricSuite.Votes votes() {
        return votes;
    }

    /** How each run finishes: its figures, then the grid's metrics with the grid's votes. */
    public AfterTraining after() {
        return new AfterTraining(true, true, String.join(",", metrics), votes.toString());
    }

    public static SweepGrid read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UserInputException("cannot read sweep grid " + file + ": " + IoErrors.reason(e, file), e);
        }
        return parse(text, file.toString());
    }

    /** Parses a grid; {@code source} names it in error messages. */
    public static SweepGrid parse(String json, String source) {
        JsonElement root;
        try {
            root = JsonParser.parseString(json);
        } catch (RuntimeException e) {
            throw new UserInputException(source + " is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (!root.isJsonObject()) throw new UserInputException(source + ": expected a JSON object with \"runs\"");
        JsonObject top = root.getAsJsonObject();

        Map<String, List<Object>> shared = new LinkedHashMap<>();
        List<Long> seeds = List.of(0L);
        List<String> metrics = DEFAULT_METRICS;
        MetricSuite.Votes votes = MetricSuite.Votes.REFERENCE;
        JsonArray entries = null;
        for (Map.Entry<String, JsonElement> e : top.entrySet()) {
            String key = e.getKey();
            String where = source + ": " + key;
            switch (key) {
                case "runs" -> {
                    if (!e.getValue().isJsonArray() || e.getValue().getAsJsonArray().isEmpty()) {
                        throw new UserInputException(where + ": expected a non-empty list of {\"model\": …} objects");
                    }
                    entries = e.getValue().getAsJsonArray();
                }
                case "seeds" -> seeds = seeds(e.getValue(), where);
                case "metrics" -> metrics = metrics(e.getValue(), where);
                case "votes" -> {
                    if (!e.getValue().isJsonPrimitive()) throw new UserInputException(where + ": expected \"TRAIN,EVAL\", e.g. \"1000,500\"");
                    try {
                        votes = MetricSuite.Votes.parse(e.getValue().getAsString());
                    } catch (UserInputException bad) {
                        throw new UserInputException(where + ": " + bad.getMessage());
                    }
                }
                default -> {
                    if (!OPTIONS.containsKey(key)) {
                        throw new UserInputException(where + ": unknown key; the top level takes runs, seeds, metrics, votes and the training options "
                                + OPTION_LIST + " (hyper-parameters go in a run)");
                    }
                    shared.put(key, optionValues(key, e.getValue(), where));
                }
            }
        }
        if (entries == null) throw new UserInputException(source + ": no \"runs\": expected a list of {\"model\": …} objects");

        List<SweepRun> runs = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = source + ": runs[" + i + "]";
            if (!entries.get(i).isJsonObject()) throw new UserInputException(where + ": expected an object with \"model\"");
            for (SweepRun run : expand(entries.get(i).getAsJsonObject(), shared, seeds, where)) {
                if (!names.add(run.name())) throw new UserInputException(where + ": run " + run.name() + " is in the grid twice");
                runs.add(run);
            }
            if (runs.size() > MAX_RUNS) throw new UserInputException(source + ": expands to more than " + String.format("%,d", MAX_RUNS) + " runs");
        }
        return new SweepGrid(runs, metrics, votes);
    }

    private static List<SweepRun> expand(JsonObject entry, Map<String, List<Object>> shared, List<Long> seeds, String where) {
        JsonElement modelElement = entry.get("model");
        if (modelElement == null || !modelElement.isJsonPrimitive() || !modelElement.getAsJsonPrimitive().isString()) {
            throw new UserInputException(where + ".model: expected a model name (see 'disentangle models')");
        }
        String model = modelElement.getAsString();
        Method method;
        try {
            method = Methods.get(model);
        } catch (UserInputException e) {
            throw new UserInputException(where + ".model: " + e.getMessage());
        }
        Map<String, List<Object>> options = new LinkedHashMap<>(shared);
        Map<String, List<Object>> hyper = new LinkedHashMap<>();
        List<Long> entrySeeds = seeds;
        for (Map.Entry<String, JsonElement> e : entry.entrySet()) {
            String key = e.getKey();
            String at = where + "." + key;
            if (key.equals("model")) continue;
            if (key.equals("seeds")) {
                entrySeeds = seeds(e.getValue(), at);
            } else if (OPTIONS.containsKey(key)) {
                options.put(key, optionValues(key, e.getValue(), at));
            } else if (method.hyperParameters().stream().map(HyperParameter::name).anyMatch(key::equals)) {
                HyperParameter declared = method.hyperParameters().stream().filter(h -> h.name().equals(key)).findFirst().orElseThrow();
                List<Object> given = values(e.getValue(), declared.categorical() ? String.class : Double.class, at);
                if (declared.categorical()) { // a choice's name, carried as its index (HyperParameter#choice)
                    List<Object> indices = new ArrayList<>();
                    for (Object v : given) {
                        try {
                            indices.add(declared.parse((String) v));
                        } catch (UserInputException bad) {
                            throw new UserInputException(at + ": " + bad.getMessage());
                        }
                    }
                    given = indices;
                }
                for (Object v : given) {
                    String violation = declared.violation((Double) v);
                    if (violation != null) throw new UserInputException(at + ": " + violation);
                }
                hyper.put(key, given);
            } else {
                String known = method.hyperParameters().stream().map(HyperParameter::name).reduce((a, b) -> a + ", " + b).orElse("none");
                throw new UserInputException(at + ": model " + model + " has no hyper-parameter or training option '" + key
                        + "' (its hyper-parameters: " + known + "; training options: " + OPTION_LIST + ")");
            }
        }
        long count = entrySeeds.size();
        for (List<Object> values : options.values()) count = times(count, values.size());
        for (List<Object> values : hyper.values()) count = times(count, values.size());
        if (count > MAX_RUNS) {
            throw new UserInputException(where + ": expands to " + (count == Long.MAX_VALUE ? "more than 2^63" : String.format("%,d", count))
                    + " runs; a grid has at most " + String.format("%,d", MAX_RUNS));
        }
        List<SweepRun> runs = new ArrayList<>();
        for (Map<String, Object> o : product(options)) {
            for (Map<String, Object> h : product(hyper)) {
                Map<String, Double> hp = new LinkedHashMap<>();
                h.forEach((k, v) -> hp.put(k, (Double) v));
                for (long seed : entrySeeds) runs.add(new SweepRun(model, o, hp, seed));
            }
        }
        return runs;
    }

    /** Every combination of one value per key, the last key varying fastest. */
    static List<Map<String, Object>> product(Map<String, List<Object>> lists) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Object>> e : lists.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : out) {
                for (Object v : e.getValue()) {
                    Map<String, Object> m = new LinkedHashMap<>(partial);
                    m.put(e.getKey(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    /** A training option's values, checked as the train command would check them. */
    private static List<Object> optionValues(String key, JsonElement e, String where) {
        List<Object> values = values(e, OPTIONS.get(key), where);
        for (Object v : values) {
            if (v instanceof Long n && n <= 0) throw new UserInputException(where + ": must be positive, got " + n);
            if (v instanceof Long n && !key.equals("steps") && n > Integer.MAX_VALUE) {
                throw new UserInputException(where + ": must be at most " + Integer.MAX_VALUE + ", got " + n);
            }
            if (key.equals("training-set") && (Long) v > org.disentangle4j.data.FiniteTrainingSet.MAX_SIZE) {
                throw new UserInputException(where + ": a training set of at most " + org.disentangle4j.data.FiniteTrainingSet.MAX_SIZE
                        + " observations, got " + v);
            }
            if (key.equals("lr") && !((Double) v > 0)) throw new UserInputException(where + ": must be positive, got " + v);
            if (key.equals("likelihood")) {
                try {
                    Likelihood.parse((String) v);
                } catch (UserInputException bad) {
                    throw new UserInputException(where + ": " + bad.getMessage());
                }
            }
            if (key.equals("dataset") && !Datasets.names().contains((String) v)) {
                throw new UserInputException(where + ": unknown dataset '" + v + "'; expected one of: " + String.join(", ", Datasets.names()));
            }
        }
        return values;
    }

    /** A scalar or a non-empty list of scalars of the given type. */
    private static List<Object> values(JsonElement e, Class<?> type, String where) {
        List<Object> out = new ArrayList<>();
        if (e.isJsonArray()) {
            if (e.getAsJsonArray().isEmpty()) throw new UserInputException(where + ": an empty list gives no runs; give at least one value");
            for (JsonElement v : e.getAsJsonArray()) out.add(scalar(v, type, where));
        } else {
            out.add(scalar(e, type, where));
        }
        return out;
    }

    private static Object scalar(JsonElement e, Class<?> type, String where) {
        if (e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (type == String.class && p.isString()) return p.getAsString();
            if (type == Double.class && p.isNumber() && Double.isFinite(p.getAsDouble())) return p.getAsDouble();
            if (type == Long.class && p.isNumber()) {
                double d = p.getAsDouble();
                if (d == Math.rint(d) && Math.abs(d) < 1e15) return (long) d;
            }
        }
        String expected = type == String.class ? "a string" : type == Long.class ? "a whole number" : "a number";
        throw new UserInputException(where + ": expected " + expected + " or a list of them, got " + e);
    }

    private static List<Long> seeds(JsonElement e, String where) {
        List<Long> seeds = new ArrayList<>();
        for (Object v : values(e, Long.class, where)) seeds.add((Long) v);
        if (new LinkedHashSet<>(seeds).size() != seeds.size()) throw new UserInputException(where + ": a seed is listed twice");
        return seeds;
    }

    private static List<String> metrics(JsonElement e, String where) {
        List<String> metrics = new ArrayList<>();
        for (Object v : values(e, String.class, where)) {
            for (String m : ((String) v).split(",")) {
                if (!m.isBlank()) metrics.add(m.trim());
            }
        }
        if (metrics.isEmpty()) return metrics;
        try {
            // every name known before any run starts; "all" spelled out, the names given kept in their order
            List<String> known = MetricSuite.parseSelection(String.join(",", metrics));
            return metrics.stream().anyMatch(m -> m.equalsIgnoreCase("all")) ? known : metrics;
        } catch (UserInputException unknown) {
            throw new UserInputException(where + ": " + unknown.getMessage());
        }
    }

    /** a × b, or Long.MAX_VALUE where that overflows. */
    private static long times(long a, long b) {
        return Math.multiplyHigh(a, b) != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
