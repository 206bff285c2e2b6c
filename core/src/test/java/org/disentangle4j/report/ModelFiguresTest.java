package org.disentangle4j.report;

import org.disentangle4j.intervene.CartesianProductGrid;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javax.imageio.ImageIO;
import org.disentangle4j.data.FactorSampler;
import org.disentangle4j.data.FactorSpace;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.model.BlockRenderingsFigure;
import org.disentangle4j.model.ExtraFigure;
import org.disentangle4j.model.Model;
import org.disentangle4j.nn.Torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extrapolation and block figures on a fake dataset whose images carry their factors as pixel
 * values and fake models that read and write codes as pixel values, so every tile's colour is known.
 */
class ModelFiguresTest {
    /** Pixels per side of the fake images; the figures draw them 2× enlarged with 2-px separators. */
    private static final int SIDE = 6;
    private static final int TILE = 2 * SIDE;
    private static final int GAP = 2;
    private static final int PLANE = SIDE * SIDE;
    /** Levels 0 … 11 of each factor, valued level / 11; levels ≥ 7 of both are never trained on. */
    private static final int LEVELS = 12, UNSEEN = 7;
    private static final int FRAME = 0xFFBE00;
    private static final int BACKGROUND = 0x808080;

    @TempDir
    Path dir;

    /**
     * Two factors a, b with an L-shaped training support (b < 7 whenever a ≥ 7), images 3×6×6 with
     * channel 0 = a/11, channel 1 = b/11, channel 2 = 0.5.
     */
    static final class PixelFactors implements GroundTruthDataset {
        private final boolean hasUnseen;
        private final FactorSpace factors = new FactorSpace(List.of("a", "b"),
                new double[][] {FactorSpace.linspace(0, 1, LEVELS, true), FactorSpace.linspace(0, 1, LEVELS, true)});

        PixelFactors(boolean hasUnseen) {
            this.hasUnseen = hasUnseen;
        }

        @Override
        public String name() {
            return "pixel-factors";
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
            for (int i = 0; i < n; i++) {
                int a = rng.nextInt(LEVELS);
                out[i] = new int[] {a, a < UNSEEN ? rng.nextInt(LEVELS) : rng.nextInt(UNSEEN)};
            }
            return out;
        }

        @Override
        public Optional<FactorSampler> outOfSupport() {
            if (!hasUnseen) return Optional.empty();
            return Optional.of((n, rng) -> {
                int[][] out = new int[n][];
                for (int i = 0; i < n; i++) out[i] = new int[] {UNSEEN + rng.nextInt(LEVELS - UNSEEN), UNSEEN + rng.nextInt(LEVELS - UNSEEN)};
                return out;
            });
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
     * Codes (0.4 × {@code constantDims}, a, b) read from pixel (0, 0) of channels 0 and 1; decoded
     * images have channel 0 = the code of a, channel 1 = the code of b, channel 2 = the first
     * constant dimension (0.5 when there is none).
     */
    static class PixelModel extends FunctionModel {
        final int constantDims;

        PixelModel(int constantDims) {
            super(new int[] {3, SIDE, SIDE}, constantDims + 2);
            this.constantDims = constantDims;
        }

        @Override
        public NDArray represent(NDArray x) {
            long n = x.getShape().get(0);
            NDArray ab = x.get(":, 0:2, 0, 0");
            return constantDims == 0 ? ab : x.getManager().full(new Shape(n, constantDims), 0.4f).concat(ab, 1);
        }

        NDArray plane(NDArray codes, int dim) {
            long n = codes.getShape().get(0);
            return codes.get(":, " + dim + ":" + (dim + 1)).reshape(n, 1, 1, 1).broadcast(n, 1, SIDE, SIDE);
        }

        NDArray constant(NDArray codes, float value) {
            return codes.getManager().full(new Shape(codes.getShape().get(0), 1, SIDE, SIDE), value);
        }

        @Override
        public NDArray decode(NDArray codes, boolean training) {
            NDArray third = constantDims > 0 ? plane(codes, 0) : constant(codes, 0.5f);
            return NDArrays.concat(new NDList(plane(codes, constantDims), plane(codes, constantDims + 1), third), 1);
        }

        // latent usage: the template's default, the variance of each code over the data
    }

    /**
     * Two blocks of one dimension: f_0(a) = (a − 0.75, 0, 0.25) and f_1(b) = (0.75, b, 0.25) per
     * channel, whose sum (a, b, 0.5) is what {@link PixelModel} decodes.
     */
    static final class PixelAdditive extends PixelModel {
        PixelAdditive() {
            super(0);
        }

        @Override
        public Optional<int[][]> latentBlocks() {
            return Optional.of(new int[][] {{0}, {1}});
        }

        @Override
        public List<ExtraFigure> extraFigures() {
            return List.of(new BlockRenderingsFigure(this, this::decodeBlocks));
        }

        List<NDArray> decodeBlocks(NDArray codes) {
            NDArray first = NDArrays.concat(new NDList(plane(codes, 0).sub(0.75f), constant(codes, 0f), constant(codes, 0.25f)), 1);
            NDArray second = NDArrays.concat(new NDList(constant(codes, 0.75f), plane(codes, 1), constant(codes, 0.25f)), 1);
            return List.of(first, second);
        }
    }

    private static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xFFFFFF;
    }

