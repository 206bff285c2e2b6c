package org.disentangle4j.data;

/**
 * Evenly spaced levels {@code (first + k) · step}, k = 0 … count − 1, for a continuous variable
 * that the factor space discretises (the children of a structural causal model); a value is
 * quantised to the nearest level, values beyond the ends to the end levels.
 */
record LevelGrid(long first, double step, int count) {

    /** The grid of multiples of {@code step} covering [lo, hi] (lo rounded down, hi up). */
    static LevelGrid covering(double lo, double hi, double step) {
        long first = (long) Math.floor(lo / step + 1e-9);
        long last = (long) Math.ceil(hi / step - 1e-9);
        return new LevelGrid(first, step, (int) (last - first + 1));
    }

    double value(int level) {
        return (first + level) * step;
    }

    double[] values() {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) v[i] = value(i);
        return v;
    }

    /** The nearest level; values outside the grid go to its first or last level. */
    int quantise(double v) {
        long k = Math.round(v / step) - first;
        return (int) Math.max(0, Math.min(count - 1, k));
    }
}
