package org.disentangle4j.metrics;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.io.NpzFile;
import org.disentangle4j.io.NpzWriter;
import org.disentangle4j.model.OptimizerSettings;
import org.disentangle4j.nn.GlorotUniform;
import org.disentangle4j.nn.Mlps;
import org.disentangle4j.nn.Scalars;
import org.disentangle4j.nn.Torch;
import org.disentangle4j.train.Adam;

/**
 * CDM's annotation classifier w_c (step 1 of the metric): per factor, an MLP (300-300 ELU, one
 * logit) on the observation multiplied by the mask of the factor's block when the dataset has block
 * masks (as the reference's classifier), trained with BCE on the [0, 1]-scaled labels; it plays the
 * role of E[u_c | image]. Trained once per dataset from a fixed seed ({@value #SEED}): {@value #STEPS}
 * Adam steps (1e-3) of {@value #BATCH} observations drawn from the training distribution (the
 * reference: 50 epochs of 7,500 images), then scored on {@value #HELD_OUT} held-out observations
 * (mean absolute error, and accuracy: the fraction within {@value #TOLERANCE} of the label).
 *
 * <p>Cached in {@code $DISENTANGLE4J_CACHE/cdm-classifier/} (default {@code ~/.cache/disentangle4j}),
 * one npz per dataset, named by the dataset and a digest of everything that determines the
 * classifier (dataset name, observation shape, factor names and level values, masks, the
 * settings above); every model of the dataset is scored by the same classifier. The held-out scores
 * are stored beside the weights. {@code $DISENTANGLE4J_CDM_CLASSIFIER_STEPS} changes the number of
 * training steps (quick trials; a different cache entry).
 */
public final class AnnotationClassifier implements AutoCloseable {
    public static final int HIDDEN = Mlps.HIDDEN;
    public static final int STEPS = 500;
    public static final int BATCH = 128;
    public static final double LR = 1e-3;
    public static final long SEED = 20_230_512L;
    public static final int HELD_OUT = 1000;
    public static final double TOLERANCE = 0.1;
    /** The environment variable naming the cache directory. */
    public static final String CACHE_ENV = "DISENTANGLE4J_CACHE";

    private final GroundTruthDataset dataset;
    private final NDManager manager;
    private final ParameterStore store;
    private final SequentialBlock[] nets;
    private final float[][] masks;
    private double[] heldOutError;
    private double[] heldOutAccuracy;

