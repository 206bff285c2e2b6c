package org.disentangle4j.report;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.disentangle4j.metrics.DecoderFunction;
import org.disentangle4j.model.Model;

/**
 * A trained model's decoder as the metrics see it: {@link Model#generate} of codes
 * (so {@code decode(represent(x))} is its reconstruction of x), in inference mode, a chunk at a
 * time in its own scope.
 */
public final class ModelDecoder implements DecoderFunction {
    private static final int CHUNK = 256;

    private final Model model;

    public ModelDecoder(Model model) {
        this.model = model;
    }

    @Override
    public float[] decode(double[][] codes) {
        int count = codes.length;
        int d = model.latentDim();
        float[] out = null;
        int size = 0;
        for (int start = 0; start < count; start += CHUNK) {
            int n = Math.min(CHUNK, count - start);
            float[] flat = new float[n * d];
            for (int i = 0; i < n; i++) {
                if (codes[start + i].length != d) {
                    throw new IllegalArgumentException("code " + (start + i) + " has " + codes[start + i].length + " values, the model " + d);
                }
                for (int j = 0; j < d; j++) flat[i * d + j] = (float) codes[start + i][j];
            }
            try (NDManager m = model.manager().newSubManager()) {
                float[] images = model.generate(m.create(flat, new Shape(n, d))).toFloatArray();
                if (out == null) {
                    size = images.length / n;
                    out = new float[count * size];
                }
                System.arraycopy(images, 0, out, start * size, images.length);
            }
        }
        return out == null ? new float[0] : out;
    }

    /**
     * The codes decoded in one batch in inference mode, each convolutional layer's input maps and
     * kernel recorded on the way ({@link Model#decode(NDArray, boolean, org.disentangle4j.model.DecoderLayerHook)});
     * empty for a model without addressable decoder layers.
     */
    @Override
    public java.util.List<ConvolutionLayerInputs> convolutionLayers(double[][] codes) {
        if (model.interventionTargets().decoderLayers().isEmpty() || codes.length == 0) return java.util.List.of();
        int d = model.latentDim();
        float[] flat = new float[codes.length * d];
        for (int i = 0; i < codes.length; i++) for (int j = 0; j < d; j++) flat[i * d + j] = (float) codes[i][j];
        java.util.List<ConvolutionLayerInputs> layers = new java.util.ArrayList<>();
        try (NDManager m = model.manager().newSubManager()) {
            NDArray z = m.create(flat, new Shape(codes.length, d));
            model.decode(model.transformLatent(z, false), false, (index, name, layer, input, original) -> {
                if (layer instanceof org.disentangle4j.nn.ConvolutionMechanism conv) {
                    layers.add(new ConvolutionLayerInputs(name, fourD(input), fourD(conv.kernel().getArray())));
                }
                return original.apply(input);
            });
        }
        return layers;
    }

    /** A (B, C, H, W) array as nested doubles. */
    private static double[][][][] fourD(NDArray a) {
        long[] s = a.getShape().getShape();
        int b = (int) s[0], c = (int) s[1], h = (int) s[2], w = (int) s[3];
        float[] v = a.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
        double[][][][] out = new double[b][c][h][w];
        int k = 0;
        for (int i = 0; i < b; i++) for (int j = 0; j < c; j++) for (int r = 0; r < h; r++) for (int q = 0; q < w; q++) out[i][j][r][q] = v[k++];
        return out;
    }
}
