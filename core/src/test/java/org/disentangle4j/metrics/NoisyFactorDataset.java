package org.disentangle4j.metrics;

import java.util.List;
import org.disentangle4j.data.FactorSpace;
import org.disentangle4j.data.GroundTruthDataset;

/**
 * Test-only dataset: observation = (factor values scaled to [0, 1], then {@code extra}
 * dimensions of small deterministic noise that depends on the factors).
 */
final class NoisyFactorDataset implements GroundTruthDataset {
    private final FactorSpace space;
    private final int extra;
    private final double noise;

    NoisyFactorDataset(int[] sizes, int extra, double noise) {
        double[][] levels = new double[sizes.length][];
        String[] names = new String[sizes.length];
        for (int f = 0; f < sizes.length; f++) {
            levels[f] = FactorSpace.linspace(0, 1, sizes[f], true);
            names[f] = "f" + f;
        }
        this.space = new FactorSpace(List.of(names), levels);
        this.extra = extra;
        this.noise = noise;
    }

    @Override
    public String name() {
        return "noisy-factors";
    }

    @Override
    public FactorSpace factors() {
        return space;
    }

    @Override
    public int[] observationShape() {
        return new int[] {space.numFactors() + extra};
    }

    @Override
    public void render(int[] factors, float[] out, int offset) {
        long index = space.flatIndex(factors);
        for (int f = 0; f < space.numFactors(); f++) out[offset + f] = (float) space.value(f, factors[f]);
        for (int e = 0; e < extra; e++) {
            long h = (index + 1) * 0x9E3779B97F4A7C15L + e * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
            out[offset + space.numFactors() + e] = (float) (noise * ((h & 0xffff) / 65535.0 - 0.5));
        }
    }

    /** Codes = the observation itself. */
    static RepresentationFunction identity(int size) {
        return (observations, count) -> {
            double[][] codes = new double[count][size];
            for (int i = 0; i < count; i++) for (int d = 0; d < size; d++) codes[i][d] = observations[i * size + d];
            return codes;
        };
    }
}
