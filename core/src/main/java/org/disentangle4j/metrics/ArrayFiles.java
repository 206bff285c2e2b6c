package org.disentangle4j.metrics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disentangle4j.io.UserInputException;

/**
 * Reads a 2-D array of numbers — codes or factors, {@code [numPoints][numColumns]} — from a
 * {@code .npy} file (numpy's own format: any integer, float or bool dtype, either byte order,
 * C or Fortran order; a 1-D array is one column) or from a {@code .csv} file without a header
 * (comma, semicolon, tab or space separated). Every problem becomes a one-line
 * {@link UserInputException} naming the file.
 *
 * <p>TODO: switch the .npy part to {@code org.disentangle4j.io.Npy} when that reader lands.
 */
public final class ArrayFiles {
    private static final byte[] NPY_MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private ArrayFiles() {}

    /** The file as {@code double[rows][columns]}. */
    public static double[][] readMatrix(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".npy")) return readNpy(file);
        if (lower.endsWith(".csv") || lower.endsWith(".txt") || lower.endsWith(".tsv")) return readCsv(file);
        throw new UserInputException(file + ": expected a .npy or .csv file");
    }

    /** The file as codes: every value finite. */
    public static double[][] readCodes(Path file) {
        double[][] m = readMatrix(file);
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                if (!Double.isFinite(m[i][j])) {
                    throw new UserInputException(file + ": code at row " + i + ", column " + j + " is " + m[i][j]
                            + "; codes must be finite numbers");
                }
            }
        }
        return m;
    }

    /** True for a .npy file of float32 (or float16) values, whose histograms use float32 edges. */
    public static boolean isSinglePrecision(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".npy")) return false;
        byte[] head = new byte[4096];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read (" + e.getMessage() + ")");
        }
        Matcher m = DESCR.matcher(new String(head, 0, read, StandardCharsets.ISO_8859_1));
        return m.find() && m.group(1).length() >= 3 && m.group(1).charAt(1) == 'f' && !m.group(1).endsWith("8");
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
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserInputException(file + ": no such file");
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read (" + e.getMessage() + ")");
        }
        if (bytes.length < 10) throw new UserInputException(file + ": not a .npy file (too short)");
        for (int i = 0; i < NPY_MAGIC.length; i++) {
            if (bytes[i] != NPY_MAGIC[i]) throw new UserInputException(file + ": not a .npy file (no NUMPY magic)");
        }
        int major = bytes[6] & 0xff;
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = buf.getShort(8) & 0xffff;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) throw new UserInputException(file + ": truncated .npy header");
            headerLength = buf.getInt(8);
            headerStart = 12;
        } else {
            throw new UserInputException(file + ": unsupported .npy format version " + major);
        }
        if (headerLength < 0 || headerStart + headerLength > bytes.length) {
            throw new UserInputException(file + ": truncated .npy header");
        }
        String header = new String(bytes, headerStart, headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, file, "descr");
        boolean fortran = group(FORTRAN, header, file, "fortran_order").equals("True");
        long[] shape = parseShape(group(SHAPE, header, file, "shape"), file);
        long rows;
        long cols;
        if (shape.length == 1) {
            rows = shape[0];
            cols = 1;
        } else if (shape.length == 2) {
            rows = shape[0];
            cols = shape[1];
        } else {
            throw new UserInputException(file + ": expected a 2-D array [num_points, num_columns], got shape " + shapeText(shape));
        }
        if (rows == 0 || cols == 0) throw new UserInputException(file + ": the array is empty (shape " + shapeText(shape) + ")");
        if (rows * cols > Integer.MAX_VALUE) throw new UserInputException(file + ": array too large");
        ElementReader reader = elementReader(descr, file);
        int dataStart = headerStart + headerLength;
        long needed = rows * cols * reader.size;
        if (bytes.length - dataStart < needed) {
            throw new UserInputException(file + ": file holds fewer values than its shape " + shapeText(shape) + " says");
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, bytes.length - dataStart).slice().order(reader.order);
        double[][] out = new double[(int) rows][(int) cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                long index = fortran ? (long) j * rows + i : (long) i * cols + j;
                out[i][j] = reader.read(data, (int) (index * reader.size));
            }
        }
        return out;
    }

    private static String group(Pattern p, String header, Path file, String key) {
        Matcher m = p.matcher(header);
        if (!m.find()) throw new UserInputException(file + ": .npy header has no '" + key + "'");
        return m.group(1);
    }

    private static long[] parseShape(String text, Path file) {
        List<Long> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            String t = part.trim();
            if (t.isEmpty()) continue;
            try {
                dims.add(Long.parseLong(t.endsWith("L") ? t.substring(0, t.length() - 1) : t));
            } catch (NumberFormatException e) {
                throw new UserInputException(file + ": bad .npy shape (" + text + ")");
            }
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    private static String shapeText(long[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) sb.append(i == 0 ? "" : ", ").append(shape[i]);
        return sb.append(")").toString();
    }

    private record ElementReader(int size, ByteOrder order, char kind) {
        double read(ByteBuffer b, int offset) {
            return switch (kind) {
                case 'f' -> size == 8 ? b.getDouble(offset) : b.getFloat(offset);
                case 'i' -> switch (size) {
                    case 1 -> b.get(offset);
                    case 2 -> b.getShort(offset);
                    case 4 -> b.getInt(offset);
                    default -> b.getLong(offset);
                };
                case 'u' -> switch (size) {
                    case 1 -> b.get(offset) & 0xff;
                    case 2 -> b.getShort(offset) & 0xffff;
                    case 4 -> b.getInt(offset) & 0xffffffffL;
                    default -> unsignedLong(b.getLong(offset));
                };
                case 'b' -> b.get(offset) != 0 ? 1 : 0;
                default -> throw new IllegalStateException("unknown kind " + kind);
            };
        }

        private static double unsignedLong(long v) {
            return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
        }
    }

    private static ElementReader elementReader(String descr, Path file) {
        if (descr.length() < 3) throw new UserInputException(file + ": unsupported .npy dtype '" + descr + "'");
        char endian = descr.charAt(0);
        char kind = descr.charAt(1);
        int size;
        try {
            size = Integer.parseInt(descr.substring(2));
        } catch (NumberFormatException e) {
            throw new UserInputException(file + ": unsupported .npy dtype '" + descr + "'");
        }
        ByteOrder order = endian == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        boolean ok = switch (kind) {
            case 'f' -> size == 4 || size == 8;
            case 'i', 'u' -> size == 1 || size == 2 || size == 4 || size == 8;
            case 'b' -> size == 1;
            default -> false;
        };
        if (!ok) {
            throw new UserInputException(file + ": unsupported .npy dtype '" + descr
                    + "'; expected integers, floats or bools");
        }
        return new ElementReader(size, order, kind);
    }

    // ---- .csv ----

    private static double[][] readCsv(Path file) {
        List<double[]> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
                BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
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
            throw new UserInputException(file + ": cannot read (" + e.getMessage() + ")");
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
