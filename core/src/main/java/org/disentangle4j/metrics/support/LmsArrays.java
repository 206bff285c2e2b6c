package org.disentangle4j.metrics.support;

import java.util.Arrays;
import org.disentangle4j.io.UserInputException;

/** Checks and column access for the latent matching scores' arrays. */
public final class LmsArrays {
    private LmsArrays() {}

    /** Non-empty, equally many rows, rectangular, finite; one-line {@link UserInputException} otherwise. */
    public static void check(double[][] codes, double[][] factors, String codesName, String factorsName) {
        if (codes.length == 0) throw new UserInputException(codesName + ": no rows");
        if (codes.length != factors.length) {
            throw new UserInputException(codesName + " has " + codes.length + " rows but " + factorsName + " has " + factors.length
                    + "; they must describe the same points");
        }
        rectangularAndFinite(codes, codesName);
        rectangularAndFinite(factors, factorsName);
    }

    static void rectangularAndFinite(double[][] rows, String name) {
        int width = rows[0].length;
        if (width == 0) throw new UserInputException(name + ": no columns");
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != width) throw new UserInputException(name + ": row " + i + " has " + rows[i].length + " values, row 0 has " + width);
            for (int j = 0; j < width; j++) {
                if (!Double.isFinite(rows[i][j])) {
                    throw new UserInputException(name + ": value at row " + i + ", column " + j + " is " + rows[i][j] + "; expected finite numbers");
                }
            }
        }
    }

    /** Blocks of indices into {@code width} columns: non-empty, in range, disjoint. */
    public static void checkBlocks(int[][] blocks, int width, String name) {
        if (blocks.length == 0) throw new UserInputException(name + ": no blocks");
        boolean[] used = new boolean[width];
        for (int b = 0; b < blocks.length; b++) {
            if (blocks[b].length == 0) throw new UserInputException(name + ": block " + b + " is empty");
            for (int i : blocks[b]) {
                if (i < 0 || i >= width) {
                    throw new UserInputException(name + ": block " + b + " " + Arrays.toString(blocks[b]) + " names column " + i
                            + " but there are " + width + " (0.." + (width - 1) + ")");
                }
                if (used[i]) throw new UserInputException(name + ": column " + i + " is in two blocks");
                used[i] = true;
            }
        }
    }

    public static double[] column(double[][] rows, int j) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) out[i] = rows[i][j];
        return out;
    }

    /** The given columns of every row. */
    public static double[][] columns(double[][] rows, int[] js) {
        double[][] out = new double[rows.length][js.length];
        for (int i = 0; i < rows.length; i++) for (int k = 0; k < js.length; k++) out[i][k] = rows[i][js[k]];
        return out;
    }
}
