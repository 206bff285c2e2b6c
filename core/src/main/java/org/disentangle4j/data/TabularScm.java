package org.disentangle4j.data;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * {@value #NAME}: a small nonlinear structural causal model over five continuous variables, a
 * table with no download. DAG a → b → c → e ← d: a chain a → b → c and a collider c → e ← d.
 * <pre>
 *   a, d ~ uniform on 41 levels of [−2, 2] (step 0.1)
 *   b = tanh(1.5·a) + N(0, 0.1²)
 *   c = b² + N(0, 0.1²)
 *   e = 0.5·c + sin(d) + N(0, 0.1²)
 * </pre>
 * As for {@link Pendulum}, the children are computed from their parents' level values and
 * quantised to the nearest multiple of {@value #CHILD_STEP} over their range (over every parent
 * level, widened by 4 noise sd): a value moves by at most 0.025, a quarter of the noise sd. An
 * observation is the row of the five values, each min-max scaled to [0, 1] over its levels
 * (shape {5}). Latent blocks: one per variable; block masks: the variable's own column.
 */
public final class TabularScm implements GroundTruthDataset {
    public static final String NAME = "scm";
    public static final double NOISE_SD = 0.1, CHILD_STEP = 0.05, ROOT_STEP = 0.1, ROOT_MAX = 2;
    static final int A = 0, B = 1, C = 2, D = 3, E = 4;

    private final LevelGrid bGrid, cGrid, eGrid;
    private final FactorSpace factors;

    public TabularScm() {
        LevelGrid root = LevelGrid.covering(-ROOT_MAX, ROOT_MAX, ROOT_STEP);
        double[] roots = root.values();
        double m = 4 * NOISE_SD;
        bGrid = LevelGrid.covering(b(roots[0]) - m, b(roots[roots.length - 1]) + m, CHILD_STEP);
        double[] bs = bGrid.values();
        double cMin = Double.POSITIVE_INFINITY, cMax = Double.NEGATIVE_INFINITY;
        for (double v : bs) {
            cMin = Math.min(cMin, c(v));
            cMax = Math.max(cMax, c(v));
        }
        cGrid = LevelGrid.covering(cMin - m, cMax + m, CHILD_STEP);
        double eMin = Double.POSITIVE_INFINITY, eMax = Double.NEGATIVE_INFINITY;
        for (double cv : cGrid.values()) {
            for (double dv : roots) {
                eMin = Math.min(eMin, e(cv, dv));
                eMax = Math.max(eMax, e(cv, dv));
            }
        }
        eGrid = LevelGrid.covering(eMin - m, eMax + m, CHILD_STEP);
        factors = new FactorSpace(List.of("a", "b", "c", "d", "e"),
                new double[][] {roots, bs, cGrid.values(), roots, eGrid.values()});
    }

    /** Noise-free mechanisms. */
    public static double b(double a) {
        return Math.tanh(1.5 * a);
    }

    public static double c(double b) {
        return b * b;
    }

    public static double e(double c, double d) {
        return 0.5 * c + Math.sin(d);
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
        return new int[] {5};
    }

    @Override
    public Optional<CausalGraph> causalGraph() {
        boolean[][] g = new boolean[5][5];
        g[A][B] = g[B][C] = g[C][E] = g[D][E] = true;
        return Optional.of(new CausalGraph(g));
    }

    @Override
    public Optional<int[][]> latentBlocks() {
        return Optional.of(new int[][] {{0}, {1}, {2}, {3}, {4}});
    }

    @Override
    public Optional<float[][]> blockMasks() {
        return Optional.of(CsvTable.columnMasks(5));
    }

    @Override
    public int[][] sampleFactors(int n, RandomGenerator rng) {
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            int a = rng.nextInt(factors.size(A)), d = rng.nextInt(factors.size(D));
            int b = bGrid.quantise(b(factors.value(A, a)) + NOISE_SD * rng.nextGaussian());
            int c = cGrid.quantise(c(factors.value(B, b)) + NOISE_SD * rng.nextGaussian());
            int e = eGrid.quantise(e(factors.value(C, c), factors.value(D, d)) + NOISE_SD * rng.nextGaussian());
            out[i] = new int[] {a, b, c, d, e};
        }
        return out;
    }

    /** The five values scaled to [0, 1]. */
    @Override
    public void render(int[] f, float[] out, int offset) {
        factors.validate(f);
        for (int j = 0; j < 5; j++) out[offset + j] = (float) factors.scaledValue(j, f[j]);
    }
}
