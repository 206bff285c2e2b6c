package org.disentangle4j.data;

import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * dSprites restricted to its small sprites (issue 15's extrapolation environment): the training
 * distribution draws the scale from its four smallest levels (0.5, 0.6, 0.7, 0.8) and every
 * other factor uniformly; the two largest (0.9, 1.0) are never seen in training and are its
 * out-of-support set. Same factor space and renderer as {@link DSprites}, so the unseen scales'
 * true renderings are at hand.
 */
public final class DSpritesSmall implements GroundTruthDataset {
    public static final String NAME = "dsprites-small";
    /** Scale levels below this index are the training environment (0.5 … 0.8). */
    public static final int TRAINING_SCALE_LEVELS = 4;
    public static final int SCALE_FACTOR = 1;

    private final DSprites sprites = new DSprites();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FactorSpace factors() {
        return sprites.factors();
    }

    @Override
    public int[] observationShape() {
        return sprites.observationShape();
    }

    /** Uniform over the factor space with the scale drawn from its first {@value #TRAINING_SCALE_LEVELS} levels. */
    @Override
    public int[][] sampleFactors(int n, RandomGenerator rng) {
        return sample(n, rng, 0, TRAINING_SCALE_LEVELS);
    }

    /** The unseen environment: scales 0.9 and 1.0, the other factors uniform. */
    @Override
    public Optional<FactorSampler> outOfSupport() {
        int levels = factors().size(SCALE_FACTOR);
        return Optional.of((n, rng) -> sample(n, rng, TRAINING_SCALE_LEVELS, levels));
    }

    private int[][] sample(int n, RandomGenerator rng, int fromScale, int toScale) {
        FactorSpace space = factors();
        int[][] out = new int[n][space.numFactors()];
        for (int[] f : out) {
            for (int k = 0; k < f.length; k++) {
                f[k] = k == SCALE_FACTOR ? fromScale + rng.nextInt(toScale - fromScale) : rng.nextInt(space.size(k));
            }
        }
        return out;
    }

    @Override
    public void render(int[] f, float[] out, int offset) {
        sprites.render(f, out, offset);
    }
}
