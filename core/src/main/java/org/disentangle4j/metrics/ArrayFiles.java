package org.disentangle4j.metrics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.disentangle4j.io.IoErrors;
import org.disentangle4j.io.Npy;
import org.disentangle4j.io.NpyArray;
import org.disentangle4j.io.NpyDtype;
import org.disentangle4j.io.NpyReader;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.metrics.support.NonFiniteCodes;

/**
 * Reads a 2-D array of numbers — codes or factors, {@code [numPoints][numColumns]} — from a
 * {@code .npy} file (numpy's own format: any integer, float or bool dtype, either byte order,
 * C or Fortran order; a 1-D array is one column) or from a {@code .csv} file without a header
 * (comma, semicolon, tab or space separated). Every problem becomes a one-line
 * {@link UserInputException} naming the file. The .npy part is {@link Npy}.
 */
public final class ArrayFiles {
    private ArrayFiles() {}

    /** The file as {@code double[rows][columns]}. */
    public static double[][] readMatrix(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".npy")) return readNpy(file);
        if (lower.endsWith(".csv") || lower.endsWith(".txt") || lower.endsWith(".tsv")) return readCsv(file);
        throw new UserInputException(file + ": expected a .npy or .csv file");
    }

    /** The file as codes: every value finite ({@link NonFiniteCodes}). */
    public static double[][] readCodes(Path file) {
        double[][] m = readMatrix(file);
        NonFiniteCodes.require(file.toString(), m);
        return m;
    }

    /** True for a .npy file of float32 values, whose histograms use float32 edges. */
    public static boolean isSinglePrecision(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".npy")) return false;
        try (NpyReader reader = Npy.open(file)) {
            return reader.header().dtype() == NpyDtype.FLOAT32;
        }
    }

    /** The file as factors: every value a non-negative integer (a class index). */
    public static int[][] readFactors(Path file) {
        double[][] m = readMatrix(file);
        int[][] out = new int[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = new int[m[i].length];
            for (int j = 0; j < m[i].length; j++) {
                double v = m[i][j];
                if (!Double.isFinite(v) || v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE) {
                    throw new UserInputException(file + ": factor at row " + i + ", column " + j + " is " + format(v)
                            + "; factors must be non-negative integer class indices");
                }
                out[i][j] = (int) v;
            }
        }
        return out;
    }

    private static String format(double v) {
        return v == Math.rint(v) && Double.isFinite(v) ? Long.toString((long) v) : Double.toString(v);
    }

    // ---- .npy ----

    private static double[][] readNpy(Path file) {
        NpyArray array = Npy.read(file);
        int[] shape = array.shape();
        if (shape.length != 1 && shape.length != 2) {
            throw new UserInputException(file + ": expected a 2-D array [num_points, num_columns], got shape "
                    + array.header().shapeString());
        }
        int rows = shape[0];
        int cols = shape.length == 1 ? 1 : shape[1];
        if (rows == 0 || cols == 0) {
            throw new UserInputException(file + ": the array is empty (shape " + array.header().shapeString() + ")");
        }
        double[] values = array.toDoubleArray(); // C order whatever the file's order
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) out[i] = Arrays.copyOfRange(values, i * cols, (i + 1) * cols);
        return out;
    }

    // ---- .csv ----

    private static double[][] readCsv(Path file) {
        List<double[]> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                String t = line.strip();
                if (t.isEmpty()) continue;
                String[] cells = t.split("\\s*[,;\\t]\\s*|\\s+");
                double[] row = new double[cells.length];
                for (int j = 0; j < cells.length; j++) {
                    try {
                        row[j] = parseNumber(cells[j]);
                    } catch (NumberFormatException e) {
                        throw new UserInputException(file + ": line " + lineNumber + ", column " + (j + 1) + ": '" + cells[j]
                                + "' is not a number (the file must have no header)");
                    }
                }
                if (!rows.isEmpty() && row.length != rows.get(0).length) {
                    throw new UserInputException(file + ": line " + lineNumber + " has " + row.length + " values, the first row has "
                            + rows.get(0).length);
                }
                rows.add(row);
            }
        } catch (NoSuchFileException e) {
            throw new UserInputException(file + ": no such file");
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read (" + IoErrors.reason(e, file) + ")", e);
        }
        if (rows.isEmpty()) throw new UserInputException(file + ": the file holds no rows");
        return rows.toArray(new double[0][]);
    }

    /** A number as Java or numpy's text writers spell it ("nan", "inf", "-inf" included). */
    private static double parseNumber(String cell) {
        switch (cell.toLowerCase(Locale.ROOT)) {
            case "nan", "+nan", "-nan":
                return Double.NaN;
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                return Double.parseDouble(cell);
        }
    }
}
