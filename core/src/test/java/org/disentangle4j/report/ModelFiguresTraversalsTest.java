package org.disentangle4j.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.random.RandomGenerator;
import javax.imageio.ImageIO;
import org.disentangle4j.data.FactorSpace;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.nn.Torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * traversals.png on a fake dataset with exactly known statistics and a model whose encoder and
 * decoder are known affine maps, so the sample's code, every swept code and every decoded pixel
 * are worked out here by hand, independently of {@link ModelFigures}.
 */
class ModelFiguresTraversalsTest {
    private static final int SIDE = 4, PLANE = SIDE * SIDE, SIZE = 3 * PLANE;
    /** Tiles are drawn 2× enlarged with 2-px separators. */
    private static final int TILE = 2 * SIDE, GAP = 2;
    private static final int[] A_LEVELS = {4, 1, 7, 10}, B_LEVELS = {9, 3};

    // The data: over any multiple of 4 samples, a = level/11 takes 4, 1, 7, 10 equally often
    // (mean 5.5/11, variance ((1.5² + 4.5²)/2)/11² = 11.25/121) and b takes 9, 3 (mean 6/11,
    // variance 9/121). The sample, the first one drawn, is a = 4/11, b = 9/11.
    private static final double A = 4 / 11.0, B = 9 / 11.0;
    private static final double SD_A = Math.sqrt(11.25) / 11, SD_B = 3 / 11.0;
    // Codes z = (0.4, 2a − 1, b/2 + 0.1): the sample's code, each code's standard deviation over
    // the data and the sweeps' half-widths, 2.5 of them.
    private static final double[] CODE = {0.4, 2 * A - 1, B / 2 + 0.1};
    private static final double[] HALF = {0, 2.5 * 2 * SD_A, 2.5 * SD_B / 2};
    // Usage = the variance of each code: 0, 4·11.25/121 = 0.372, 9/(4·121) = 0.0186.
    private static final int[] MOST_USED_FIRST = {1, 2, 0};

    @TempDir
    Path dir;

    /** Images 3×4×4: channel 0 = a, channel 1 = b, channel 2 = 0.5; draws cycle as above, ignoring the generator. */
    static final class CyclingFactors implements GroundTruthDataset {
        private final FactorSpace factors = new FactorSpace(List.of("a", "b"),
                new double[][] {FactorSpace.linspace(0, 1, 12, true), FactorSpace.linspace(0, 1, 12, true)});

        @Override
        public String name() {
            return "cycling-factors";
        }

        @Override
        public FactorSpace factors() {
            return factors;
        }

        @Override
        public int[] observationShape() {
            return new int[] {3, SIDE, SIDE};
        }

        @Override
        public int[][] sampleFactors(int n, RandomGenerator rng) {
            int[][] out = new int[n][];
            for (int i = 0; i < n; i++) out[i] = new int[] {A_LEVELS[i % 4], B_LEVELS[i % 2]};
            return out;
        }

        @Override
        public void render(int[] f, float[] out, int offset) {
            for (int p = 0; p < PLANE; p++) {
                out[offset + p] = (float) factors.value(0, f[0]);
                out[offset + PLANE + p] = (float) factors.value(1, f[1]);
                out[offset + 2 * PLANE + p] = 0.5f;
            }
        }
    }

    /**
     * Encoder z = (0.4, 2a − 1, b/2 + 0.1) from pixel (0, 0) of channels 0 and 1; decoder: channel
     * 0 = (z1 + 1)/2, channel 1 = 2(z2 − 0.1), channel 2 = z0. So decoding a code gives back
     * (a, b, 0.4): channel 2 tells a decoding (0.4) from the data (0.5), and each latent drives one
     * channel of its own.
     */
    static final class AffineModel extends FunctionModel {
        AffineModel() {
            super(new int[] {3, SIDE, SIDE}, 3);
        }

        @Override
        public NDArray represent(NDArray x) {
            NDArray a = x.get(":, 0:1, 0, 0"), b = x.get(":, 1:2, 0, 0");
            return NDArrays.concat(new NDList(a.zerosLike().add(0.4f), a.mul(2f).sub(1f), b.mul(0.5f).add(0.1f)), 1);
        }

