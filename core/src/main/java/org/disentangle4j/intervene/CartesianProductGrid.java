package org.disentangle4j.intervene;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.disentangle4j.metrics.stats.Quantiles;

/**
 * The codes of a Cartesian-product extrapolation figure (Lachapelle et al. 2023): two latent
 * dimensions each swept over its range on a test set, every combination of the two decoded.
 *
 * <p><b>Range.</b> Each plotted dimension runs from the {@value #LOW_QUANTILE} to the
 * {@value #HIGH_QUANTILE} quantile of its test codes (linear interpolation between order
 * statistics, as numpy's {@code quantile}), in {@code steps} evenly spaced values whose first and
 * last are exactly those quantiles. The test codes are the in-support and the out-of-support codes
 * together. Every other dimension is held at the median of its test codes.
 *
 * <p><b>Layout.</b> Cell (r, c) of the {@code steps × steps} grid: column c takes the c-th value
 * of the column dimension (increasing left to right), row r the (steps − 1 − r)-th value of the
 * row dimension (increasing bottom to top, as on a plot).
 *
 * <p><b>Marked cells.</b> When there are out-of-support codes, a cell is marked when most of its
 * {@value #NEIGHBOURS} nearest test codes are out-of-support ones: its combination lies where the
 * out-of-support data is encoded and the training data is not. Distances are taken in the plane of
 * the two plotted dimensions, each divided by its plotted range (so the two count alike).
 */
public final class CartesianProductGrid {
    public static final double LOW_QUANTILE = 0.01;
    public static final double HIGH_QUANTILE = 0.99;
    /** Nearest test codes that vote on whether a cell lies in the out-of-support region. */
    public static final int NEIGHBOURS = 5;

    private final int colDim, rowDim, steps;
    private final float[] colValues, rowValues, codes;
    private final boolean[] marked;

    private CartesianProductGrid(int colDim, int rowDim, float[] colValues, float[] rowValues, float[] codes,
            boolean[] marked) {
        this.colDim = colDim;
        this.rowDim = rowDim;
        this.steps = colValues.length;
        this.colValues = colValues;
        this.rowValues = rowValues;
        this.codes = codes;
        this.marked = marked;
    }

    /**
     * The grid over dimensions {@code colDim} × {@code rowDim}.
     *
     * @param inCodes codes (n, d) row-major of test data from the training distribution
     * @param outCodes codes (m, d) of out-of-support test data, or null when the dataset has none
     */
    public static CartesianProductGrid of(float[] inCodes, float[] outCodes, int latentDim, int colDim, int rowDim, int steps) {
        if (latentDim < 2) throw new IllegalArgumentException("a product grid needs two latent dimensions, got " + latentDim);
        if (colDim == rowDim || colDim < 0 || rowDim < 0 || colDim >= latentDim || rowDim >= latentDim) {
            throw new IllegalArgumentException("need two different dimensions below " + latentDim + ", got " + colDim + " and " + rowDim);
        }
        if (steps < 2) throw new IllegalArgumentException("a product grid needs at least 2 steps, got " + steps);
        if (inCodes.length == 0 || inCodes.length % latentDim != 0) {
            throw new IllegalArgumentException("in-support codes must be a non-empty (n, " + latentDim + ") array");
        }
        float[] out = outCodes == null ? new float[0] : outCodes;
        if (out.length % latentDim != 0) throw new IllegalArgumentException("out-of-support codes must be an (m, " + latentDim + ") array");
        float[] all = Arrays.copyOf(inCodes, inCodes.length + out.length);
        System.arraycopy(out, 0, all, inCodes.length, out.length);

        float[] base = new float[latentDim];
        for (int j = 0; j < latentDim; j++) base[j] = (float) Quantiles.linear(column(all, latentDim, j), 0.5);
        float[] colValues = sweep(column(all, latentDim, colDim), steps);
        float[] rowValues = sweep(column(all, latentDim, rowDim), steps);

        float[] codes = new float[steps * steps * latentDim];
        for (int r = 0; r < steps; r++) {
            for (int c = 0; c < steps; c++) {
                int offset = (r * steps + c) * latentDim;
                System.arraycopy(base, 0, codes, offset, latentDim);
                codes[offset + colDim] = colValues[c];
                codes[offset + rowDim] = rowValues[steps - 1 - r];
            }
        }
        boolean[] marked = out.length == 0 ? new boolean[steps * steps]
                : mark(codes, inCodes, out, latentDim, colDim, rowDim, colValues, rowValues);
        return new CartesianProductGrid(colDim, rowDim, colValues, rowValues, codes, marked);
    }