    private AnnotationClassifier(GroundTruthDataset dataset, NDManager manager) {
        this.dataset = dataset;
        this.manager = manager;
        this.store = new ParameterStore(manager, false);
        int factors = dataset.factors().numFactors();
        this.masks = factorMasks(dataset);
        this.nets = new SequentialBlock[factors];
        GlorotUniform init = new GlorotUniform(SEED);
        for (int f = 0; f < factors; f++) {
            SequentialBlock net = Mlps.of(1);
            net.setInitializer(init, Parameter.Type.WEIGHT);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, dataset.observationSize()));
            nets[f] = net;
        }
    }

    /** The mask of each factor's block (null entries: the whole observation). */
    private static float[][] factorMasks(GroundTruthDataset dataset) {
        float[][] out = new float[dataset.factors().numFactors()][];
        if (dataset.blockMasks().isPresent() && dataset.latentBlocks().isPresent()) {
            int[][] blocks = dataset.latentBlocks().get();
            float[][] m = dataset.blockMasks().get();
            for (int b = 0; b < blocks.length; b++) for (int f : blocks[b]) out[f] = m[b];
        }
        return out;
    }

    /** The environment variable that shortens (or lengthens) the classifier's training, for quick trials; part of the cache key. */
    public static final String STEPS_ENV = "DISENTANGLE4J_CDM_CLASSIFIER_STEPS";

    /** The cached classifier of the dataset, trained (and cached) first when there is none. */
    public static AnnotationClassifier forDataset(GroundTruthDataset dataset, ProgressListener progress) {
        return forDataset(dataset, cacheDirectory(), steps(), progress);
    }

    /** {@value #STEPS}, or {@code $DISENTANGLE4J_CDM_CLASSIFIER_STEPS} when set. */
    public static int steps() {
        String env = System.getenv(STEPS_ENV);
        if (env == null || env.isBlank()) return STEPS;
        try {
            int steps = Integer.parseInt(env.trim());
            if (steps >= 1) return steps;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new org.disentangle4j.io.UserInputException(STEPS_ENV + " must be a positive whole number, got '" + env + "'");
    }

    /** As above with this cache directory and training length (tests). */
    public static AnnotationClassifier forDataset(GroundTruthDataset dataset, Path cache, int steps, ProgressListener progress) {
        Path file = cache.resolve("cdm-classifier").resolve(dataset.name() + "-" + digest(dataset, steps) + ".npz");
        AnnotationClassifier c = new AnnotationClassifier(dataset, Torch.newManager());
        try {
            if (Files.exists(file)) {
                c.load(file);
            } else {
                c.train(steps, progress);
                c.evaluateHeldOut();
                c.save(file);
            }
            return c;
        } catch (RuntimeException | IOException e) {
            c.close();
            if (e instanceof RuntimeException r) throw r;
            throw new IllegalStateException("cannot write the CDM classifier cache " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code $DISENTANGLE4J_CACHE}, else {@code ~/.cache/disentangle4j}. */
    public static Path cacheDirectory() {
        String env = System.getenv(CACHE_ENV);
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".cache", "disentangle4j");
    }

    private static String digest(GroundTruthDataset dataset, int steps) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            StringBuilder key = new StringBuilder(dataset.name()).append('|').append(Arrays.toString(dataset.observationShape()));
            for (int f = 0; f < dataset.factors().numFactors(); f++) {
                key.append('|').append(dataset.factors().name(f));
                for (int l = 0; l < dataset.factors().size(f); l++) key.append(',').append(dataset.factors().value(f, l));
            }
            key.append("|steps=").append(steps).append("|batch=").append(BATCH).append("|lr=").append(LR).append("|seed=").append(SEED)
                    .append("|hidden=").append(HIDDEN).append("|heldout=").append(HELD_OUT);
            sha.update(key.toString().getBytes(StandardCharsets.UTF_8));
            for (float[] m : factorMasks(dataset)) {
                if (m == null) continue;
                for (float v : m) sha.update((byte) (v != 0 ? 1 : 0));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void train(int steps, ProgressListener progress) {
        Map<String, Parameter> params = parameters();
        Adam adam = new Adam(OptimizerSettings.adam(LR), params, manager);
        int size = dataset.observationSize();
        for (int step = 0; step < steps; step++) {
            SplittableRandom random = new SplittableRandom(org.disentangle4j.model.Seeds.mix(SEED, 1, step));
            int[][] factors = dataset.sampleFactors(BATCH, random);
            float[] pixels = dataset.render(factors);
            try (NDManager m = manager.newSubManager(); GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray x = m.create(pixels, new Shape(BATCH, size));
                NDArray labels = m.create(toFloat(dataset.scaledLabels(factors)), new Shape(BATCH, nets.length));
                NDArray logits = logits(m, x, true);
                NDArray loss = Scalars.div(Activation.softPlus(logits).sub(logits.mul(labels)).sum(), (float) BATCH);
                collector.backward(loss);
                adam.update(step + 1, m);
            }
            progress.progress("cdm classifier", step + 1, steps);
        }
    }

    private Map<String, Parameter> parameters() {
        Map<String, Parameter> params = new LinkedHashMap<>();
        for (int f = 0; f < nets.length; f++) {
            for (Pair<String, Parameter> p : nets[f].getParameters()) params.put("f" + f + "/" + p.getKey(), p.getValue());
        }
        return params;
    }

    /** Logits (B, factors) of observations (B, size). */
    private NDArray logits(NDManager m, NDArray x, boolean training) {
        NDList columns = new NDList();
        for (int f = 0; f < nets.length; f++) {
            NDArray input = masks[f] == null ? x : x.mul(m.create(masks[f], new Shape(1, masks[f].length)));
            columns.add(nets[f].forward(store, new NDList(input), training).singletonOrThrow());
        }
        return ai.djl.ndarray.NDArrays.concat(columns, 1);
    }

    /** s = w_c(x) for every factor c: {@code [count][factors]} in [0, 1], of {@code count} observations one after another. */
    public double[][] scores(float[] observations, int count) {
        int size = dataset.observationSize();
        double[][] out = new double[count][];
        for (int start = 0; start < count; start += 256) {
            int n = Math.min(256, count - start);
            try (NDManager m = manager.newSubManager()) {
                NDArray x = m.create(Arrays.copyOfRange(observations, start * size, (start + n) * size), new Shape(n, size));
                float[] s = Activation.sigmoid(logits(m, x, false)).toFloatArray();
                for (int i = 0; i < n; i++) {
                    out[start + i] = new double[nets.length];
                    for (int f = 0; f < nets.length; f++) out[start + i][f] = s[i * nets.length + f];
                }
            }
        }
        return out;
    }

    private void evaluateHeldOut() {
        SplittableRandom random = new SplittableRandom(org.disentangle4j.model.Seeds.mix(SEED, 2, 0));
        int[][] factors = dataset.sampleFactors(HELD_OUT, random);
        double[][] u = dataset.scaledLabels(factors);
        double[][] s = scores(dataset.render(factors), HELD_OUT);
        heldOutError = new double[nets.length];
        heldOutAccuracy = new double[nets.length];
        for (int i = 0; i < HELD_OUT; i++) {
            for (int f = 0; f < nets.length; f++) {
                double e = Math.abs(s[i][f] - u[i][f]);
                heldOutError[f] += e / HELD_OUT;
                if (e <= TOLERANCE) heldOutAccuracy[f] += 1.0 / HELD_OUT;
            }
        }
    }

    /** Mean absolute error of each factor's classifier on the held-out observations. */
    public double[] heldOutError() {
        return heldOutError.clone();
    }

    /** Fraction of held-out observations whose score is within {@value #TOLERANCE} of the label, per factor. */
    public double[] heldOutAccuracy() {
        return heldOutAccuracy.clone();
    }

    private void save(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Map<String, Parameter> params = parameters();
        NpzWriter.write(file, NpzWriter.Compression.STORED, npz -> {
            for (Map.Entry<String, Parameter> e : params.entrySet()) {
                NDArray a = e.getValue().getArray();
                npz.add(e.getKey(), a.toFloatArray(), Arrays.stream(a.getShape().getShape()).mapToInt(Math::toIntExact).toArray());
            }
            npz.add("held_out_error", heldOutError, heldOutError.length);
            npz.add("held_out_accuracy", heldOutAccuracy, heldOutAccuracy.length);
        });
    }

    private void load(Path file) {
        try (NpzFile npz = NpzFile.open(file)) {
            for (Map.Entry<String, Parameter> e : parameters().entrySet()) {
                e.getValue().getArray().set(npz.read(e.getKey()).toFloatArray());
            }
            heldOutError = npz.read("held_out_error").toDoubleArray();
            heldOutAccuracy = npz.read("held_out_accuracy").toDoubleArray();
        }
    }

    private static float[] toFloat(double[][] rows) {
        int d = rows.length == 0 ? 0 : rows[0].length;
        float[] out = new float[rows.length * d];
        for (int i = 0; i < rows.length; i++) for (int j = 0; j < d; j++) out[i * d + j] = (float) rows[i][j];
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
