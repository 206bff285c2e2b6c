package org.disentangle4j.intervene;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.model.DecoderLayerHook;
import org.disentangle4j.model.Model;
import org.disentangle4j.nn.ConvolutionMechanism;
import org.disentangle4j.nn.KernelStretch;
import org.disentangle4j.viz.ImageGrid;

/**
 * A layer intervention (issue 15): the decoder run with one layer's mechanism replaced and every
 * other layer unchanged, through the template's {@link Model#decode(NDArray, boolean, DecoderLayerHook)}.
 *
 * <p>The transforms and what their strength s means (each is the identity at its {@link Transform#identity}):
 * <ul>
 *   <li>{@code stretch-x}, {@code stretch-y}, {@code stretch}: a convolutional layer's kernels resampled
 *       to a support s ≥ 1 times wider along x (y; both), sum kept ({@link KernelStretch}); the layer's "same" padding
 *       grows with the kernel, so its maps keep their size.
 *   <li>{@code rotate}: the layer's output maps rotated by s degrees (counter-clockwise on the
 *       image) about their centre, bilinear, zero outside.
 *   <li>{@code scale}: the layer's output maps zoomed by s &gt; 0 about their centre (s &gt; 1
 *       enlarges), bilinear, zero outside.
 *   <li>{@code colour}: the layer's 3 output channels rotated by s degrees about the grey axis
 *       (1, 1, 1) (a hue rotation); meant for the last layer of an RGB decoder, where it acts on
 *       the logits before the likelihood's sigmoid.
 * </ul>
 * Which layers a transform applies to is found by running the decoder once ({@link #applicableLayers}).
 */
public final class LayerIntervention {
    private LayerIntervention() {}

    public enum Transform {
        STRETCH("stretch", 1, new double[] {1, 1.25, 1.5, 2, 3}),
        STRETCH_X("stretch-x", 1, new double[] {1, 1.5, 2, 2.5, 3}),
        STRETCH_Y("stretch-y", 1, new double[] {1, 1.5, 2, 2.5, 3}),
        ROTATE("rotate", 0, new double[] {0, 15, 30, 45, 60}),
        SCALE("scale", 1, new double[] {0.75, 1, 1.25, 1.5, 2}),
        COLOUR("colour", 0, new double[] {0, 60, 120, 180, 240});

        private final String cliName;
        private final double identity;
        private final double[] gridStrengths;

        Transform(String cliName, double identity, double[] gridStrengths) {
            this.cliName = cliName;
            this.identity = identity;
            this.gridStrengths = gridStrengths;
        }

        public String cliName() {
            return cliName;
        }

        /** The strength at which the transform changes nothing. */
        public double identity() {
            return identity;
        }

        /** The strengths of the extrapolation grid's columns by default. */
        public double[] gridStrengths() {
            return gridStrengths.clone();
        }

        public static Transform parse(String text) {
            for (Transform t : values()) if (t.cliName.equals(text.toLowerCase(Locale.ROOT))) return t;
            throw new UserInputException("--transform: expected one of stretch, stretch-x, stretch-y, rotate, scale, colour, got '" + text + "'");
        }

        /** Null when s is a valid strength, else why not. */
        public String strengthViolation(double s) {
            if (!Double.isFinite(s)) return "--strength must be a finite number, got " + s;
            return switch (this) {
                case STRETCH, STRETCH_X, STRETCH_Y -> s >= 1 ? null : "--strength of " + cliName + " is a stretch factor ≥ 1, got " + s;
                case SCALE -> s > 0 ? null : "--strength of scale is a zoom factor > 0, got " + s;
                default -> null;
            };
        }

        boolean appliesTo(Block layer, Shape output) {
            return switch (this) {
                case STRETCH, STRETCH_X, STRETCH_Y -> layer instanceof ConvolutionMechanism;
                case ROTATE, SCALE -> output.dimension() == 4;
                case COLOUR -> output.dimension() == 4 && output.get(1) == 3;
            };
        }
    }

    /** A decoder layer: its 0-based index in the model's decoder layers, its name, and its output shape for one code. */
    public record Layer(int index, String name, Shape output) {}

    /** The decoder layers (in data order) the transform applies to, found by decoding one zero code. */
    public static List<Layer> applicableLayers(Model model, Transform transform) {
        List<Layer> layers = new ArrayList<>();
        try (NDManager m = model.manager().newSubManager()) {
            NDArray z = m.zeros(new Shape(1, model.latentDim()));
            model.decode(model.transformLatent(z, false), false, (index, name, layer, input, original) -> {
                NDArray out = original.apply(input);
                if (transform.appliesTo(layer, out.getShape())) layers.add(new Layer(index, name, out.getShape()));
                return out;
            });
        }
        return layers;
    }