    /**
     * Which two dimensions to plot, as {column, row}. With latent blocks (an additive decoder) and
     * at least two of them: the most used dimension of each of the two most used blocks (a block's
     * use is the sum over its dimensions), the earlier block on the columns. Otherwise the two most
     * used dimensions, the lower index on the columns. For two dimensions this is always {0, 1}.
     *
     * @param usage how much each dimension is used ({@code Model.latentUsage})
     * @param blocks the latent blocks, or null
     */
    public static int[] plottedDims(float[] usage, int[][] blocks) {
        if (usage.length < 2) throw new IllegalArgumentException("a product grid needs two latent dimensions, got " + usage.length);
        int[] dims;
        if (blocks != null && blocks.length >= 2) {
            int[] order = IntStream.range(0, blocks.length).boxed()
                    .sorted(Comparator.comparingDouble((Integer b) -> -Arrays.stream(blocks[b]).mapToDouble(i -> usage[i]).sum())
                            .thenComparingInt(b -> b))
                    .mapToInt(Integer::intValue).limit(2).sorted().toArray();
            dims = new int[] {mostUsed(usage, blocks[order[0]]), mostUsed(usage, blocks[order[1]])};
        } else {
            int[] all = IntStream.range(0, usage.length).toArray();
            int first = mostUsed(usage, all);
            int second = mostUsed(usage, IntStream.range(0, usage.length).filter(i -> i != first).toArray());
            dims = new int[] {Math.min(first, second), Math.max(first, second)};
        }
        return dims;
    }

    private static int mostUsed(float[] usage, int[] candidates) {
        int best = candidates[0];
        for (int i : candidates) if (usage[i] > usage[best]) best = i;
        return best;
    }

    /** {@code steps} evenly spaced values from the low to the high quantile, both ends exact. */
    private static float[] sweep(double[] values, int steps) {
        double lo = Quantiles.linear(values, LOW_QUANTILE);
        double hi = Quantiles.linear(values, HIGH_QUANTILE);
        float[] v = new float[steps];
        for (int i = 0; i < steps; i++) v[i] = (float) (lo + (hi - lo) * i / (steps - 1));
        v[0] = (float) lo;
        v[steps - 1] = (float) hi;
        return v;
    }

    private static boolean[] mark(float[] codes, float[] in, float[] out, int d, int colDim, int rowDim, float[] colValues,
            float[] rowValues) {
        int steps = colValues.length;
        double colScale = scale(colValues), rowScale = scale(rowValues);
        int nIn = in.length / d, nOut = out.length / d;
        int k = Math.min(NEIGHBOURS, nIn + nOut);
        boolean[] marked = new boolean[steps * steps];
        double[] distance = new double[nIn + nOut];
        Integer[] index = new Integer[nIn + nOut];
        for (int cell = 0; cell < steps * steps; cell++) {
            double u = codes[cell * d + colDim], v = codes[cell * d + rowDim];
            for (int i = 0; i < nIn + nOut; i++) {
                float[] src = i < nIn ? in : out;
                int row = i < nIn ? i : i - nIn;
                double du = (src[row * d + colDim] - u) / colScale, dv = (src[row * d + rowDim] - v) / rowScale;
                distance[i] = du * du + dv * dv;
                index[i] = i;
            }
            Arrays.sort(index, Comparator.comparingDouble(i -> distance[i]));
            int outside = 0;
            for (int i = 0; i < k; i++) if (index[i] >= nIn) outside++;
            marked[cell] = 2 * outside > k;
        }
        return marked;
    }

    private static double scale(float[] values) {
        double range = values[values.length - 1] - values[0];
        return range > 0 ? range : 1;
    }

    private static double[] column(float[] codes, int d, int j) {
        double[] v = new double[codes.length / d];
        for (int i = 0; i < v.length; i++) v[i] = codes[i * d + j];
        return v;
    }

    public int colDim() {
        return colDim;
    }

    public int rowDim() {
        return rowDim;
    }

    /** Values of the column dimension, left to right (increasing). */
    public float[] colValues() {
        return colValues.clone();
    }

    /** Values of the row dimension, bottom to top (increasing). */
    public float[] rowValues() {
        return rowValues.clone();
    }

    /** The steps² codes (steps², d), cell (r, c) at row r·steps + c. */
    public float[] codes() {
        return codes.clone();
    }

    /** Whether cell (r, c) lies in the out-of-support region. */
    public boolean marked(int r, int c) {
        return marked[r * steps + c];
    }

    public int markedCount() {
        int n = 0;
        for (boolean b : marked) if (b) n++;
        return n;
    }
}