        private static NDArray plane(NDArray codes, int dim) {
            long n = codes.getShape().get(0);
            return codes.get(":, " + dim + ":" + (dim + 1)).reshape(n, 1, 1, 1).broadcast(n, 1, SIDE, SIDE);
        }

        @Override
        public NDArray decode(NDArray z, boolean training) {
            return NDArrays.concat(new NDList(plane(z, 1).add(1f).div(2f), plane(z, 2).sub(0.1f).mul(2f), plane(z, 0)), 1);
        }

        // latent usage: the template's default, the variance of each code over the data
    }

    /** The decoder applied by hand: the colour (channels 0, 1, 2) of a decoded code. */
    private static double[] decoded(double[] z) {
        return new double[] {(z[1] + 1) / 2, 2 * (z[2] - 0.1), z[0]};
    }

    /** Row r, value s of {@code steps}: the sample's code with latent MOST_USED_FIRST[r] moved by t·half-width, t from −1 to 1. */
    private static double[] expectedCode(int r, int s, int steps) {
        double[] z = CODE.clone();
        int k = MOST_USED_FIRST[r];
        z[k] += (-1 + 2.0 * s / (steps - 1)) * HALF[k];
        return z;
    }

    private static int byteOf(double v) {
        return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }

    private static void assertTile(BufferedImage image, int row, int col, double[] colour, String where) {
        int x0 = GAP + col * (TILE + GAP), y0 = GAP + row * (TILE + GAP);
        for (int y = 0; y < TILE; y++) {
            for (int x = 0; x < TILE; x++) {
                int p = image.getRGB(x0 + x, y0 + y);
                int[] got = {p >> 16 & 0xFF, p >> 8 & 0xFF, p & 0xFF};
                for (int ch = 0; ch < 3; ch++) assertEquals(byteOf(colour[ch]), got[ch], 1, where + ", channel " + ch);
            }
        }
    }

    /** Every pixel of image i of a (n, 3, SIDE, SIDE) array has the colour (c0, c1, c2). */
    private static void assertImage(double[] colour, float[] images, int i, double tolerance, String where) {
        for (int ch = 0; ch < 3; ch++) {
            for (int p = 0; p < PLANE; p++) assertEquals(colour[ch], images[i * SIZE + ch * PLANE + p], tolerance, where + ", channel " + ch);
        }
    }

    private ModelFigures.Traversals draw(Path file, int steps) throws IOException {
        try (NDManager m = Torch.newManager()) {
            return new ModelFigures(new AffineModel(), new CyclingFactors(), m, 7).writeTraversals(file, steps);
        }
    }

    @Test
    void theMiddleColumnDecodesTheSamplesOwnCodeAndTheLeftColumnIsTheSample() throws IOException {
        Path file = dir.resolve("traversals.png");
        ModelFigures.Traversals t = draw(file, 7);
        int steps = 7, d = 3;
        assertEquals(steps, t.steps());
        assertArrayEquals(MOST_USED_FIRST, t.dims(), "rows ordered by usage");
        assertImage(new double[] {A, B, 0.5}, t.sample(), 0, 1e-7, "the sample");
        assertArrayEquals(CODE, toDouble(t.sampleCode()), 1e-6, "the sample's code");
        assertArrayEquals(HALF, t.halfWidths(), 1e-6, "half-widths: 2.5 standard deviations of each code over the data");
        for (int r = 0; r < d; r++) {
            int k = MOST_USED_FIRST[r];
            for (int s = 0; s < steps; s++) {
                int i = r * steps + s;
                double[] z = expectedCode(r, s, steps);
                for (int j = 0; j < d; j++) {
                    String where = "row " + r + " (latent " + k + "), value " + s + ", latent " + j;
                    // only latent k moves; every other latent is the sample's code, exactly
                    if (j != k) assertEquals(t.sampleCode()[j], t.codes()[i * d + j], 0f, where);
                    assertEquals(z[j], t.codes()[i * d + j], 1e-5, where);
                }
                assertImage(decoded(z), t.images(), i, 1e-5, "image of row " + r + ", value " + s);
            }
            // the middle value is the sample's code bit for bit, and its image the sample decoded
            int middle = r * steps + steps / 2;
            assertArrayEquals(t.sampleCode(), java.util.Arrays.copyOfRange(t.codes(), middle * d, middle * d + d), 0f, "middle of row " + r);
            assertImage(new double[] {A, B, 0.4}, t.images(), middle, 1e-6, "middle image of row " + r);
        }

        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals((steps + 1) * TILE + (steps + 2) * GAP, image.getWidth());
        assertEquals(d * TILE + (d + 1) * GAP, image.getHeight());
        for (int r = 0; r < d; r++) {
            assertTile(image, r, 0, new double[] {A, B, 0.5}, "left column of row " + r + " (the sample)");
            assertTile(image, r, 1 + steps / 2, new double[] {A, B, 0.4}, "middle column of row " + r + " (the sample decoded)");
            for (int s = 0; s < steps; s++) assertTile(image, r, 1 + s, decoded(expectedCode(r, s, steps)), "row " + r + ", value " + s);
        }
    }

