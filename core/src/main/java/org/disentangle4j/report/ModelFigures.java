package org.disentangle4j.report;

import org.disentangle4j.intervene.CartesianProductGrid;
import org.disentangle4j.intervene.LatentTraversal;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.disentangle4j.data.FactorSampler;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.model.FigureInputs;
import org.disentangle4j.model.Model;
import org.disentangle4j.model.Seeds;
import org.disentangle4j.viz.ImageGrid;

/**
 * The standard pictures of every trained model: reconstructions, samples from the prior, latent
 * traversals and the Cartesian-product extrapolation grid; a method's own figures
 * ({@link Model#extraFigures}) are drawn beside them from the same {@link #inputs}. Everything is
 * drawn from the seed, so the same run gives the same pictures.
 */
public final class ModelFigures {
    private static final int SCALE = 2;
    /** Traversals sweep ±2.5 standard deviations of each code over the data. */
    public static final double TRAVERSAL_SIGMAS = 2.5;
    /** Values in each traversal row by default: odd, so the middle one is the sample's own code. */
    public static final int TRAVERSAL_STEPS = 11;
    private static final int STATISTICS_SAMPLES = 512;
    /** Test images of each kind (in-support, out-of-support) encoded for the extrapolation grid. */
    public static final int EXTRAPOLATION_SAMPLES = 512;
    /** The frame around the extrapolation cells that lie in the out-of-support region. */
    public static final Color UNSEEN_FRAME = new Color(255, 190, 0);
    private static final int ENCODE_CHUNK = 256;

    private final Model model;
    private final GroundTruthDataset dataset;
    private final NDManager parent;
    private final long seed;
    private final int[] shape;

    public ModelFigures(Model model, GroundTruthDataset dataset, NDManager parent, long seed) {
        this.model = model;
        this.dataset = dataset;
        this.parent = parent;
        this.seed = seed;
        this.shape = dataset.observationShape();
        if (shape.length != 3) throw new IllegalArgumentException("figures need image observations, got " + Arrays.toString(shape));
    }

    /** What the method's own figures are drawn from: this dataset, manager and seed. */
    public FigureInputs inputs() {
        return new FigureInputs(dataset, parent, seed);
    }

    /** Top row: data; bottom row: their reconstructions. */
    public void writeReconstructions(Path file, int count) throws IOException {
        try (NDManager m = parent.newSubManager()) {
            float[] originals = render(count, 0);
            float[] recon = model.generate(model.represent(batch(m, originals, count))).toFloatArray();
            ImageGrid grid = new ImageGrid(2, count, shape[0], shape[1], shape[2], SCALE);
            int size = dataset.observationSize();
            for (int i = 0; i < count; i++) {
                grid.put(0, i, originals, i * size);
                grid.put(1, i, recon, i * size);
            }
            grid.writePng(file);
        }
    }

    /**
     * Decoded random codes: from the N(0, I) prior for VAEs, else from a Gaussian matching each
     * code dimension's mean and spread over the data.
     */
    public void writeSamples(Path file, int rows, int cols) throws IOException {
        try (NDManager m = parent.newSubManager()) {
            int d = model.latentDim();
            double[][] stats = model.hasPrior() ? null : codeStatistics(dataCodes(m));
            SplittableRandom random = new SplittableRandom(Seeds.mix(seed, Seeds.FIGURES, 1));
            float[] codes = new float[rows * cols * d];
            for (int i = 0; i < codes.length; i++) {
                double g = random.nextGaussian();
                codes[i] = (float) (stats == null ? g : stats[0][i % d] + stats[1][i % d] * g);
            }
            float[] images = model.generate(m.create(codes, new Shape(rows * cols, d))).toFloatArray();
            ImageGrid grid = new ImageGrid(rows, cols, shape[0], shape[1], shape[2], SCALE);
            int size = dataset.observationSize();
            for (int i = 0; i < rows * cols; i++) grid.put(i / cols, i % cols, images, i * size);
            grid.writePng(file);
        }
    }

