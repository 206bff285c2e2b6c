package org.disentangle4j.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.disentangle4j.metrics.classify.RegressionTree;
import org.disentangle4j.metrics.support.LmsArrays;
import org.disentangle4j.metrics.support.Parallel;
import org.disentangle4j.metrics.support.ProgressCounter;
import org.disentangle4j.metrics.stats.Hungarian;

/**
 * LMS-tree, the latent matching score of additive decoders for block latents (Lachapelle et al.
 * 2023): for each pair of a learned block (a group of code dimensions) and a true block (a group
 * of factors), a {@link RegressionTree} of depth 10 per factor of the true block, fitted on
 * training codes; on test codes R²(pair) = the mean R² over the block's factors (scikit-learn's
 * multi-output {@code r2_score}, a uniform average), clipped at 0; the best one-to-one matching
 * of learned to true blocks; score = 100 · Σ matched R² / B for B true blocks (unmatched true
 * blocks count as 0).
 *
 * <p>Learned blocks ({@link Grouping}):
 * <ul>
 *   <li>{@code MODEL}: given blocks (an additive decoder's own), matched by {@link Hungarian}.
 *   <li>{@code SEARCH}: without given blocks, the best over every way of choosing, for each true
 *   block of s factors, its own s code dimensions, disjoint from the others' (dimensions may be
 *   left over; a true block may stay unmatched when dimensions run out). For a 4-dimensional
 *   code and two true blocks of 2 these are the three ways of pairing the dimensions into two
 *   blocks, each with the better of its two matchings, as the reference scores its non-additive
 *   decoder. A tree is fitted for every s-subset of dimensions and every true block of size s,
 *   so this is done while that is at most {@value #MAX_TREES} trees (a 10-dimensional code
 *   against two blocks of 2: 180).
 *   <li>{@code CONSECUTIVE}: beyond that budget, the code's dimensions in order, cut into blocks
 *   of the true blocks' sizes (dimensions left over are unused), matched by {@link Hungarian}.
 * </ul>
 * Close it to free the trees.
 */
public final class LmsTree implements AutoCloseable {
    /** Trees fitted at most when searching for learned blocks. */
    public static final int MAX_TREES = 512;
    /** Nodes of the search over disjoint choices at most. */
    static final long MAX_SEARCH = 2_000_000;

    /** How the learned blocks came about. */
    public enum Grouping { MODEL, SEARCH, CONSECUTIVE }

    private final int[][] trueBlocks;
    private final int numFactors;
    private final int numDims;
    private final Grouping grouping;
    /** Candidate learned blocks (code indices). */
    private final int[][] candidates;
    /** trees[c][j][t]: candidate c → factor t of true block j; null where the pair is not considered. */
    private final RegressionTree[][][] trees;
    private boolean closed;

    private LmsTree(int[][] trueBlocks, int numFactors, int numDims, Grouping grouping, int[][] candidates, RegressionTree[][][] trees) {
        this.trueBlocks = trueBlocks;
        this.numFactors = numFactors;
        this.numDims = numDims;
        this.grouping = grouping;
        this.candidates = candidates;
        this.trees = trees;
    }

    /**
     * Fits the trees.
     *
     * @param trainCodes codes {@code [n][d]}
     * @param trainFactors true factor values {@code [n][K]}
     * @param trueBlocks factor indices of each true block
     * @param learnedBlocks code indices of each learned block, or null to choose them
     *     ({@code SEARCH}, else {@code CONSECUTIVE})
     */
    public static LmsTree fit(double[][] trainCodes, double[][] trainFactors, int[][] trueBlocks, int[][] learnedBlocks) {
        return fit(trainCodes, trainFactors, trueBlocks, learnedBlocks, ProgressListener.NONE, "lms trees");
    }

