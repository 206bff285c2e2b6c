package org.disentangle4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.disentangle4j.nn.Torch;
import org.junit.jupiter.api.Test;

class LikelihoodTest {

    @Test
    void bernoulliLossIsTheSummedCrossEntropyAveragedOverTheBatch() {
        try (NDManager m = Torch.newManager()) {
            // two images of two pixels; logits l, targets x
            float[] logits = {0, 2, -3, 40};
            float[] targets = {1, 0, 0, 1};
            double expected = 0;
            for (int i = 0; i < 4; i++) {
                // −log σ(l) = log(1 + e^{−l}) for a white pixel, −log(1 − σ(l)) = log(1 + e^{l}) for black
                expected += targets[i] == 1 ? Math.log1p(Math.exp(-logits[i])) : Math.log1p(Math.exp(logits[i]));
            }
            expected /= 2; // mean over the batch of 2
            float loss = Likelihood.BERNOULLI.loss(m.create(logits, new Shape(2, 2)), m.create(targets, new Shape(2, 2))).getFloat();
            assertEquals(expected, loss, 1e-5);
        }
    }

    @Test
    void bernoulliLossStaysFiniteForHugeLogits() {
        try (NDManager m = Torch.newManager()) {
            float loss = Likelihood.BERNOULLI.loss(m.create(new float[] {-500, 500}, new Shape(1, 2)),
                    m.create(new float[] {1, 0}, new Shape(1, 2))).getFloat();
            assertEquals(1000, loss, 1e-3); // each pixel costs |l|
        }
    }

    @Test
    void gaussianLossIsTheSquaredErrorOfTheSigmoidMean() {
        try (NDManager m = Torch.newManager()) {
            float loss = Likelihood.GAUSSIAN.loss(m.create(new float[] {0, 0}, new Shape(1, 2)),
                    m.create(new float[] {1, 0.25f}, new Shape(1, 2))).getFloat();
            assertEquals(0.25 + 0.0625, loss, 1e-6); // σ(0) = 0.5
        }
    }
}
