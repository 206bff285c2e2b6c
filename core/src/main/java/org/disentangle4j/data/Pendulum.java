package org.disentangle4j.data;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The pendulum of CausalVAE (Yang et al. 2021) and CDG-VAE (An et al. 2023): a light (the sun)
 * and a pendulum cast a shadow on the ground; 64×64 RGB on white.
 *
 * <p><b>The structural causal model.</b> Causes: light angle φ and pendulum angle θ. With the
 * pivot (c<sub>x</sub>, c<sub>y</sub>) = (10, 10.5), l = 9.5 (rod 8 plus bob radius 1.5: the far
 * edge of the bob) and the ground b = −0.5, the shadow runs from C, the projection of the pivot
 * along the light, to A, that of the bob's far edge:
 * <pre>
 *   A = c_x + l·sinθ − (c_y − l·cosθ − b)/tanφ,   C = c_x − (c_y − b)/tanφ,
 *   length = A − C + N(0, 0.1²),   position = (A + C)/2 + N(0, 0.1²).
 * </pre>
 * DAG: light → length, light → position, angle → length, angle → position. Factor order
 * [light, angle, length, position]; latent blocks {light}, {angle}, {length, position}.
 *
 * <p><b>Discretisation.</b> The codebase's factors are level indices with a real value per level,
 * so every metric works here too. The causes take {@value #CAUSE_LEVELS} evenly spaced levels
 * each, light φ on [π/4, π/2] and angle θ on [0, π/4] (endpoints included). The children take
 * the multiples of {@value #CHILD_STEP} covering their range (over every cause level, widened by
 * 4 noise sd): quantising to the nearest level moves a value by at most 0.05, half the noise sd
 * 0.1, and adds a variance of 0.1²/12 ≈ 0.0008 to the noise's 0.01; a value beyond the grid goes
 * to its end level (a length below 0 to 0). {@link #sampleFactors} draws the causes uniformly
 * over their levels and the children through the equations above from the causes' level values,
 * then quantises them; {@link FactorSpace#sample} (every factor independent) gives combinations
 * the SCM never produces, which is what interventions on a child look like.
 *
 * <p><b>Disturbed variant</b> ({@value #DISTURBED_NAME}): the reference code replaces the shadow
 * of every 5th sample by length, position ~ U(0, 12); a sampler has no global index, so here each
 * sample is disturbed independently with probability 1/5 (the same fraction), and the children's
 * grids also cover [0, 12].
 *
 * <p><b>Drawing</b> (from the factor values alone, deterministic): the scene is painted on a
 * 96×96 canvas, then area-averaged to 64×64 ({@link SceneCanvas}). Back to front as in the
 * reference: the rod (black, 3 px of the 96 grid wide, round ends) from the pivot to the bob
 * centre (10 + 8·sinθ, 10.5 − 8·cosθ); the bob (firebrick, radius 1.5) there; the sun (orange,
 * radius 3) at (10 + 10/tanφ, 20.5); the shadow (black, 3 px tall, exactly from position −
 * length/2 to position + length/2) at y = −0.5. The window is the square x ∈ [−10/3, 70/3],
 * y ∈ [−31/6, 21.5] (3.6 px of the 96 grid per unit; the project spec's x ∈ [0, 20],
 * y ∈ [−2, 22] and rod end 10 − 8·cosθ put the bob across image row 51 for almost every angle).
 * With this window the three parts fall into the CDG-VAE decoder's row bands exactly: the sun in
 * rows 0:20 (its lower edge at row 9.6 of 64), the rod and bob in 20:51 (rows 25.4 … 49.2), the
 * shadow in 51:64 (rows 51.8 … 53.8); the sun's top is cut by the image border. {@link
 * #blockMasks} are these bands.
 */
public final class Pendulum implements GroundTruthDataset {
    public static final String NAME = "pendulum";
    public static final String DISTURBED_NAME = "pendulum-disturbed";

    public static final double PIVOT_X = 10, PIVOT_Y = 10.5, SHADOW_ARM = 9.5, GROUND = -0.5;
    public static final double ROD = 8, BOB_RADIUS = 1.5, SUN_RADIUS = 3, SUN_Y = 20.5, SUN_DISTANCE = 10;
    public static final double NOISE_SD = 0.1;
    public static final double CHILD_STEP = 0.1;
    public static final int CAUSE_LEVELS = 40;
    public static final double LIGHT_MIN = Math.PI / 4, LIGHT_MAX = Math.PI / 2;
    public static final double ANGLE_MIN = 0, ANGLE_MAX = Math.PI / 4;
    /** The disturbed shadow's length and position are U(0, DISTURBANCE_MAX). */
    public static final double DISTURBANCE_MAX = 12;
    /** Image rows (of 64) where the sun, pendulum and shadow bands begin and the last ends. */
    public static final int[] BAND_ROWS = {0, 20, 51, 64};

    static final int[] ORANGE = {255, 165, 0}, FIREBRICK = {178, 34, 34}, BLACK = {0, 0, 0};
    static final double WINDOW_LEFT = -10.0 / 3, WINDOW_TOP = 21.5, WINDOW_WIDTH = 80.0 / 3;
    static final double ROD_WIDTH_PX = 3, SHADOW_HEIGHT_PX = 3;

    private final String name;
    private final boolean disturbed;
    private final LevelGrid lengthGrid, positionGrid;
    private final FactorSpace factors;

    private Pendulum(String name, boolean disturbed) {
        this.name = name;
        this.disturbed = disturbed;
        double[] light = FactorSpace.linspace(LIGHT_MIN, LIGHT_MAX, CAUSE_LEVELS, true);
        double[] angle = FactorSpace.linspace(ANGLE_MIN, ANGLE_MAX, CAUSE_LEVELS, true);
        double minLength = Double.POSITIVE_INFINITY, maxLength = Double.NEGATIVE_INFINITY;
        double minPosition = Double.POSITIVE_INFINITY, maxPosition = Double.NEGATIVE_INFINITY;
        for (double phi : light) {
            for (double theta : angle) {
                minLength = Math.min(minLength, length(phi, theta));
                maxLength = Math.max(maxLength, length(phi, theta));
                minPosition = Math.min(minPosition, position(phi, theta));
                maxPosition = Math.max(maxPosition, position(phi, theta));
            }
        }
        double margin = 4 * NOISE_SD;
        double lengthLow = Math.max(0, minLength - margin), lengthHigh = maxLength + margin;
        double positionLow = minPosition - margin, positionHigh = maxPosition + margin;
        if (disturbed) {
            lengthLow = Math.min(lengthLow, 0);
            lengthHigh = Math.max(lengthHigh, DISTURBANCE_MAX);
            positionLow = Math.min(positionLow, 0);
            positionHigh = Math.max(positionHigh, DISTURBANCE_MAX);
        }
        this.lengthGrid = LevelGrid.covering(lengthLow, lengthHigh, CHILD_STEP);
        this.positionGrid = LevelGrid.covering(positionLow, positionHigh, CHILD_STEP);
        this.factors = new FactorSpace(List.of("light", "angle", "length", "position"),
                new double[][] {light, angle, lengthGrid.values(), positionGrid.values()});
    }

    public static Pendulum standard() {
        return new Pendulum(NAME, false);
    }

    /** The variant whose shadow is replaced by U(0, 12) with probability 1/5. */
    public static Pendulum disturbed() {
        return new Pendulum(DISTURBED_NAME, true);
    }

    /** x where the ray from the sun through the bob's far edge meets the ground. */
    public static double shadowA(double phi, double theta) {
        return PIVOT_X + SHADOW_ARM * Math.sin(theta) - (PIVOT_Y - SHADOW_ARM * Math.cos(theta) - GROUND) * cot(phi);
    }

    /** x where the ray through the pivot meets the ground. */
    public static double shadowC(double phi) {
        return PIVOT_X - (PIVOT_Y - GROUND) * cot(phi);
    }

    /** Noise-free shadow length A − C. */
    public static double length(double phi, double theta) {
        return shadowA(phi, theta) - shadowC(phi);
    }

    /** Noise-free shadow position (A + C)/2. */
    public static double position(double phi, double theta) {
        return (shadowA(phi, theta) + shadowC(phi)) / 2;
    }

    /** 1/tanφ, exactly 0 at φ = π/2 up to rounding of cos. */
    private static double cot(double phi) {
        return Math.cos(phi) / Math.sin(phi);
    }

    /** Sun centre x = 10 + 10/tanφ. */
    public static double sunX(double phi) {
        return PIVOT_X + SUN_DISTANCE * cot(phi);
    }

    /** Bob centre (x, y). */
    public static double[] bob(double theta) {
        return new double[] {PIVOT_X + ROD * Math.sin(theta), PIVOT_Y - ROD * Math.cos(theta)};
    }

    public boolean isDisturbed() {
        return disturbed;
    }

    @Override
    public String name() {
        return name;
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
        return Optional.of(SceneCanvas.rowBandMasks(BAND_ROWS));
    }

    @Override
    public Optional<CausalGraph> causalGraph() {
        boolean[][] a = new boolean[4][4];
        a[0][2] = a[0][3] = a[1][2] = a[1][3] = true;
        return Optional.of(new CausalGraph(a));
    }

    /** Causes uniform over their levels, children through the SCM (see the class comment), quantised. */
    @Override
    public int[][] sampleFactors(int n, RandomGenerator rng) {
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            int light = rng.nextInt(CAUSE_LEVELS), angle = rng.nextInt(CAUSE_LEVELS);
            double phi = factors.value(0, light), theta = factors.value(1, angle);
            double length = length(phi, theta) + NOISE_SD * rng.nextGaussian();
            double position = position(phi, theta) + NOISE_SD * rng.nextGaussian();
            if (disturbed && rng.nextInt(5) == 0) {
                length = DISTURBANCE_MAX * rng.nextDouble();
                position = DISTURBANCE_MAX * rng.nextDouble();
            }
            out[i] = new int[] {light, angle, lengthGrid.quantise(length), positionGrid.quantise(position)};
        }
        return out;
    }

    @Override
    public void render(int[] f, float[] out, int offset) {
        factors.validate(f);
        double phi = factors.value(0, f[0]), theta = factors.value(1, f[1]);
        double length = factors.value(2, f[2]), position = factors.value(3, f[3]);
        SceneCanvas canvas = new SceneCanvas(WINDOW_LEFT, WINDOW_TOP, WINDOW_WIDTH);
        double[] bob = bob(theta);
        canvas.polyline(new double[] {PIVOT_X, bob[0]}, new double[] {PIVOT_Y, bob[1]}, ROD_WIDTH_PX, BLACK);
        canvas.disc(bob[0], bob[1], BOB_RADIUS, FIREBRICK);
        canvas.disc(sunX(phi), SUN_Y, SUN_RADIUS, ORANGE);
        double half = canvas.units(SHADOW_HEIGHT_PX) / 2;
        canvas.rectangle(position - length / 2, GROUND - half, position + length / 2, GROUND + half, BLACK);
        canvas.downsample(out, offset);
    }
}
