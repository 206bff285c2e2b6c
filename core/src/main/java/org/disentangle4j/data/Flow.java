package org.disentangle4j.data;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The water-flow scene of CausalVAE (Yang et al. 2021): a tank of water with a ball on its floor
 * and a hole in its right wall, from which a parabolic jet falls to the ground; 64×64 RGB on
 * white. Factors [ball_size, water_height, hole, water_flow]; DAG ball_size → water_height →
 * water_flow ← hole; latent blocks {ball_size}, {water_height}, {hole, water_flow}.
 *
 * <p><b>The structural causal model</b>, with the constants of the reference generator: ball
 * radius r = k/30 for k = 5 … 34 (30 levels, 0.167 … 1.133); hole height = k/3 for k = 6 … 14
 * (9 levels, 2 … 4.667); water height h = r³ + u with u uniform on {1.0, 1.1, …, 3.9} (the
 * reference's h_raw/10) — the ball displaces water; water flow, the jet's horizontal reach at
 * y = 0.5 by Torricelli's law as the reference writes it, = sqrt(2 · 0.98 · h · (hole − 0.5)) +
 * N(0, 0.1²) (the reference perturbs only the drawn jet; here the label carries the noise, as
 * pendulum's children do). The children are quantised to the nearest multiple of
 * {@value #CHILD_STEP} over their range (height 1.0 … 5.4, flow widened by 4 noise sd): a value
 * moves by at most 0.025, a quarter of the flow noise sd. {@link #sampleFactors} draws the
 * causes uniformly over their levels and the children from the parents' level values.
 *
 * <p><b>Drawing</b> (a 96×96 canvas area-averaged to 64×64, see {@link SceneCanvas}; window
 * x ∈ [0.75, 16.75], y ∈ [−1, 15], 6 px of the 96 grid per unit), back to front as in the
 * reference: the water (light sky blue) x ∈ [3, 8], y ∈ [0, 5 + h]; the tank walls (black,
 * 0.5 wide, up to y = 19) centred on x = 3 and x = 8, the right one open from hole to
 * hole + 0.4; the ball (firebrick) of radius r at (5.5, r + 0.5); the jet (light sky blue, 2 px)
 * x(y) = 8 + flow · sqrt((hole − y)/(hole − 0.5)) from y = hole down to 0.5 (so it reaches
 * 8 + flow there); the ground (black, 2 px) at y = 0.2. The right wall's inner edge x = 7.75 is
 * the boundary of image column 28, and water always covers the tank below y = 6 (h ≥ 1), so the
 * image splits exactly by cause: columns 28 … 63 show only the hole and the jet, columns 0 … 27
 * below row 42 (y = 4.5) only the ball (its top is at most y = 2.77), the rest only the water
 * level (at least y = 6); {@link #blockMasks} are these three regions.
 */
public final class Flow implements GroundTruthDataset {
    public static final String NAME = "flow";

    public static final double CHILD_STEP = 0.05, NOISE_SD = 0.1, GRAVITY = 0.98, JET_END_Y = 0.5;
    public static final double TANK_LEFT = 3, TANK_RIGHT = 8, TANK_TOP = 19, WALL = 0.5, HOLE_SIZE = 0.4;
    public static final double BALL_X = 5.5, WATER_BASE = 5, GROUND_Y = 0.2;
    /** First image column of the hole-and-jet block, first row of the ball block (64 grid). */
    public static final int HOLE_COLUMN = 28, BALL_ROW = 42;

    static final int[] SKY_BLUE = {135, 206, 250}, FIREBRICK = {178, 34, 34}, BLACK = {0, 0, 0};
    static final double WINDOW_LEFT = 0.75, WINDOW_TOP = 15, WINDOW_WIDTH = 16;
    static final int JET_POINTS = 32;

    private final LevelGrid heightGrid, flowGrid;
    private final FactorSpace factors;

    public Flow() {
        double[] size = new double[30];
        for (int k = 0; k < size.length; k++) size[k] = (k + 5) / 30.0;
        double[] hole = new double[9];
        for (int k = 0; k < hole.length; k++) hole[k] = (k + 6) / 3.0;
        double maxSize = size[size.length - 1];
        heightGrid = LevelGrid.covering(Math.pow(size[0], 3) + 1.0, Math.pow(maxSize, 3) + 3.9, CHILD_STEP);
        double[] heights = heightGrid.values();
        double margin = 4 * NOISE_SD;
        flowGrid = LevelGrid.covering(Math.max(0, reach(heights[0], hole[0]) - margin),
                reach(heights[heights.length - 1], hole[hole.length - 1]) + margin, CHILD_STEP);
        factors = new FactorSpace(List.of("ball_size", "water_height", "hole", "water_flow"),
                new double[][] {size, heights, hole, flowGrid.values()});
    }

    /** Noise-free reach of the jet at y = 0.5: sqrt(2 · 0.98 · h · (hole − 0.5)). */
    public static double reach(double height, double hole) {
        return Math.sqrt(2 * GRAVITY * height * (hole - JET_END_Y));
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
        return new int[] {3, SceneCanvas.LO, SceneCanvas.LO};
    }

    @Override
    public Optional<int[][]> latentBlocks() {
        return Optional.of(new int[][] {{0}, {1}, {2, 3}});
    }

    @Override
    public Optional<float[][]> blockMasks() {
        int n = SceneCanvas.LO, plane = n * n;
        float[][] masks = new float[3][3 * plane];
        for (int ch = 0; ch < 3; ch++) {
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    int block = c >= HOLE_COLUMN ? 2 : r >= BALL_ROW ? 0 : 1;
                    masks[block][ch * plane + r * n + c] = 1f;
                }
            }
        }
        return Optional.of(masks);
    }

    @Override
    public Optional<CausalGraph> causalGraph() {
        boolean[][] a = new boolean[4][4];
        a[0][1] = a[1][3] = a[2][3] = true;
        return Optional.of(new CausalGraph(a));
    }

    @Override
    public int[][] sampleFactors(int n, RandomGenerator rng) {
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            int size = rng.nextInt(factors.size(0)), hole = rng.nextInt(factors.size(2));
            double r = factors.value(0, size);
            int height = heightGrid.quantise(r * r * r + (10 + rng.nextInt(30)) / 10.0);
            double flow = reach(factors.value(1, height), factors.value(2, hole)) + NOISE_SD * rng.nextGaussian();
            out[i] = new int[] {size, height, hole, flowGrid.quantise(flow)};
        }
        return out;
    }

    @Override
    public void render(int[] f, float[] out, int offset) {
        factors.validate(f);
        double r = factors.value(0, f[0]), h = factors.value(1, f[1]);
        double hole = factors.value(2, f[2]), flow = factors.value(3, f[3]);
        SceneCanvas canvas = new SceneCanvas(WINDOW_LEFT, WINDOW_TOP, WINDOW_WIDTH);
        double w = WALL / 2;
        canvas.rectangle(TANK_LEFT, 0, TANK_RIGHT, WATER_BASE + h, SKY_BLUE);
        canvas.rectangle(TANK_LEFT - w, 0, TANK_LEFT + w, TANK_TOP, BLACK);
        canvas.rectangle(TANK_RIGHT - w, 0, TANK_RIGHT + w, hole, BLACK);
        canvas.rectangle(TANK_RIGHT - w, hole + HOLE_SIZE, TANK_RIGHT + w, TANK_TOP, BLACK);
        canvas.disc(BALL_X, r + 0.5, r, FIREBRICK);
        double[] xs = new double[JET_POINTS], ys = new double[JET_POINTS];
        for (int i = 0; i < JET_POINTS; i++) {
            double y = hole - (hole - JET_END_Y) * i / (JET_POINTS - 1);
            ys[i] = y;
            xs[i] = TANK_RIGHT + flow * Math.sqrt((hole - y) / (hole - JET_END_Y));
        }
        canvas.polyline(xs, ys, 2, SKY_BLUE);
        canvas.rectangle(WINDOW_LEFT, GROUND_Y - canvas.units(1), WINDOW_LEFT + WINDOW_WIDTH, GROUND_Y + canvas.units(1), BLACK);
        canvas.downsample(out, offset);
    }
}