    private static int byteOf(double v) {
        return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }

    private static void assertTile(BufferedImage image, int x0, int y0, int[] expected, String where) {
        for (int y = 0; y < TILE; y++) {
            for (int x = 0; x < TILE; x++) {
                int p = rgb(image, x0 + x, y0 + y);
                int[] got = {p >> 16 & 0xFF, p >> 8 & 0xFF, p & 0xFF};
                for (int ch = 0; ch < 3; ch++) {
                    assertEquals(expected[ch], got[ch], 1, where + " channel " + ch + " at pixel " + x + "," + y);
                }
            }
        }
    }

    /** Grid values 0, 1/6, …, 1 on both axes (levels 0 and 11 are drawn often: the percentiles are 0 and 1). */
    private void assertExtrapolationFigure(Model model, boolean hasUnseen, int third) throws IOException {
        Path file = dir.resolve("extrapolation-" + model.latentDim() + "-" + hasUnseen + ".png");
        try (NDManager m = Torch.newManager()) {
            CartesianProductGrid plan = new ModelFigures(model, new PixelFactors(hasUnseen), m, 3).writeExtrapolation(file, 7);
            int k = model.latentDim() - 2;
            assertEquals(k, plan.colDim());
            assertEquals(k + 1, plan.rowDim());
            float[] cols = plan.colValues();
            assertEquals(0f, cols[0], 0f);
            assertEquals(1f, cols[6], 0f);
        }
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(7 * TILE + 8 * GAP, image.getWidth());
        assertEquals(7 * TILE + 8 * GAP, image.getHeight());
        for (int r = 0; r < 7; r++) {
            for (int c = 0; c < 7; c++) {
                int x0 = GAP + c * (TILE + GAP), y0 = GAP + r * (TILE + GAP);
                // decoded tile (r, c): channel 0 = the column value c/6, channel 1 = the row value, increasing upwards
                assertTile(image, x0, y0, new int[] {byteOf(c / 6.0), byteOf((6 - r) / 6.0), third}, "tile " + r + "," + c);
                // the never-seen square a, b ≥ 7/11 = 0.636: grid values 4/6, 5/6, 1 of both, the top-right 3×3 cells
                boolean unseen = hasUnseen && r <= 2 && c >= 4;
                boolean leftUnseen = hasUnseen && r <= 2 && c - 1 >= 4;
                int leftGap = rgb(image, x0 - 1, y0 + TILE / 2);
                assertEquals(unseen || leftUnseen ? FRAME : BACKGROUND, leftGap, "separator left of tile " + r + "," + c);
                boolean aboveUnseen = hasUnseen && r - 1 >= 0 && r - 1 <= 2 && c >= 4;
                assertEquals(unseen || aboveUnseen ? FRAME : BACKGROUND, rgb(image, x0 + TILE / 2, y0 - 2),
                        "separator above tile " + r + "," + c);
            }
        }
    }

    @Test
    void extrapolationTilesAreTheDecodedGridAndTheUnseenCornerIsFramed() throws IOException {
        assertExtrapolationFigure(new PixelModel(0), true, byteOf(0.5));
        assertExtrapolationFigure(new PixelAdditive(), true, byteOf(0.5));
    }