    /** As {@link #fit(double[][], double[][], int[][], int[][])}, reporting each tree fitted as one unit of {@code task}. */
    public static LmsTree fit(double[][] trainCodes, double[][] trainFactors, int[][] trueBlocks, int[][] learnedBlocks,
            ProgressListener progress, String task) {
        LmsArrays.check(trainCodes, trainFactors, "training codes", "training factors");
        int d = trainCodes[0].length;
        int k = trainFactors[0].length;
        LmsArrays.checkBlocks(trueBlocks, k, "true blocks");
        if (learnedBlocks != null) LmsArrays.checkBlocks(learnedBlocks, d, "learned blocks");
        int b = trueBlocks.length;

        Grouping grouping;
        int[][] candidates;
        boolean[][] considered;
        if (learnedBlocks != null || !searchable(d, trueBlocks)) {
            grouping = learnedBlocks != null ? Grouping.MODEL : Grouping.CONSECUTIVE;
            candidates = learnedBlocks != null ? learnedBlocks : consecutive(d, trueBlocks);
            considered = new boolean[candidates.length][b];
            for (boolean[] row : considered) Arrays.fill(row, true);
        } else {
            grouping = Grouping.SEARCH;
            List<int[]> all = new ArrayList<>();
            for (int s : distinctSizes(trueBlocks)) all.addAll(subsets(d, s));
            candidates = all.toArray(new int[0][]);
            considered = new boolean[candidates.length][b];
            for (int c = 0; c < candidates.length; c++) {
                for (int j = 0; j < b; j++) considered[c][j] = candidates[c].length == trueBlocks[j].length;
            }
        }

        List<int[]> tasks = new ArrayList<>(); // (candidate, block, factor within block)
        for (int c = 0; c < candidates.length; c++) {
            for (int j = 0; j < b; j++) {
                if (!considered[c][j]) continue;
                for (int t = 0; t < trueBlocks[j].length; t++) tasks.add(new int[] {c, j, t});
            }
        }
        RegressionTree[][][] trees = new RegressionTree[candidates.length][b][];
        for (int c = 0; c < candidates.length; c++) {
            for (int j = 0; j < b; j++) if (considered[c][j]) trees[c][j] = new RegressionTree[trueBlocks[j].length];
        }
        double[][][] features = new double[candidates.length][][];
        for (int c = 0; c < candidates.length; c++) features[c] = LmsArrays.columns(trainCodes, candidates[c]);
        ProgressCounter counter = new ProgressCounter(progress, task, tasks.size());
        try {
            Parallel.forEach(tasks.size(), i -> 1, i -> {
                int[] tree = tasks.get(i);
                double[] y = LmsArrays.column(trainFactors, trueBlocks[tree[1]][tree[2]]);
                trees[tree[0]][tree[1]][tree[2]] = RegressionTree.fit(features[tree[0]], y);
                counter.add(1);
            });
        } catch (RuntimeException e) {
            dispose(trees);
            throw e;
        }
        return new LmsTree(trueBlocks, k, d, grouping, candidates, trees);
    }

    /** Whether searching over choices of dimensions stays within {@link #MAX_TREES} and {@link #MAX_SEARCH}. */
    static boolean searchable(int d, int[][] trueBlocks) {
        if (d >= 63) return false;
        double trees = 0, nodes = 1;
        for (int[] block : trueBlocks) {
            double choices = binomial(d, block.length);
            trees += choices * block.length;
            nodes *= choices + 1;
        }
        return trees <= MAX_TREES && nodes <= MAX_SEARCH;
    }

    private static double binomial(int n, int k) {
        if (k > n) return 0;
        double r = 1;
        for (int i = 0; i < k; i++) r = r * (n - i) / (i + 1);
        return r;
    }

    /** Dimensions 0, 1, … cut into blocks of the true blocks' sizes while they last. */
    static int[][] consecutive(int d, int[][] trueBlocks) {
        List<int[]> blocks = new ArrayList<>();
        int next = 0;
        for (int[] block : trueBlocks) {
            if (next + block.length > d) break;
            int[] learned = new int[block.length];
            for (int i = 0; i < learned.length; i++) learned[i] = next++;
            blocks.add(learned);
        }
        if (blocks.isEmpty()) { // fewer dimensions than the smallest block: one block of all of them
            int[] all = new int[d];
            for (int i = 0; i < d; i++) all[i] = i;
            blocks.add(all);
        }
        return blocks.toArray(new int[0][]);
    }

    private static int[] distinctSizes(int[][] blocks) {
        return Arrays.stream(blocks).mapToInt(b -> b.length).distinct().sorted().toArray();
    }

    /** Every s-subset of 0 … d−1 in lexicographic order. */
    static List<int[]> subsets(int d, int s) {
        List<int[]> out = new ArrayList<>();
        if (s > d) return out;
        int[] idx = new int[s];
        for (int i = 0; i < s; i++) idx[i] = i;
        while (true) {
            out.add(idx.clone());
            int i = s - 1;
            while (i >= 0 && idx[i] == d - s + i) i--;
            if (i < 0) return out;
            idx[i]++;
            for (int j = i + 1; j < s; j++) idx[j] = idx[j - 1] + 1;
        }
    }