    /**
     * What {@link #writeTraversals} draws: the sample (C, H, W) and its code (the posterior mean
     * for VAEs); the latent dimension of each row, most used first; the half-width of each
     * dimension's sweep (indexed by dimension, {@value #TRAVERSAL_SIGMAS} standard deviations of
     * that code over the data); the number of values per row (odd: value {@code steps / 2} is the
     * sample's own code); the swept codes (rows · steps, d)
     * and their decodings (rows · steps, C, H, W), row-major.
     */
    public record Traversals(float[] sample, float[] sampleCode, int[] dims, double[] halfWidths, int steps, float[] codes,
            float[] images) {}

    /**
     * The traversals of one data sample: row r sweeps latent {@code dims()[r]} over evenly spaced
     * values from code − half-width to code + half-width, every other dimension held at the
     * sample's code (see {@link LatentTraversal#grid}). Rows are ordered by {@link
     * Model#latentUsage} over {@value #STATISTICS_SAMPLES} data samples, of which the
     * sample is the first.
     *
     * @param steps values per row; an even count is raised by one, so that the middle value is
     *     the sample's own code (bit for bit) and the middle column its decoding
     */
    public Traversals traversals(int steps) {
        if (steps < 1) throw new IllegalArgumentException("a traversal needs at least one value, got " + steps);
        int values = oddTraversalSteps(steps);
        try (NDManager m = parent.newSubManager()) {
            int d = model.latentDim();
            int size = dataset.observationSize();
            float[] data = render(STATISTICS_SAMPLES, 2);
            NDArray observations = batch(m, data, STATISTICS_SAMPLES);
            float[] usage = model.latentUsage(observations).toFloatArray();
            float[] codes = model.represent(observations).toFloatArray();
            double[][] stats = codeStatistics(codes);
            float[] base = Arrays.copyOf(codes, d); // the first sample's code
            int[] order = IntStream.range(0, d).boxed()
                    .sorted(Comparator.comparingDouble(i -> -usage[i]))
                    .mapToInt(Integer::intValue).toArray();
            double[] ranges = Arrays.stream(stats[1]).map(s -> TRAVERSAL_SIGMAS * s).toArray();
            float[] sweep = LatentTraversal.grid(base, order, ranges, values);
            float[] images = model.generate(m.create(sweep, new Shape((long) d * values, d))).toFloatArray();
            return new Traversals(Arrays.copyOf(data, size), base, order, ranges, values, sweep, images);
        }
    }

    /** The number of values a traversal row gets when {@code steps} are asked for: the odd one of steps, steps + 1. */
    public static int oddTraversalSteps(int steps) {
        return steps % 2 == 0 ? steps + 1 : steps;
    }

    /**
     * One row per latent dimension, most used first (KL for VAEs), each swept over
     * ±{@value #TRAVERSAL_SIGMAS} standard deviations of that code over the data, around the
     * code of one data sample ({@link #traversals}). The leftmost column is the sample itself;
     * then {@code steps} values (an even count raised by one), the middle one the sample's own code.
     */
    public Traversals writeTraversals(Path file, int steps) throws IOException {
        Traversals t = traversals(steps);
        int rows = t.dims().length;
        ImageGrid grid = new ImageGrid(rows, t.steps() + 1, shape[0], shape[1], shape[2], SCALE);
        int size = dataset.observationSize();
        for (int r = 0; r < rows; r++) {
            grid.put(r, 0, t.sample(), 0);
            for (int s = 0; s < t.steps(); s++) grid.put(r, s + 1, t.images(), (r * t.steps() + s) * size);
        }
        grid.writePng(file);
        return t;
    }

