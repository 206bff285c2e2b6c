package org.disentangle4j.report;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.disentangle4j.data.CausalGraph;
import org.disentangle4j.metrics.LatentInterventions;
import org.disentangle4j.metrics.PosteriorCodes;
import org.disentangle4j.metrics.RepresentationFunction;
import org.disentangle4j.model.Model;
import org.disentangle4j.model.Posterior;

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

    /** The model's latent nodes ({@link Model#interventionTargets}) and its intervention hooks, a chunk at a time. */
    @Override
    public Optional<LatentInterventions> interventions() {
        return Optional.of(new LatentInterventions() {
            @Override
            public List<String> nodeNames() {
                return model.interventionTargets().latentNodes();
            }

            @Override
            public Optional<CausalGraph> graph() {
                return model.latentGraph();
            }

            @Override
            public double[][] nodeValues(double[][] codes) {
                return mapCodes(codes, (m, c, start, n) -> model.latentNodeValues(c));
            }

            @Override
            public double[][] intervene(double[][] codes, int node, double[] values) {
                return mapCodes(codes, (m, c, start, n) -> {
                    float[] v = new float[n];
                    for (int i = 0; i < n; i++) v[i] = (float) values[start + i];
                    return model.intervene(c, node, m.create(v, new Shape(n)));
                });
            }
        });
    }

    /** What is computed from one chunk of codes (n, d) starting at row {@code start}. */
    @FunctionalInterface
    private interface CodeMap {
        NDArray apply(NDManager m, NDArray codes, int start, int n);
    }

    private double[][] mapCodes(double[][] codes, CodeMap map) {
        double[][] out = new double[codes.length][];
        int d = model.latentDim();
        for (int start = 0; start < codes.length; start += CHUNK) {
            int n = Math.min(CHUNK, codes.length - start);
            float[] flat = new float[n * d];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) flat[i * d + j] = (float) codes[start + i][j];
            }
            try (NDManager m = model.manager().newSubManager()) {
                copyRows(map.apply(m, m.create(flat, new Shape(n, d)), start, n), out, start);
            }
        }
        return out;
    }

    @Override
    public double[][] represent(float[] observations, int count) {
        double[][] codes = new double[count][];
        forEachChunk(observations, count, (x, start) -> {
            copyRows(model.represent(x), codes, start);
            return true;
        });
        return codes;
    }

    /** Means and log-variances from one encoder pass per chunk; empty when the model has no posterior. */
    @Override
    public Optional<PosteriorCodes> posterior(float[] observations, int count) {
        double[][] means = new double[count][];
        double[][] logVariances = new double[count][];
        boolean present = forEachChunk(observations, count, (x, start) -> {
            Optional<Posterior> q = model.posterior(x);
            q.ifPresent(p -> {
                copyRows(p.mean(), means, start);
                copyRows(p.logVar(), logVariances, start);
            });
            return q.isPresent();
        });
        return present ? Optional.of(new PosteriorCodes(means, logVariances)) : Optional.empty();
    }

    /** What is done with one chunk (B, …) that starts at row {@code start}; false stops the pass. */
    @FunctionalInterface
    private interface ChunkAction {
        boolean apply(NDArray chunk, int start);
    }

    /**
     * Runs {@code action} on the observations {@value #CHUNK} at a time, each chunk in its own
     * scope; false when an action returned false (the pass stops there).
     */
    private boolean forEachChunk(float[] observations, int count, ChunkAction action) {
        int size = Arrays.stream(observationShape).reduce(1, (a, b) -> a * b);
        for (int start = 0; start < count; start += CHUNK) {
            int n = Math.min(CHUNK, count - start);
            long[] dims = new long[observationShape.length + 1];
            dims[0] = n;
            for (int i = 0; i < observationShape.length; i++) dims[i + 1] = observationShape[i];
            try (NDManager m = model.manager().newSubManager()) {
                float[] chunk = Arrays.copyOfRange(observations, start * size, (start + n) * size);
                if (!action.apply(m.create(chunk, new Shape(dims)), start)) return false;
            }
        }
        return true;
    }

    /** The rows of a (n, d) array into {@code rows[start …]}. */
    private static void copyRows(NDArray values, double[][] rows, int start) {
        float[] out = values.toFloatArray();
        int n = Math.toIntExact(values.getShape().get(0));
        int d = out.length / n;
        for (int i = 0; i < n; i++) {
            double[] row = new double[d];
            for (int j = 0; j < d; j++) row[j] = out[i * d + j];
            rows[start + i] = row;
        }
    }
}