    public Grouping grouping() {
        return grouping;
    }

    /** The candidate learned blocks (for {@code SEARCH} every subset considered). */
    public int[][] candidates() {
        return candidates;
    }

    /** 100 · the mean matched R² on these test points, in [0, 100]. */
    public double score(double[][] testCodes, double[][] testFactors) {
        return 100 * match(r2Matrix(testCodes, testFactors)).total() / trueBlocks.length;
    }

    /**
     * The best matching for this R² matrix: the learned block (code indices) of each true block,
     * null where a true block is unmatched, and the sum of the matched entries.
     */
    public record Matching(int[][] learnedOf, double total) {}

    /**
     * R[c][j]: the clipped R² of candidate learned block c for true block j on the test points;
     * NaN for pairs not considered (sizes that differ while searching).
     */
    public double[][] r2Matrix(double[][] testCodes, double[][] testFactors) {
        LmsArrays.check(testCodes, testFactors, "test codes", "test factors");
        if (testCodes[0].length != numDims) {
            throw new org.disentangle4j.io.UserInputException("test codes have " + testCodes[0].length + " dimensions, training codes "
                    + numDims);
        }
        if (testFactors[0].length != numFactors) {
            throw new org.disentangle4j.io.UserInputException("test factors have " + testFactors[0].length + " columns, training factors "
                    + numFactors);
        }
        int b = trueBlocks.length;
        double[][] r = new double[candidates.length][b];
        Parallel.forEach(candidates.length, c -> 1, c -> {
            double[][] x = LmsArrays.columns(testCodes, candidates[c]);
            for (int j = 0; j < b; j++) {
                if (trees[c][j] == null) {
                    r[c][j] = Double.NaN;
                    continue;
                }
                double sum = 0;
                for (int t = 0; t < trueBlocks[j].length; t++) {
                    sum += RegressionTree.r2(LmsArrays.column(testFactors, trueBlocks[j][t]), trees[c][j][t].predict(x));
                }
                r[c][j] = Math.max(0, sum / trueBlocks[j].length);
            }
        });
        return r;
    }

    /** The best matching of learned to true blocks under this grouping. */
    public Matching match(double[][] r) {
        int b = trueBlocks.length;
        int[][] learnedOf = new int[b][];
        if (grouping != Grouping.SEARCH) {
            int[] column = Hungarian.maximize(r);
            double total = 0;
            for (int c = 0; c < column.length; c++) {
                if (column[c] < 0) continue;
                learnedOf[column[c]] = candidates[c];
                total += r[c][column[c]];
            }
            return new Matching(learnedOf, total);
        }
        long[] masks = new long[candidates.length];
        for (int c = 0; c < candidates.length; c++) for (int i : candidates[c]) masks[c] |= 1L << i;
        int[] chosen = new int[b];
        int[] best = new int[b];
        double[] bestTotal = {-1};
        search(r, masks, 0, 0L, 0, chosen, best, bestTotal);
        for (int j = 0; j < b; j++) learnedOf[j] = best[j] < 0 ? null : candidates[best[j]];
        return new Matching(learnedOf, bestTotal[0]);
    }

    /** Depth-first over true blocks: each takes a candidate disjoint from those taken, or none. */
    private static void search(double[][] r, long[] masks, int j, long used, double total, int[] chosen, int[] best, double[] bestTotal) {
        if (j == chosen.length) {
            if (total > bestTotal[0]) {
                bestTotal[0] = total;
                System.arraycopy(chosen, 0, best, 0, chosen.length);
            }
            return;
        }
        for (int c = 0; c < masks.length; c++) {
            if (Double.isNaN(r[c][j]) || (masks[c] & used) != 0) continue;
            chosen[j] = c;
            search(r, masks, j + 1, used | masks[c], total + r[c][j], chosen, best, bestTotal);
        }
        // unmatched last: among equally good choices one that matches every block it can is kept
        chosen[j] = -1;
        search(r, masks, j + 1, used, total, chosen, best, bestTotal);
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        dispose(trees);
    }

    private static void dispose(RegressionTree[][][] trees) {
        for (RegressionTree[][] perCandidate : trees) {
            for (RegressionTree[] perBlock : perCandidate) {
                if (perBlock == null) continue;
                for (RegressionTree t : perBlock) if (t != null) t.dispose();
            }
        }
    }
}