    /**
     * The Cartesian-product extrapolation grid ({@link CartesianProductGrid}): {@value
     * #EXTRAPOLATION_SAMPLES} images from the training distribution and as many from the
     * dataset's out-of-support sampler (when it has one) are encoded; two latent dimensions (see
     * {@link CartesianProductGrid#plottedDims}, ranked by {@link Model#latentUsage})
     * are swept over {@code steps} values each, every other dimension held at its median, and
     * every combination is decoded and tiled (decoded images clamped to [0, 1]). Cells whose code
     * lies where the out-of-support images are encoded get a {@link #UNSEEN_FRAME} frame.
     */
    public CartesianProductGrid writeExtrapolation(Path file, int steps) throws IOException {
        int d = model.latentDim();
        if (d < 2) throw new IllegalArgumentException("the extrapolation grid needs at least two latent dimensions, got " + d);
        try (NDManager m = parent.newSubManager()) {
            float[] inImages = render(EXTRAPOLATION_SAMPLES, 3);
            float[] inCodes = encode(m, inImages, EXTRAPOLATION_SAMPLES);
            Optional<FactorSampler> unseen = dataset.outOfSupport();
            float[] outCodes = null;
            if (unseen.isPresent()) {
                SplittableRandom random = new SplittableRandom(Seeds.mix(seed, Seeds.FIGURES, 4));
                outCodes = encode(m, dataset.render(unseen.get().sample(EXTRAPOLATION_SAMPLES, random)), EXTRAPOLATION_SAMPLES);
            }
            float[] usage = model.latentUsage(batch(m, inImages, STATISTICS_SAMPLES)).toFloatArray();
            int[] dims = CartesianProductGrid.plottedDims(usage, model.latentBlocks().orElse(null));
            CartesianProductGrid plan = CartesianProductGrid.of(inCodes, outCodes, d, dims[0], dims[1], steps);
            float[] images = model.generate(m.create(plan.codes(), new Shape((long) steps * steps, d))).clip(0f, 1f).toFloatArray();
            ImageGrid grid = new ImageGrid(steps, steps, shape[0], shape[1], shape[2], SCALE);
            int size = dataset.observationSize();
            for (int r = 0; r < steps; r++) {
                for (int c = 0; c < steps; c++) {
                    grid.put(r, c, images, (r * steps + c) * size);
                    if (plan.marked(r, c)) grid.outline(r, c, UNSEEN_FRAME, 2);
                }
            }
            grid.writePng(file);
            return plan;
        }
    }

    /** Codes of {@code count} observations, encoded {@value #ENCODE_CHUNK} at a time. */
    private float[] encode(NDManager parentScope, float[] pixels, int count) {
        int d = model.latentDim();
        int size = dataset.observationSize();
        float[] codes = new float[count * d];
        for (int start = 0; start < count; start += ENCODE_CHUNK) {
            int n = Math.min(ENCODE_CHUNK, count - start);
            try (NDManager m = parentScope.newSubManager()) {
                NDArray x = m.create(Arrays.copyOfRange(pixels, start * size, (start + n) * size), new Shape(n, shape[0], shape[1], shape[2]));
                System.arraycopy(model.represent(x).toFloatArray(), 0, codes, start * d, n * d);
            }
        }
        return codes;
    }

    private float[] dataCodes(NDManager m) {
        return model.represent(batch(m, render(STATISTICS_SAMPLES, 2), STATISTICS_SAMPLES)).toFloatArray();
    }

    /** Mean and standard deviation of each code dimension over {@value #STATISTICS_SAMPLES} codes of data. */
    private double[][] codeStatistics(float[] codes) {
        int d = model.latentDim();
        double[] mean = new double[d];
        double[] std = new double[d];
        for (int i = 0; i < STATISTICS_SAMPLES; i++) for (int j = 0; j < d; j++) mean[j] += codes[i * d + j];
        for (int j = 0; j < d; j++) mean[j] /= STATISTICS_SAMPLES;
        for (int i = 0; i < STATISTICS_SAMPLES; i++) {
            for (int j = 0; j < d; j++) std[j] += Math.pow(codes[i * d + j] - mean[j], 2);
        }
        for (int j = 0; j < d; j++) std[j] = Math.sqrt(std[j] / STATISTICS_SAMPLES);
        return new double[][] {mean, std};
    }

    private float[] render(int count, long purpose) {
        return inputs().render(count, purpose);
    }

    private NDArray batch(NDManager m, float[] pixels, int count) {
        return inputs().batch(m, pixels, count);
    }
}