    @Test
    void withoutAnOutOfSupportSetNothingIsFramed() throws IOException {
        assertExtrapolationFigure(new PixelModel(0), false, byteOf(0.5));
    }

    @Test
    void moreThanTwoDimensionsPlotTheTwoMostUsedWithTheOthersAtTheirMedian() throws IOException {
        // codes (0.4, 0.4, a, b): the constant dimensions are unused and sit at their median 0.4
        assertExtrapolationFigure(new PixelModel(2), true, byteOf(0.4));
    }

    @Test
    void blockColumnsSumToTheReconstructionAndAreDrawnOnOneScale() throws IOException {
        Path file = dir.resolve("blocks.png");
        BlockRenderingsFigure.BlockRenderings r;
        try (NDManager m = Torch.newManager()) {
            PixelAdditive model = new PixelAdditive();
            ModelFigures figures = new ModelFigures(model, new PixelFactors(true), m, 3);
            r = ((BlockRenderingsFigure) model.extraFigures().get(0)).write(figures.inputs(), file, 6);
        }
        int size = 3 * PLANE;
        assertArrayEquals(new boolean[] {false, false, false, false, true, true}, r.unseen());
        assertEquals(2, r.blocks().size());
        double lo = 0, hi = 0.75; // the constant channels of the blocks
        List<double[]> ab = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            double a = r.inputs()[i * size], b = r.inputs()[i * size + PLANE];
            ab.add(new double[] {a, b});
            double threshold = UNSEEN / 11.0 - 1e-6;
            assertEquals(r.unseen()[i], a >= threshold && b >= threshold, "input " + i + " is out-of-support iff a, b ≥ 7/11");
            lo = Math.min(lo, a - 0.75);
            hi = Math.max(hi, Math.max(a - 0.75, b));
            for (int p = 0; p < PLANE; p++) {
                int o = i * size + p;
                float[] f0 = r.blocks().get(0), f1 = r.blocks().get(1);
                assertEquals(a - 0.75, f0[o], 1e-6, "block 0 channel 0");
                assertEquals(0, f0[o + PLANE], 1e-6, "block 0 channel 1");
                assertEquals(b, f1[o + PLANE], 1e-6, "block 1 channel 1");
                for (int ch = 0; ch < 3; ch++) {
                    int q = o + ch * PLANE;
                    assertEquals(r.reconstructions()[q], f0[q] + f1[q], 1e-6, "blocks sum to the reconstruction, row " + i);
                }
                assertEquals(a, r.reconstructions()[o], 1e-6);
                assertEquals(b, r.reconstructions()[o + PLANE], 1e-6);
            }
        }
        assertTrue(lo < 0, "some block value is negative (a < 0.75 among the inputs)");
        assertArrayEquals(new float[] {(float) lo, (float) hi}, r.displayRange(), 1e-6f);

        BufferedImage image = ImageIO.read(file.toFile());
        int label = 52;
        assertEquals(label + 4 * TILE + 5 * GAP, image.getWidth());
        assertEquals(6 * TILE + 7 * GAP, image.getHeight());
        for (int i = 0; i < 6; i++) {
            double a = ab.get(i)[0], b = ab.get(i)[1];
            int y0 = GAP + i * (TILE + GAP);
            int[] x0 = new int[4];
            for (int c = 0; c < 4; c++) x0[c] = label + GAP + c * (TILE + GAP);
            assertTile(image, x0[0], y0, new int[] {byteOf(a), byteOf(b), byteOf(0.5)}, "input " + i);
            assertTile(image, x0[1], y0, new int[] {byteOf(a), byteOf(b), byteOf(0.5)}, "reconstruction " + i);
            double span = hi - lo;
            assertTile(image, x0[2], y0, new int[] {byteOf((a - 0.75 - lo) / span), byteOf(-lo / span), byteOf((0.25 - lo) / span)},
                    "block 0 of row " + i);
            assertTile(image, x0[3], y0, new int[] {byteOf((0.75 - lo) / span), byteOf((b - lo) / span), byteOf((0.25 - lo) / span)},
                    "block 1 of row " + i);
        }
    }
}
