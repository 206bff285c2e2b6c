package org.disentangle4j.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.disentangle4j.io.UserInputException;

/**
 * {@value #NAME}: a user's own table with its causal graph ({@code --data-file data.csv
 * --graph graph.csv}).
 *
 * <p><b>data.csv</b>: a header row of column names, then one row per sample of numbers (comma
 * separated; cells may be quoted). <b>graph.csv</b>: either a d×d adjacency matrix of 0/1
 * (row k, column j is 1 when column k causes column j), optionally under a header row repeating
 * the column names, or an edge list of {@code from,to} rows naming columns (optionally under a
 * header {@code from,to}). Every bad input is a {@link UserInputException} of one line naming the
 * file and the row (line number, the header is row 1) and column: a missing or non-numeric cell,
 * a row of the wrong length, a graph of the wrong size or naming an unknown column, a cell of the
 * adjacency matrix other than 0 or 1, a cycle (its nodes listed).
 *
 * <p><b>As factors.</b> Each column is a factor. A column with at most {@value #MAX_LEVELS}
 * distinct values keeps them as its levels; otherwise its levels are {@value #MAX_LEVELS}
 * evenly spaced values from its minimum to its maximum and every cell goes to the nearest (an
 * error of at most 1/198 of the column's range). {@link #sampleFactors} draws rows of the table
 * uniformly with replacement; an observation is the row's values min-max scaled to [0, 1] per
 * column (shape {d}). Latent blocks: one per column; block masks: the column itself.
 */
public final class CsvTable implements GroundTruthDataset {
    public static final String NAME = "table";
    public static final int MAX_LEVELS = 100;

    private final FactorSpace factors;
    private final int[][] rows;
    private final CausalGraph graph;

    private CsvTable(FactorSpace factors, int[][] rows, CausalGraph graph) {
        this.factors = factors;
        this.rows = rows;
        this.graph = graph;
    }

