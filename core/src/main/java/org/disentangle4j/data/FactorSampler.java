package org.disentangle4j.data;

import java.util.random.RandomGenerator;

/** Draws factor vectors (class indices, one row each) from some distribution over a factor space. */
@FunctionalInterface
public interface FactorSampler {
    int[][] sample(int n, RandomGenerator rng);
}
