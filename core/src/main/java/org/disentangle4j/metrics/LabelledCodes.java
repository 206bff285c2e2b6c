package org.disentangle4j.metrics;


/**
 * Codes and the ground-truth factors that produced them, one row per point:
 * {@code codes[numPoints][numDims]} and {@code factors[numPoints][numFactors]} (factor values are
 * class indices). {@code singlePrecision} says the codes are float32 values (a float32 file, a
 * model's outputs): the reference's histograms then use float32 edges. The arrays are not copied;
 * callers must not change them afterwards.
 */
public record LabelledCodes(double[][] codes, int[][] factors, boolean singlePrecision) {

    /** Double-precision codes. */
    public LabelledCodes(double[][] codes, int[][] factors) {
        this(codes, factors, false);
    }

    /** True when every code is a float value (as a float32 model output converted to double is). */
    public static boolean allSinglePrecision(double[][] codes) {
        for (double[] row : codes) for (double v : row) if ((double) (float) v != v) return false;
        return true;
    }

    public LabelledCodes {
        if (codes.length != factors.length) {
            throw new IllegalArgumentException(codes.length + " code rows but " + factors.length + " factor rows");
        }
        if (codes.length == 0) throw new IllegalArgumentException("no points");
        int dims = codes[0].length;
        int numFactors = factors[0].length;
        for (int i = 0; i < codes.length; i++) {
            if (codes[i].length != dims) throw new IllegalArgumentException("code row " + i + " has " + codes[i].length + " values, row 0 has " + dims);
            if (factors[i].length != numFactors) throw new IllegalArgumentException("factor row " + i + " has " + factors[i].length + " values, row 0 has " + numFactors);
        }
    }

    public int numPoints() {
        return codes.length;
    }

    public int numDims() {
        return codes[0].length;
    }

    public int numFactors() {
        return factors[0].length;
    }

    /** Code dimension {@code d} of every point. */
    public double[] codeColumn(int d) {
        double[] column = new double[codes.length];
        for (int i = 0; i < codes.length; i++) column[i] = codes[i][d];
        return column;
    }

    /** Factor {@code f} of every point. */
    public int[] factorColumn(int f) {
        int[] column = new int[factors.length];
        for (int i = 0; i < factors.length; i++) column[i] = factors[i][f];
        return column;
    }

    /** All code dimensions as columns, {@code [numDims][numPoints]}. */
    public double[][] codeColumns() {
        double[][] columns = new double[numDims()][];
        for (int d = 0; d < columns.length; d++) columns[d] = codeColumn(d);
        return columns;
    }

    /** All factors as columns, {@code [numFactors][numPoints]}. */
    public int[][] factorColumns() {
        int[][] columns = new int[numFactors()][];
        for (int f = 0; f < columns.length; f++) columns[f] = factorColumn(f);
        return columns;
    }

    /** The same points with only the factors listed in {@code keep}, in that order. */
    public LabelledCodes selectFactors(int[] keep) {
        int[][] selected = new int[factors.length][keep.length];
        for (int i = 0; i < factors.length; i++) {
            for (int j = 0; j < keep.length; j++) selected[i][j] = factors[i][keep[j]];
        }
        return new LabelledCodes(codes, selected, singlePrecision);
    }

    /** The points at the given row indices, in that order. */
    public LabelledCodes selectRows(int[] rows) {
        double[][] c = new double[rows.length][];
        int[][] f = new int[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            c[i] = codes[rows[i]];
            f[i] = factors[rows[i]];
        }
        return new LabelledCodes(c, f, singlePrecision);
    }
}
