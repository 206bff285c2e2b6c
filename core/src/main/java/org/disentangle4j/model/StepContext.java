package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * Everything a model needs besides its batch for one step: the step number, a manager that owns
 * every temporary of the step (closed when the step ends), and the step's randomness.
 *
 * <p>Randomness is drawn from a Java generator seeded by (run seed, step, purpose), not from the
 * engine's global generator, so a resumed run draws exactly what an uninterrupted one would.
 */
public final class StepContext {
    private final long step;
    private final NDManager manager;
    private final SplittableRandom random;
    private final boolean training;

    public StepContext(long step, NDManager manager, long seed, boolean training) {
        this.step = step;
        this.manager = manager;
        this.random = new SplittableRandom(Seeds.mix(seed, Seeds.MODEL_NOISE, step));
        this.training = training;
    }

    public long step() {
        return step;
    }

    public NDManager manager() {
        return manager;
    }

    public boolean training() {
        return training;
    }

    /** The step's generator, for host-side choices (permutations, pair indices). */
    public SplittableRandom random() {
        return random;
    }

    /** Standard normal noise of the given shape. */
    public NDArray normal(Shape shape) {
        float[] v = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < v.length; i++) v[i] = (float) random.nextGaussian();
        return manager.create(v, shape);
    }

    /** Uniform noise in [0, 1) of the given shape. */
    public NDArray uniform(Shape shape) {
        float[] v = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < v.length; i++) v[i] = (float) random.nextDouble();
        return manager.create(v, shape);
    }

    /** A uniformly random permutation of 0 … n−1 (Fisher–Yates). */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
