package org.disentangle4j.model;

/**
 * Derives independent seeds from the run's single seed, so that every source of randomness
 * (initial weights, data of step t, noise of step t, evaluation) can be replayed on its own.
 */
public final class Seeds {
    public static final long INIT = 1;
    public static final long DATA = 2;
    public static final long MODEL_NOISE = 3;
    public static final long EVALUATION = 4;
    public static final long FIGURES = 5;
    public static final long VALIDATION = 6;
    public static final long PAIRS = 7;
    public static final long LABELS = 8;
    public static final long TRAINING_SET = 9;

    private Seeds() {}

    /** A well-mixed 64-bit seed for (seed, purpose, index). */
    public static long mix(long seed, long purpose, long index) {
        long h = seed * 0x9E3779B97F4A7C15L + purpose;
        h = splitMix(h) ^ index * 0xC2B2AE3D27D4EB4FL;
        return splitMix(h);
    }

    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
