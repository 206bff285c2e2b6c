package org.disentangle4j.report;

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
}
