package org.disentangle4j.experiment;

import org.disentangle4j.train.TrainingConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.model.HyperParameter;
import org.disentangle4j.model.Method;
import org.disentangle4j.model.Methods;
import org.disentangle4j.run.NewRun;
import org.disentangle4j.run.RunRequest;
import org.disentangle4j.train.AfterTraining;

/**
 * One run of a sweep: a model, the training options and hyper-parameters the grid sets
 * (everything else keeps the defaults {@link NewRun} resolves, as {@code train} does) and a seed. Its directory name
 * is derived from exactly these settings, so the same grid always names the same runs.
 *
 * @param options training options by their {@code train} flag name without dashes
 *     ({@code dataset}, {@code steps}, …): String, Long or Double values
 * @param hyperParameters the method's hyper-parameters the grid sets
 */
public record SweepRun(String model, Map<String, Object> options, Map<String, Double> hyperParameters, long seed) {
    private static final int MAX_NAME = 200;
    /** Options that change how a run is logged, not what it computes: kept out of its name. */
    private static final java.util.Set<String> BOOKKEEPING = java.util.Set.of("log-every", "checkpoint-every");

    public SweepRun {
        options = new TreeMap<>(options);
        hyperParameters = new TreeMap<>(hyperParameters);
    }

    /**
     * The run's directory name: the model, then every setting as key=value in key order, then the
     * seed, e.g. {@code beta-vae_beta=4_dataset=dsprites_steps=2000_seed=0} (see {@link #settings()}).
     */
    public String name() {
        StringBuilder name = new StringBuilder(model);
        for (Map.Entry<String, String> s : settings().entrySet()) {
            name.append('_').append(s.getKey()).append('=').append(safe(s.getValue()));
        }
        name.append("_seed=").append(seed);
        if (name.length() > MAX_NAME) {
            String hash = Integer.toHexString(name.toString().hashCode());
            return name.substring(0, MAX_NAME - 9) + "-" + hash;
        }
        return name.toString();
    }

    /**
     * Every setting but the seed as text, by key: what runs of different seeds share. Logging and
     * checkpoint intervals are left out: they do not change what a run computes.
     */
    public Map<String, String> settings() {
        Map<String, String> s = new TreeMap<>();
        options.forEach((k, v) -> {
            if (!BOOKKEEPING.contains(k)) s.put(k, format(v));
        });
        hyperParameters.forEach((k, v) -> s.put(k, hyperText(k, v)));
        return s;
    }

    /** The settings as one label, e.g. "beta=4, steps=2000" (for tables). */
    public String settingsLabel() {
        List<String> parts = new ArrayList<>();
        settings().forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(", ", parts);
    }

    /**
     * The request that starts this run in {@code dir}: the grid's settings, every other default
     * resolved as for {@code train} ({@link NewRun}).
     */
    public RunRequest.Start request(Path dir, AfterTraining after) {
        NewRun run = NewRun.of(model).seed(seed).hyperParameters(hyperParameters).dir(dir).after(after);
        options.forEach((key, value) -> {
            switch (key) {
                case "dataset" -> run.dataset((String) value);
                case "data-file" -> run.dataFile(Path.of((String) value));
                case "steps" -> run.steps(((Number) value).longValue());
                case "batch-size" -> run.batchSize(Math.toIntExact(((Number) value).longValue()));
                case "lr" -> run.learningRate(((Number) value).doubleValue());
                case "latent-dim" -> run.latentDim(Math.toIntExact(((Number) value).longValue()));
                case "likelihood" -> run.likelihood((String) value);
                case "log-every" -> run.logEvery(Math.toIntExact(((Number) value).longValue()));
                case "checkpoint-every" -> run.checkpointEvery(Math.toIntExact(((Number) value).longValue()));
                case "training-set" -> run.trainingSet(Math.toIntExact(((Number) value).longValue()));
                default -> throw new IllegalArgumentException("a sweep run has no option " + key);
            }
        });
        return run.request();
    }

    /**
     * Why an existing run's config is not this run (null when it is): the model, seed and every
     * setting the grid gives must agree.
     */
    public String mismatch(TrainingConfig c) {
        if (!model.equals(c.model())) return "model " + c.model() + " instead of " + model;
        if (seed != c.seed()) return "seed " + c.seed() + " instead of " + seed;
        Map<String, Object> actual = new LinkedHashMap<>();
        actual.put("dataset", c.dataset());
        actual.put("data-file", c.dataFile());
        actual.put("steps", c.steps());
        actual.put("batch-size", (long) c.batchSize());
        actual.put("lr", c.learningRate());
        actual.put("latent-dim", (long) c.latentDim());
        actual.put("likelihood", c.likelihood());
        actual.put("log-every", (long) c.logEvery());
        actual.put("checkpoint-every", (long) c.checkpointEvery());
        actual.put("training-set", c.trainingSet() == null ? null : (long) c.trainingSet());
        for (Map.Entry<String, Object> o : options.entrySet()) {
            Object a = actual.get(o.getKey());
            if (!Objects.equals(format(o.getValue()), a == null ? null : format(a))) {
                return o.getKey() + " " + (a == null ? "unset" : format(a)) + " instead of " + format(o.getValue());
            }
        }
        for (Map.Entry<String, Double> h : hyperParameters.entrySet()) {
            Double a = c.hyperParameters().get(h.getKey());
            if (a == null || a.doubleValue() != h.getValue()) {
                return h.getKey() + " " + (a == null ? "unset" : format(a)) + " instead of " + format(h.getValue());
            }
        }
        return null;
    }

    /** A hyper-parameter's value as the command line takes it: a categorical one's choice name, else the number. */
    private String hyperText(String key, double value) {
        Method m;
        try {
            m = Methods.get(model);
        } catch (UserInputException unknown) {
            return format(value);
        }
        return m.hyperParameters().stream().filter(h -> h.name().equals(key)).findFirst()
                .map(h -> h.text(value)).orElse(format(value));
    }

    /** Whole numbers without a decimal point, others in plain notation (1e-4 → 0.0001). */
    public static String format(Object v) {
        return v instanceof Double d ? HyperParameter.format(d) : String.valueOf(v);
    }

    /** A value as a file-name part: a path's file name, characters other than [A-Za-z0-9._+-] as '-'. */
    private static String safe(String value) {
        String v = value.contains("/") ? Path.of(value).getFileName().toString() : value;
        return v.replaceAll("[^A-Za-z0-9._+-]", "-");
    }
}
