package org.disentangle4j.metrics.stats;

import org.disentangle4j.metrics.LabelledCodes;

/**
 * Equal-width binning exactly as the reference does it: the edges of numpy's
 * {@code np.histogram(x, numBins)} (min to max; a constant column gets min − 0.5 … max + 0.5),
 * then {@code np.digitize(x, edges[:-1])}. The result of a value is the number of edges (the last
 * one excluded) that are ≤ the value, so bins are labelled 1 … numBins, a value lying exactly on
 * an inner edge goes to the upper bin, and the maximum always lands in bin numBins.
 *
 * <p>Single-precision codes (a float32 array, or a model's float32 outputs) get numpy 2's float32
 * edges: computed in float arithmetic and compared with the float values. (numpy 1.x computed
 * float32 edges in double and rounded them; the two differ only for values within float
 * rounding of an edge.)
 */
public final class HistogramDiscretizer {

    /** The reference's setting for MIG, modularity, IRS and the unsupervised scores. */
    public static final int DEFAULT_NUM_BINS = 20;

    private HistogramDiscretizer() {}

    /** Bin labels 1 … numBins of {@code values}; values must be finite. */
    public static int[] discretize(double[] values, int numBins) {
        return discretize(values, numBins, false);
    }

    /**
     * Bin labels 1 … numBins; with {@code singlePrecision} the values are taken as floats and the
     * edges computed as numpy does for a float32 array.
     */
    public static int[] discretize(double[] values, int numBins, boolean singlePrecision) {
        double[] edges = singlePrecision ? histogramEdgesSingle(values, numBins) : histogramEdges(values, numBins);
        int[] bins = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = singlePrecision ? (float) values[i] : values[i];
            bins[i] = countEdgesAtOrBelow(edges, numBins, v);
        }
        return bins;
    }

    /** Factor levels binned the same way (the reference discretises factors for IRS). */
    public static int[] discretize(int[] values, int numBins) {
        double[] asDouble = new double[values.length];
        for (int i = 0; i < values.length; i++) asDouble[i] = values[i];
        return discretize(asDouble, numBins);
    }

    /** Each column of {@code columns} discretised independently. */
    public static int[][] discretizeColumns(double[][] columns, int numBins) {
        return discretizeColumns(columns, numBins, false);
    }

    /** Each column discretised independently, in single or double precision. */
    public static int[][] discretizeColumns(double[][] columns, int numBins, boolean singlePrecision) {
        int[][] out = new int[columns.length][];
        for (int d = 0; d < columns.length; d++) out[d] = discretize(columns[d], numBins, singlePrecision);
        return out;
    }

    /** The code columns of {@code points} binned into the reference's 20 bins, in their precision. */
    public static int[][] discretizeCodes(LabelledCodes points) {
        return discretizeColumns(points.codeColumns(), DEFAULT_NUM_BINS, points.singlePrecision());
    }

    /**
     * The {@code numBins + 1} edges numpy's {@code histogram} uses: {@code linspace(min, max)}
     * evaluated as numpy does ({@code i * step + start}, the last edge set to max exactly).
     */
    public static double[] histogramEdges(double[] values, int numBins) {
        if (numBins < 1) throw new IllegalArgumentException("numBins must be positive");
        if (values.length == 0) throw new IllegalArgumentException("no values to bin");
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (!Double.isFinite(v)) throw new IllegalArgumentException("cannot bin a non-finite value: " + v);
            if (v < min) min = v;
            if (v > max) max = v;
        }
        if (min == max) {
            min -= 0.5;
            max += 0.5;
        }
        double[] edges = new double[numBins + 1];
        double delta = max - min;
        double step = delta / numBins;
        for (int i = 0; i < numBins; i++) {
            // numpy falls back to (i / div) * delta when the step underflows to zero
            edges[i] = step == 0 ? ((double) i / numBins) * delta + min : i * step + min;
        }
        edges[numBins] = max;
        return edges;
    }

    /** numpy ≥ 2's edges for a float32 array: every step in float arithmetic. */
    static double[] histogramEdgesSingle(double[] values, int numBins) {
        if (numBins < 1) throw new IllegalArgumentException("numBins must be positive");
        if (values.length == 0) throw new IllegalArgumentException("no values to bin");
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (double d : values) {
            float v = (float) d;
            if (!Float.isFinite(v)) throw new IllegalArgumentException("cannot bin a non-finite value: " + d);
            if (v < min) min = v;
            if (v > max) max = v;
        }
        if (min == max) {
            min -= 0.5f;
            max += 0.5f;
        }
        double[] edges = new double[numBins + 1];
        float delta = max - min;
        float step = delta / numBins;
        for (int i = 0; i < numBins; i++) {
            edges[i] = step == 0 ? ((float) i / numBins) * delta + min : (float) i * step + min;
        }
        edges[numBins] = max;
        return edges;
    }

    /** {@code np.searchsorted(edges[:numBins], x, side="right")}. */
    private static int countEdgesAtOrBelow(double[] edges, int numBins, double x) {
        int lo = 0;
        int hi = numBins;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