    /**
     * The hook that replaces layer {@code layerIndex}'s mechanism by the transformed one.
     *
     * @throws UserInputException when the transform does not apply to that layer
     */
    public static DecoderLayerHook hook(int layerIndex, Transform transform, double strength) {
        String violation = transform.strengthViolation(strength);
        if (violation != null) throw new UserInputException(violation);
        return (index, name, layer, input, original) -> {
            if (index != layerIndex) return original.apply(input);
            if (transform == Transform.STRETCH || transform == Transform.STRETCH_X || transform == Transform.STRETCH_Y) {
                if (!(layer instanceof ConvolutionMechanism conv)) {
                    throw new UserInputException("--transform " + transform.cliName + " needs a convolutional layer; layer " + name + " is not");
                }
                NDArray kernel = conv.kernel().getArray();
                NDArray stretched = KernelStretch.stretch(kernel, transform == Transform.STRETCH_Y ? 1 : strength,
                        transform == Transform.STRETCH_X ? 1 : strength, KernelStretch.Normalisation.KEEP_SUM, input.getManager());
                return conv.forwardWithKernel(input, stretched);
            }
            NDArray out = original.apply(input);
            if (!transform.appliesTo(layer, out.getShape())) {
                throw new UserInputException("--transform " + transform.cliName + " needs a layer whose output is "
                        + (transform == Transform.COLOUR ? "3 feature maps (RGB)" : "feature maps") + "; layer " + name + " gives " + out.getShape());
            }
            return switch (transform) {
                case ROTATE -> {
                    double a = Math.toRadians(strength), c = Math.cos(a), s = Math.sin(a);
                    // output pixel (row, col) reads the source at R(−a) of its offset from the centre; rows grow downwards,
                    // so a counter-clockwise turn on the image is (dx, dy_up) rotated by +a
                    yield resample(out, new double[][] {{c, s}, {-s, c}});
                }
                case SCALE -> resample(out, new double[][] {{1 / strength, 0}, {0, 1 / strength}});
                case COLOUR -> hueRotation(out, strength);
                default -> throw new IllegalStateException();
            };
        };
    }

    /** The model's images (mean of the likelihood) of {@code codes} (B, d) with the intervention, in inference mode. */
    public static NDArray generate(Model model, NDArray codes, int layerIndex, Transform transform, double strength) {
        NDArray out = model.decode(model.transformLatent(codes, false), false, hook(layerIndex, transform, strength));
        return model.observationMean(out);
    }

    /**
     * The extrapolation grid ({@code extrapolation-layers.png}): row r decodes {@code code} (1, d)
     * with layer {@code layers[r]} intervened on, column c at strength {@code strengths[c]}; rows are
     * labelled with the layer's position (from 1) and name.
     */
    public static void writeGrid(Model model, NDArray code, Transform transform, List<Layer> layers, double[] strengths, Path file)
            throws IOException {
        int[] shape = model.spec().observationShape();
        ImageGrid grid = new ImageGrid(layers.size(), strengths.length, shape[0], shape[1], shape[2], 1, 175);
        for (int r = 0; r < layers.size(); r++) {
            Layer layer = layers.get(r);
            grid.labelRow(r, (layer.index() + 1) + " " + layer.name());
            for (int c = 0; c < strengths.length; c++) {
                try (NDManager m = code.getManager().newSubManager()) {
                    NDArray z = code.duplicate();
                    z.attach(m);
                    grid.put(r, c, generate(model, z, layer.index(), transform, strengths[c]).toFloatArray(), 0);
                }
            }
        }
        grid.writePng(file);
    }

    /**
     * Maps (B, C, H, W) resampled at source = A·(p − c) + c for each output pixel p (row, col), c the
     * centre, A (2 × 2) acting on (row, col) offsets; bilinear, zero outside. Four gathers of the
     * flattened maps.
     */
    static NDArray resample(NDArray maps, double[][] a) {
        long[] s = maps.getShape().getShape();
        int h = Math.toIntExact(s[2]), w = Math.toIntExact(s[3]), n = h * w;
        long rows = s[0] * s[1];
        double cr = (h - 1) / 2.0, cc = (w - 1) / 2.0;
        int[][] index = new int[4][n];
        float[][] weight = new float[4][n];
        for (int r = 0; r < h; r++) {
            for (int col = 0; col < w; col++) {
                int p = r * w + col;
                double dr = r - cr, dc = col - cc;
                double sr = a[0][0] * dr + a[0][1] * dc + cr, sc = a[1][0] * dr + a[1][1] * dc + cc;
                int r0 = (int) Math.floor(sr), c0 = (int) Math.floor(sc);
                double fr = sr - r0, fc = sc - c0;
                int k = 0;
                for (int dy = 0; dy <= 1; dy++) {
                    for (int dx = 0; dx <= 1; dx++, k++) {
                        int rr = r0 + dy, cl = c0 + dx;
                        boolean inside = rr >= 0 && rr < h && cl >= 0 && cl < w;
                        index[k][p] = inside ? rr * w + cl : n;            // n: the appended zero column
                        weight[k][p] = inside ? (float) ((dy == 1 ? fr : 1 - fr) * (dx == 1 ? fc : 1 - fc)) : 0f;
                    }
                }
            }
        }
        NDManager m = maps.getManager();
        NDArray flat = maps.reshape(rows, n);
        NDArray padded = flat.concat(m.zeros(new Shape(rows, 1), flat.getDataType()), 1);
        NDArray result = null;
        for (int k = 0; k < 4; k++) {
            NDArray idx = m.create(Arrays.stream(index[k]).asLongStream().toArray(), new Shape(1, n)).repeat(0, rows);
            NDArray term = padded.gather(idx, 1).mul(m.create(weight[k], new Shape(1, n)));
            result = result == null ? term : result.add(term);
        }
        return result.reshape(s);
    }

    /** Channels (B, 3, H, W) rotated by {@code degrees} about the grey axis (Rodrigues' formula). */
    static NDArray hueRotation(NDArray maps, double degrees) {
        double t = Math.toRadians(degrees), c = Math.cos(t), s = Math.sin(t), k = 1 / Math.sqrt(3);
        double[][] r = new double[3][3];
        double[][] cross = {{0, -k, k}, {k, 0, -k}, {-k, k, 0}};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) r[i][j] = (i == j ? c : 0) + s * cross[i][j] + (1 - c) * k * k;
        }
        float[] rt = new float[9];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) rt[j * 3 + i] = (float) r[i][j];   // Rᵀ
        NDArray matrix = maps.getManager().create(rt, new Shape(3, 3));
        return maps.transpose(0, 2, 3, 1).matMul(matrix).transpose(0, 3, 1, 2);
    }
}
