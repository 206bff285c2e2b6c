package org.disentangle4j.intervene;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.io.AtomicFiles;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.model.FigureInputs;
import org.disentangle4j.model.InterventionGridFigure;
import org.disentangle4j.model.Model;
import org.disentangle4j.model.Seeds;

/**
 * Interventions on a model's latent nodes (do(node = v), {@link Model#intervene}): the grid of
 * images ({@code interventions.png}, {@link InterventionGridFigure}) and, for tables, the mean
 * absolute change of every generated column (the tabular check of counterfactual consistency:
 * only the node's own columns and its descendants' may move).
 */
public final class NodeInterventions {
    /** Training rows whose generations are compared in the table. */
    public static final int TABLE_ROWS = 1000;
    private static final long PURPOSE_TABLE = 43;

    private NodeInterventions() {}

    /** The index of a latent node by name; a one-line error naming the known nodes otherwise. */
    public static int node(Model model, String name) {
        List<String> nodes = model.interventionTargets().latentNodes();
        int index = nodes.indexOf(name);
        if (index < 0) {
            throw new UserInputException("--node: unknown latent node '" + name + "'; the model's latent nodes are: " + String.join(", ", nodes));
        }
        return index;
    }

    /**
     * The values to set: {@code given}, or {@value InterventionGridFigure#COLUMNS} values evenly from
     * the smallest to the largest value the node takes over training observations.
     */
    public static double[] values(Model model, GroundTruthDataset dataset, long seed, int node, double[] given) {
        if (given != null && given.length > 0) return given.clone();
        double[][] range;
        try (NDManager m = model.manager().newSubManager()) {
            range = InterventionGridFigure.nodeRanges(model.latentNodeValues(model.represent(rows(m, dataset, seed, InterventionGridFigure.RANGE_SAMPLES))));
        }
        return InterventionGridFigure.evenly(range[0][node], range[1][node], InterventionGridFigure.COLUMNS);
    }

    /** The image grid of the nodes, each set to its values, into {@code png}. */
    public static void writeGrid(Model model, GroundTruthDataset dataset, long seed, int[] nodes, double[][] values, Path png) throws IOException {
        try (NDManager m = model.manager().newSubManager()) {
            new InterventionGridFigure(model).write(new FigureInputs(dataset, m, seed), png, nodes, values);
        }
    }

    /**
     * The table check: {@code change[v][c]}, the mean over {@value #TABLE_ROWS} training rows of
     * |x̂_c under do(node = values[v]) − x̂_c of the row's own codes|, for every generated column c.
     */
    public static double[][] columnChange(Model model, GroundTruthDataset dataset, long seed, int node, double[] values) {
        try (NDManager m = model.manager().newSubManager()) {
            NDArray codes = model.represent(rows(m, dataset, seed, TABLE_ROWS));
            NDArray base = model.generate(codes).reshape(TABLE_ROWS, -1);
            double[][] change = new double[values.length][];
            for (int v = 0; v < values.length; v++) {
                NDArray set = m.full(new Shape(TABLE_ROWS), (float) values[v]);
                NDArray moved = model.generate(model.intervene(codes, node, set)).reshape(TABLE_ROWS, -1);
                float[] mean = moved.sub(base).abs().mean(new int[] {0}).toFloatArray();
                change[v] = new double[mean.length];
                for (int c = 0; c < mean.length; c++) change[v][c] = mean[c];
            }
            return change;
        }
    }

    /** The table as CSV: one line per value, one column per generated column ({@code x0, x1, …}). */
    public static String csv(String node, double[] values, double[][] change) {
        StringBuilder csv = new StringBuilder(node);
        for (int c = 0; c < change[0].length; c++) csv.append(",x").append(c);
        csv.append('\n');
        for (int v = 0; v < values.length; v++) {
            csv.append(String.format(Locale.ROOT, "%.6g", values[v]));
            for (double x : change[v]) csv.append(',').append(String.format(Locale.ROOT, "%.6g", x));
            csv.append('\n');
        }
        return csv.toString();
    }

    /** Writes {@link #csv} atomically. */
    public static void writeCsv(Path file, String node, double[] values, double[][] change) throws IOException {
        AtomicFiles.writeString(file, csv(node, values, change));
    }

    /** The dataset's columns of each node's block (tables with block masks), for reading the table; empty lists otherwise. */
    public static List<int[]> blockColumns(GroundTruthDataset dataset) {
        List<int[]> out = new ArrayList<>();
        dataset.blockMasks().ifPresent(masks -> {
            for (float[] mask : masks) {
                out.add(java.util.stream.IntStream.range(0, mask.length).filter(i -> mask[i] != 0).toArray());
            }
        });
        return out;
    }

    private static NDArray rows(NDManager m, GroundTruthDataset dataset, long seed, int count) {
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed, Seeds.FIGURES, PURPOSE_TABLE));
        float[] pixels = dataset.render(dataset.sampleFactors(count, random));
        int[] shape = dataset.observationShape();
        long[] dims = new long[shape.length + 1];
        dims[0] = count;
        for (int i = 0; i < shape.length; i++) dims[i + 1] = shape[i];
        return m.create(pixels, new Shape(dims));
    }

    /** Parses {@code --values}: numbers separated by commas; a one-line error otherwise. */
    public static double[] parseValues(String text) {
        if (text == null) return null;
        String[] parts = text.split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new UserInputException("--values: expected numbers separated by commas, e.g. -1,0,1; got '" + text + "'");
            }
            if (!Double.isFinite(v[i])) throw new UserInputException("--values: expected finite numbers, got '" + text + "'");
        }
        return Arrays.copyOf(v, v.length);
    }
}
