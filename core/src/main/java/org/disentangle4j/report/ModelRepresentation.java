package org.disentangle4j.report;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Optional;
import org.disentangle4j.metrics.RepresentationFunction;
import org.disentangle4j.model.Model;

/**
 * A trained model as the metrics see it: observations in, {@link Model#represent} codes out
 * (the posterior mean for VAEs), in inference mode, a chunk at a time so that memory stays
 * bounded however many points a metric asks for. The model's {@link Model#latentBlocks} (additive
 * decoders) are passed on to the block-wise metrics.
 */
public final class ModelRepresentation implements RepresentationFunction {
    private static final int CHUNK = 256;

    private final Model model;
    private final int[] observationShape;

    public ModelRepresentation(Model model, int[] observationShape) {
        this.model = model;
        this.observationShape = observationShape.clone();
    }

    @Override
    public Optional<int[][]> latentBlocks() {
        return model.latentBlocks();
    }

    @Override
    public double[][] represent(float[] observations, int count) {
        return chunked(observations, count, model::represent);
    }

    @Override
    public Optional<double[][]> posteriorLogVariance(float[] observations, int count) {
        double[][] logVariances = chunked(observations, count, x -> model.posteriorLogVariance(x).orElse(null));
        return logVariances == null ? Optional.empty() : Optional.of(logVariances);
    }

    private Shape shapeOf(int n) {
        long[] dims = new long[observationShape.length + 1];
        dims[0] = n;
        for (int i = 0; i < observationShape.length; i++) dims[i + 1] = observationShape[i];
        return new Shape(dims);
    }

    /** {@code f} of the observations, {@value #CHUNK} at a time, each chunk in its own scope; null when {@code f} gives null. */
    private double[][] chunked(float[] observations, int count, java.util.function.UnaryOperator<ai.djl.ndarray.NDArray> f) {
        int size = Arrays.stream(observationShape).reduce(1, (a, b) -> a * b);
        double[][] codes = new double[count][];
        for (int start = 0; start < count; start += CHUNK) {
            int n = Math.min(CHUNK, count - start);
            try (NDManager m = model.manager().newSubManager()) {
                float[] chunk = Arrays.copyOfRange(observations, start * size, (start + n) * size);
                ai.djl.ndarray.NDArray result = f.apply(m.create(chunk, shapeOf(n)));
                if (result == null) return null;
                float[] out = result.toFloatArray();
                int d = out.length / n;
                for (int i = 0; i < n; i++) {
                    double[] row = new double[d];
                    for (int j = 0; j < d; j++) row[j] = out[i * d + j];
                    codes[start + i] = row;
                }
            }
        }
        return codes;
    }
}
