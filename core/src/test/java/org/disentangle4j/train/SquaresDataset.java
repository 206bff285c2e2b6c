package org.disentangle4j.train;

import java.util.List;
import org.disentangle4j.data.FactorSpace;
import org.disentangle4j.data.GroundTruthDataset;

/** A tiny test dataset: a white square on black, factors x (8), y (8) and size (3). */
final class SquaresDataset implements GroundTruthDataset {
    private final FactorSpace factors = new FactorSpace(List.of("x", "y", "size"), new double[][] {
        FactorSpace.linspace(0, 1, 8, true), FactorSpace.linspace(0, 1, 8, true), {6, 10, 14}});

    @Override
    public String name() {
        return "squares";
    }

    @Override
    public FactorSpace factors() {
        return factors;
    }

    @Override
    public int[] observationShape() {
        return new int[] {1, 64, 64};
    }

    @Override
    public void render(int[] f, float[] out, int offset) {
        int size = (int) factors.value(2, f[2]);
        int x0 = 4 + f[0] * 6, y0 = 4 + f[1] * 6;
        java.util.Arrays.fill(out, offset, offset + 64 * 64, 0f);
        for (int y = y0; y < y0 + size; y++) for (int x = x0; x < x0 + size; x++) out[offset + y * 64 + x] = 1f;
    }
}