    @Test
    void aRowChangesOnlyWhatItsOwnLatentDecodesTo() throws IOException {
        // decoded channel c is driven by latent 1, 2, 0 for c = 0, 1, 2: in the row of latent k
        // only that channel changes, from (code ± half-width) decoded; the others stay the sample's
        ModelFigures.Traversals t = draw(dir.resolve("rows.png"), 5);
        int[] channelOf = {2, 0, 1};
        for (int r = 0; r < 3; r++) {
            int k = t.dims()[r];
            for (int s = 0; s < 5; s++) {
                for (int ch = 0; ch < 3; ch++) {
                    float middle = t.images()[(r * 5 + 2) * SIZE + ch * PLANE];
                    float here = t.images()[(r * 5 + s) * SIZE + ch * PLANE];
                    if (ch != channelOf[k]) assertEquals(middle, here, 0f, "row of latent " + k + ", channel " + ch + ", value " + s);
                }
            }
        }
        // latent 1's row sweeps channel 0 over a ± 2.5·SD_A (2a − 1 ± 5·SD_A, decoded): 0.364 ∓ 0.762
        assertEquals(A - 2.5 * SD_A, t.images()[0], 1e-5);
        assertEquals(A + 2.5 * SD_A, t.images()[4 * SIZE], 1e-5);
        // latent 2's row sweeps channel 1 over b ± 2.5·SD_B: 0.818 ∓ 0.682
        assertEquals(B - 2.5 * SD_B, t.images()[5 * SIZE + PLANE], 1e-5);
        assertEquals(B + 2.5 * SD_B, t.images()[9 * SIZE + PLANE], 1e-5);
    }

    @Test
    void anEvenNumberOfValuesIsRaisedByOneSoThatTheSamplesOwnCodeIsTheMiddleColumn() throws IOException {
        // training draws traversals.png with 10 values a row: drawn as 11, the 6th the sample's code
        Path file = dir.resolve("even.png");
        ModelFigures.Traversals t = draw(file, 10);
        assertEquals(11, t.steps());
        assertEquals(3 * 11 * 3, t.codes().length);
        for (int r = 0; r < 3; r++) {
            for (int s = 0; s < 11; s++) {
                int i = r * 11 + s;
                double[] z = expectedCode(r, s, 11);
                for (int j = 0; j < 3; j++) assertEquals(z[j], t.codes()[i * 3 + j], 1e-5, "row " + r + ", value " + s + ", latent " + j);
            }
            assertArrayEquals(t.sampleCode(), java.util.Arrays.copyOfRange(t.codes(), (r * 11 + 5) * 3, (r * 11 + 6) * 3), 0f, "middle of row " + r);
        }
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(12 * TILE + 13 * GAP, image.getWidth());
        for (int r = 0; r < 3; r++) {
            assertTile(image, r, 0, new double[] {A, B, 0.5}, "left column of row " + r + " (the sample)");
            assertTile(image, r, 6, new double[] {A, B, 0.4}, "middle column of row " + r + " (the sample decoded)");
        }
        // an odd count is kept as it is
        assertEquals(5, draw(dir.resolve("odd.png"), 5).steps());
    }

    private static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i];
        return out;
    }
}
