package org.disentangle4j.intervene;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.model.LatentVariableModel;
import org.disentangle4j.model.Seeds;
import org.disentangle4j.viz.ImageGrid;

/**
 * The pictures of a trained model: reconstructions, samples from the prior and latent
 * traversals. Everything is drawn from the seed, so the same run gives the same pictures.
 */
public final class ModelFigures {
    private static final int SCALE = 2;
    /** Traversals sweep ±2.5 standard deviations of each code over the data. */
    public static final double TRAVERSAL_SIGMAS = 2.5;
    private static final int STATISTICS_SAMPLES = 512;

    private final LatentVariableModel model;
    private final GroundTruthDataset dataset;
    private final NDManager parent;
    private final long seed;
    private final int[] shape;

    public ModelFigures(LatentVariableModel model, GroundTruthDataset dataset, NDManager parent, long seed) {
        this.model = model;
        this.dataset = dataset;
        this.parent = parent;
        this.seed = seed;
        this.shape = dataset.observationShape();
        if (shape.length != 3) throw new IllegalArgumentException("figures need image observations, got " + Arrays.toString(shape));
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
     * One row per latent dimension, most used first (KL for VAEs), each swept over
     * ±{@value #TRAVERSAL_SIGMAS} standard deviations of that code over the data, around the
     * code of one data sample. The leftmost column is the sample itself.
     */
    public void writeTraversals(Path file, int steps) throws IOException {
        try (NDManager m = parent.newSubManager()) {
            int d = model.latentDim();
            float[] sample = render(STATISTICS_SAMPLES, 2);
            NDArray observations = batch(m, sample, STATISTICS_SAMPLES);
            float[] usage = model.latentUsage(observations).toFloatArray();
            double[][] stats = codeStatistics(model.represent(observations).toFloatArray());
            float[] base = Arrays.copyOf(model.represent(batch(m, sample, 1)).toFloatArray(), d);
            int[] order = IntStream.range(0, d).boxed()
                    .sorted(Comparator.comparingDouble(i -> -usage[i]))
                    .mapToInt(Integer::intValue).toArray();
            double[] ranges = Arrays.stream(stats[1]).map(s -> TRAVERSAL_SIGMAS * s).toArray();
            float[] codes = LatentTraversal.grid(base, order, ranges, steps);
            float[] images = model.generate(m.create(codes, new Shape((long) d * steps, d))).toFloatArray();
            ImageGrid grid = new ImageGrid(d, steps + 1, shape[0], shape[1], shape[2], SCALE);
            int size = dataset.observationSize();
            for (int r = 0; r < d; r++) {
                grid.put(r, 0, sample, 0);
                for (int s = 0; s < steps; s++) grid.put(r, s + 1, images, (r * steps + s) * size);
            }
            grid.writePng(file);
        }
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
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed, Seeds.FIGURES, purpose));
        return dataset.render(dataset.sampleFactors(count, random));
    }

    private NDArray batch(NDManager m, float[] pixels, int count) {
        float[] first = pixels.length == count * dataset.observationSize() ? pixels : Arrays.copyOf(pixels, count * dataset.observationSize());
        return m.create(first, new Shape(count, shape[0], shape[1], shape[2]));
    }
}