    /** Reads and checks both files. */
    public static CsvTable open(Path dataFile, Path graphFile) {
        Csv csv = readCsv(dataFile);
        List<String[]> data = csv.rows();
        if (data.isEmpty()) throw new UserInputException(dataFile + ": empty; expected a header row of column names, then rows of numbers");
        int[] dataLines = csv.lines();
        String[] names = data.get(0);
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < names.length; j++) {
            if (names[j].isEmpty()) throw new UserInputException(dataFile + " row " + dataLines[0] + ", column " + (j + 1) + ": empty column name");
            if (index.putIfAbsent(names[j], j) != null) {
                throw new UserInputException(dataFile + " row " + dataLines[0] + ", column " + (j + 1) + ": column name '" + names[j] + "' repeated");
            }
        }
        int d = names.length;
        if (data.size() < 2) throw new UserInputException(dataFile + ": no data rows under the header");
        double[][] values = new double[data.size() - 1][d];
        for (int i = 1; i < data.size(); i++) {
            String[] row = data.get(i);
            int line = dataLines[i];
            if (row.length != d) {
                throw new UserInputException(dataFile + " row " + line + ": " + row.length + " cells, expected " + d + " (one per header column)");
            }
            for (int j = 0; j < d; j++) {
                String where = dataFile + " row " + line + ", column " + (j + 1) + " '" + names[j] + "': ";
                if (row[j].isEmpty()) throw new UserInputException(where + "missing value");
                double v;
                try {
                    v = Double.parseDouble(row[j]);
                } catch (NumberFormatException e) {
                    throw new UserInputException(where + "'" + row[j] + "' is not a number");
                }
                if (!Double.isFinite(v)) throw new UserInputException(where + "'" + row[j] + "' is not a finite number");
                values[i - 1][j] = v;
            }
        }
        CausalGraph graph = readGraph(graphFile, dataFile, names, index);
        double[][] levels = new double[d][];
        int[][] rows = new int[values.length][d];
        for (int j = 0; j < d; j++) {
            TreeSet<Double> distinct = new TreeSet<>();
            for (double[] r : values) distinct.add(r[j]);
            if (distinct.size() <= MAX_LEVELS) {
                levels[j] = distinct.stream().mapToDouble(Double::doubleValue).toArray();
            } else {
                levels[j] = FactorSpace.linspace(distinct.first(), distinct.last(), MAX_LEVELS, true);
            }
            for (int i = 0; i < values.length; i++) rows[i][j] = nearest(levels[j], values[i][j]);
        }
        return new CsvTable(new FactorSpace(List.of(names), levels), rows, graph);
    }

    /** Index of the value of a sorted array nearest to v. */
    static int nearest(double[] sorted, double v) {
        int i = Arrays.binarySearch(sorted, v);
        if (i >= 0) return i;
        int hi = -i - 1;
        if (hi == 0) return 0;
        if (hi == sorted.length) return sorted.length - 1;
        return v - sorted[hi - 1] <= sorted[hi] - v ? hi - 1 : hi;
    }

    private static CausalGraph readGraph(Path graphFile, Path dataFile, String[] names, Map<String, Integer> index) {
        Csv csv = readCsv(graphFile);
        List<String[]> rows = csv.rows();
        int[] lines = csv.lines();
        int d = names.length;
        String expected = "expected a " + d + "x" + d + " 0/1 adjacency matrix or from,to rows naming columns of " + dataFile
                + " (" + String.join(", ", names) + ")";
        if (rows.isEmpty()) throw new UserInputException(graphFile + ": empty; " + expected);
        String[] first = rows.get(0);
        boolean[][] adjacency = new boolean[d][d];
        boolean edgeHeader = first.length == 2 && first[0].equalsIgnoreCase("from") && first[1].equalsIgnoreCase("to")
                && !(index.containsKey(first[0]) && index.containsKey(first[1]));
        boolean numeric = Arrays.stream(first).allMatch(CsvTable::isNumber);
        boolean namesHeader = first.length == d && Arrays.equals(first, names);
        if (!edgeHeader && (numeric || namesHeader)) {
            int start = namesHeader ? 1 : 0;
            int size = rows.size() - start;
            for (int i = start; i < rows.size(); i++) {
                if (rows.get(i).length != d) {
                    if (rows.get(i).length == size && allSameLength(rows, start)) {
                        throw new UserInputException(graphFile + ": a " + size + "x" + size + " adjacency matrix, but " + dataFile
                                + " has " + d + " columns (" + String.join(", ", names) + ")");
                    }
                    throw new UserInputException(graphFile + " row " + lines[i] + ": " + rows.get(i).length + " cells, expected " + d
                            + " (one per column of " + dataFile + ")");
                }
            }
            if (size != d) {
                throw new UserInputException(graphFile + ": " + size + " rows of " + d + " cells; expected " + d + " rows, one per column of "
                        + dataFile + " (" + String.join(", ", names) + ")");
            }
            for (int i = start; i < rows.size(); i++) {
                String[] row = rows.get(i);
                for (int j = 0; j < d; j++) {
                    String c = row[j];
                    if (!isNumber(c) || (Double.parseDouble(c) != 0 && Double.parseDouble(c) != 1)) {
                        throw new UserInputException(graphFile + " row " + lines[i] + ", column " + (j + 1) + ": '" + c + "' is not 0 or 1");
                    }
                    adjacency[i - start][j] = Double.parseDouble(c) == 1;
                }
            }
        } else {
            for (int i = edgeHeader ? 1 : 0; i < rows.size(); i++) {
                String[] row = rows.get(i);
                if (row.length != 2) {
                    throw new UserInputException(graphFile + " row " + lines[i] + ": " + row.length + " cells; " + expected);
                }
                for (int j = 0; j < 2; j++) {
                    if (!index.containsKey(row[j])) {
                        throw new UserInputException(graphFile + " row " + lines[i] + ", column " + (j + 1) + ": '" + row[j]
                                + "' is not a column of " + dataFile + " (" + String.join(", ", names) + ")");
                    }
                }
                adjacency[index.get(row[0])][index.get(row[1])] = true;
            }
        }
        List<Integer> cycle = findCycle(adjacency);
        if (cycle != null) {
            StringBuilder s = new StringBuilder();
            for (int k : cycle) s.append(s.length() == 0 ? "" : " -> ").append(names[k]);
            throw new UserInputException(graphFile + ": the graph has a cycle (" + s + "); a causal graph must be acyclic");
        }
        return new CausalGraph(adjacency);
    }

    private static boolean allSameLength(List<String[]> rows, int start) {
        for (int i = start; i < rows.size(); i++) if (rows.get(i).length != rows.get(start).length) return false;
        return true;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return !s.isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A directed cycle as its nodes, the first repeated at the end; null when the graph is acyclic. */
    static List<Integer> findCycle(boolean[][] a) {
        int n = a.length;
        int[] state = new int[n]; // 0 new, 1 on the stack, 2 done
        int[] parent = new int[n];
        for (int s = 0; s < n; s++) {
            if (state[s] != 0) continue;
            int[] stack = new int[n], next = new int[n];
            int top = 0;
            stack[0] = s;
            state[s] = 1;
            while (top >= 0) {
                int k = stack[top];
                if (next[top] >= n) {
                    state[k] = 2;
                    top--;
                    continue;
                }
                int j = next[top]++;
                if (!a[k][j]) continue;
                if (state[j] == 1) {
                    List<Integer> cycle = new ArrayList<>();
                    for (int v = k; v != j; v = parent[v]) cycle.add(0, v);
                    cycle.add(0, j);
                    cycle.add(j);
                    return cycle;
                }
                if (state[j] == 0) {
                    parent[j] = k;
                    state[j] = 1;
                    stack[++top] = j;
                    next[top] = 0;
                }
            }
        }
        return null;
    }

    /** The non-blank rows of a CSV file and their line numbers (1-based). */
    private record Csv(List<String[]> rows, int[] lines) {}

    /** The non-blank lines of a CSV, split at commas, cells trimmed and unquoted. */
    private static Csv readCsv(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserInputException(file + ": no such file");
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        List<String[]> rows = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) line = line.substring(1);
            if (line.isBlank()) continue;
            String[] cells = line.split(",", -1);
            for (int j = 0; j < cells.length; j++) {
                String c = cells[j].trim();
                if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) c = c.substring(1, c.length() - 1).trim();
                cells[j] = c;
            }
            rows.add(cells);
            numbers.add(i + 1);
        }
        return new Csv(rows, numbers.stream().mapToInt(Integer::intValue).toArray());
    }

    /** One mask per column of a d-column table: the column itself. */
    static float[][] columnMasks(int d) {
        float[][] masks = new float[d][d];
        for (int j = 0; j < d; j++) masks[j][j] = 1f;
        return masks;
    }

    /** Number of rows in the table. */
    public int numRows() {
        return rows.length;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FactorSpace factors() {
        return factors;
    }

    @Override
    public int[] observationShape() {
        return new int[] {factors.numFactors()};
    }

    @Override
    public Optional<CausalGraph> causalGraph() {
        return Optional.of(graph);
    }

    @Override
    public Optional<int[][]> latentBlocks() {
        int[][] blocks = new int[factors.numFactors()][];
        for (int j = 0; j < blocks.length; j++) blocks[j] = new int[] {j};
        return Optional.of(blocks);
    }

    @Override
    public Optional<float[][]> blockMasks() {
        return Optional.of(columnMasks(factors.numFactors()));
    }

    /** Rows of the table, uniformly with replacement. */
    @Override
    public int[][] sampleFactors(int n, RandomGenerator rng) {
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) out[i] = rows[rng.nextInt(rows.length)].clone();
        return out;
    }

    @Override
    public void render(int[] f, float[] out, int offset) {
        factors.validate(f);
        for (int j = 0; j < f.length; j++) out[offset + j] = (float) factors.scaledValue(j, f[j]);
    }
}
