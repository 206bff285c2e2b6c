package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.disentangle4j.viz.ImageGrid;

/**
 * {@code interventions.png}: the intervention grid of a model with latent nodes. One row per
 * intervened node (all of {@link Model#interventionTargets}, or the chosen ones), the first column
 * the reconstruction of one input, then the node set to {@value #COLUMNS} values evenly from the
 * smallest to the largest value it takes over {@value #RANGE_SAMPLES} training observations (or the
 * given values); every other node of the input is kept, so in a causal model only the node and its
 * descendants may change (in CDG-VAE only their decoder blocks' pixels).
 */
public final class InterventionGridFigure implements ExtraFigure {
    public static final String FILE = "interventions.png";
    /** Values per row by default. */
    public static final int COLUMNS = 7;
    /** Training observations whose node values give each node's range. */
    public static final int RANGE_SAMPLES = 512;
    private static final int SCALE = 2;
    private static final int LABEL_WIDTH = 64;
    private static final long PURPOSE_RANGE = 41;
    private static final long PURPOSE_INPUT = 42;

    private final Model model;

    public InterventionGridFigure(Model model) {
        this.model = model;
    }

    @Override
    public String file() {
        return FILE;
    }

    @Override
    public String caption() {
        return "Interventions (rows: the node set; columns: the reconstruction, then the node from its smallest to its largest "
                + "value; only its descendants may change)";
    }

    @Override
    public void write(FigureInputs inputs, Path file) throws IOException {
        int n = model.interventionTargets().latentNodes().size();
        double[][] values = new double[n][];
        double[][] range = nodeRanges(model, inputs, RANGE_SAMPLES);
        for (int i = 0; i < n; i++) values[i] = evenly(range[0][i], range[1][i], COLUMNS);
        write(inputs, file, java.util.stream.IntStream.range(0, n).toArray(), values);
    }

    /** Draws the rows of {@code nodes}, node {@code nodes[r]} set to {@code values[r]} (one column each). */
    public void write(FigureInputs inputs, Path file, int[] nodes, double[][] values) throws IOException {
        int[] shape = inputs.dataset().observationShape();
        int size = inputs.dataset().observationSize();
        int columns = 1 + java.util.Arrays.stream(values).mapToInt(v -> v.length).max().orElse(0);
        List<String> names = model.interventionTargets().latentNodes();
        ImageGrid grid = new ImageGrid(nodes.length, columns, shape[0], shape[1], shape[2], SCALE, LABEL_WIDTH);
        float[] input = inputs.render(1, PURPOSE_INPUT);
        try (NDManager m = inputs.parent().newSubManager()) {
            NDArray codes = model.represent(inputs.batch(m, input, 1));
            float[] reconstruction = model.generate(codes).clip(0f, 1f).toFloatArray();
            for (int r = 0; r < nodes.length; r++) {
                grid.put(r, 0, reconstruction, 0);
                float[] images = intervened(model, codes, nodes[r], values[r]);
                for (int c = 0; c < values[r].length; c++) grid.put(r, 1 + c, images, c * size);
                grid.labelRow(r, names.get(nodes[r]));
            }
        }
        grid.writePng(file);
    }

    /** {@code count} values evenly from {@code lo} to {@code hi}, both included. */
    public static double[] evenly(double lo, double hi, int count) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) v[i] = count == 1 ? lo : lo + (hi - lo) * i / (count - 1);
        return v;
    }

    /**
     * The smallest ({@code [0][node]}) and largest ({@code [1][node]}) value of every latent node over
     * {@code count} training observations drawn for the figure.
     */
    public static double[][] nodeRanges(Model model, FigureInputs inputs, int count) {
        try (NDManager m = inputs.parent().newSubManager()) {
            return nodeRanges(model.latentNodeValues(model.represent(inputs.batch(m, inputs.render(count, PURPOSE_RANGE), count))));
        }
    }

    /** Column minima and maxima of node values (B, n). */
    public static double[][] nodeRanges(NDArray nodeValues) {
        float[] lo = nodeValues.min(new int[] {0}).toFloatArray();
        float[] hi = nodeValues.max(new int[] {0}).toFloatArray();
        double[][] range = new double[2][lo.length];
        for (int i = 0; i < lo.length; i++) {
            range[0][i] = lo[i];
            range[1][i] = hi[i];
        }
        return range;
    }

    /**
     * The generations of the units of {@code codes} (B, d) under do(node = v) for each value, in
     * inference mode, clamped to [0, 1]: value-major, {@code values.length × B} observations.
     */
    public static float[] intervened(Model model, NDArray codes, int node, double[] values) {
        long b = codes.getShape().get(0);
        NDArray tiled = codes.tile(new long[] {values.length, 1});
        float[] v = new float[Math.toIntExact(values.length * b)];
        for (int c = 0; c < values.length; c++) java.util.Arrays.fill(v, Math.toIntExact(c * b), Math.toIntExact((c + 1) * b), (float) values[c]);
        NDArray set = codes.getManager().create(v, new Shape(v.length));
        return model.generate(model.intervene(tiled, node, set)).clip(0f, 1f).toFloatArray();
    }
}
