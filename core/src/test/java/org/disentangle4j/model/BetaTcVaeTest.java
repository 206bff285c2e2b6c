package org.disentangle4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.disentangle4j.model.objective.MinibatchTcTerm;
import org.disentangle4j.nn.Torch;
import org.junit.jupiter.api.Test;

/**
 * The minibatch TC estimate on codes whose aggregate posterior is a known correlated Gaussian.
 *
 * <p>What the estimator targets: disentanglement_lib's {@code total_correlation} is, up to the
 * constant (d − 1)·log B it leaves out, the plug-in TC of the batch's mixture of posteriors
 * q_B(z) = (1/B) Σ_i N(z; μ_i, s²I), evaluated at the codes z_j ~ N(μ_j, s²I). If the means are
 * drawn from N(0, R − s²I), each mixture component is that Gaussian convolved with N(0, s²I), so
 * as B grows q_B(z) → N(z; 0, R) and each marginal → N(0, R_ll) = N(0, 1) at every point, and the
 * codes are themselves N(0, R) samples. The estimate plus (d − 1)·log B therefore tends to
 * E[log N(z; 0, R) − Σ_l log N(z_l; 0, 1)] = −½ log det R (R has a unit diagonal).
 *
 * <p>A moderate posterior variance (s² = 0.3 here) is what makes this work: with a tiny variance
 * the mixture is a spiky kernel density that B samples cannot smooth, and the estimate goes to
 * about 0 instead.
 */
class BetaTcVaeTest {
    private static final double RHO = 0.6;
    private static final double S2 = 0.3;
    /** −½ log det [[1, ρ], [ρ, 1]] = −½ log(1 − ρ²) = 0.22314. */
    private static final double CLOSED_FORM = -0.5 * Math.log(1 - RHO * RHO);

    /** One batch's estimate plus the (d − 1)·log B that disentanglement_lib leaves out. */
    private static double estimate(int batch, SplittableRandom random) {
        // Cholesky factor of R − s²I = [[0.7, 0.6], [0.6, 0.7]]
        double a = 1 - S2;
        double l11 = Math.sqrt(a), l21 = RHO / l11, l22 = Math.sqrt(a - l21 * l21);
        float[] mean = new float[2 * batch], z = new float[2 * batch], logVar = new float[2 * batch];
        double s = Math.sqrt(S2);
        for (int i = 0; i < batch; i++) {
            double g1 = random.nextGaussian(), g2 = random.nextGaussian();
            double m1 = l11 * g1, m2 = l21 * g1 + l22 * g2;
            mean[2 * i] = (float) m1;
            mean[2 * i + 1] = (float) m2;
            z[2 * i] = (float) (m1 + s * random.nextGaussian());
            z[2 * i + 1] = (float) (m2 + s * random.nextGaussian());
            logVar[2 * i] = logVar[2 * i + 1] = (float) Math.log(S2);
        }
        try (NDManager m = Torch.newManager()) {
            Shape shape = new Shape(batch, 2);
            double tc = MinibatchTcTerm.totalCorrelation(m.create(z, shape), m.create(mean, shape), m.create(logVar, shape)).getFloat();
            return tc + (2 - 1) * Math.log(batch);
        }
    }

    /** Root mean square of the single-batch errors over {@code repeats} batches. */
    private static double rmsError(int batch, int repeats, SplittableRandom random) {
        double sum = 0;
        for (int r = 0; r < repeats; r++) {
            double e = estimate(batch, random) - CLOSED_FORM;
            sum += e * e;
        }
        return Math.sqrt(sum / repeats);
    }

    @Test
    void minibatchEstimateApproachesTheClosedFormTcOfACorrelatedGaussian() {
        SplittableRandom random = new SplittableRandom(20240601);
        double small = rmsError(16, 64, random);
        double medium = rmsError(256, 16, random);
        double large = rmsError(4096, 4, random);
        System.out.printf("TC rms error at B=16: %.4f, 256: %.4f, 4096: %.4f (closed form %.4f)%n", small, medium, large, CLOSED_FORM);
        // one batch of 16 is a poor estimate; the error shrinks about like 1/√B
        assertTrue(small > 0.1, "B=16 should still be far off: " + small);
        assertTrue(medium < 0.6 * small, "error should shrink from B=16 to 256: " + small + " → " + medium);
        assertTrue(large < 0.6 * medium, "error should shrink from B=256 to 4096: " + medium + " → " + large);
        assertTrue(large < 0.03, "B=4096 should be within 0.03 of " + CLOSED_FORM + ": rms error " + large);
    }

    @Test
    void independentCodesHaveAboutZeroTotalCorrelation() {
        // means from N(0, (1 − s²)I): the aggregate posterior is N(0, I), whose TC is 0
        SplittableRandom random = new SplittableRandom(7);
        int batch = 4096;
        float[] mean = new float[2 * batch], z = new float[2 * batch], logVar = new float[2 * batch];
        for (int k = 0; k < 2 * batch; k++) {
            mean[k] = (float) (Math.sqrt(1 - S2) * random.nextGaussian());
            z[k] = (float) (mean[k] + Math.sqrt(S2) * random.nextGaussian());
            logVar[k] = (float) Math.log(S2);
        }
        try (NDManager m = Torch.newManager()) {
            Shape shape = new Shape(batch, 2);
            double tc = MinibatchTcTerm.totalCorrelation(m.create(z, shape), m.create(mean, shape), m.create(logVar, shape)).getFloat();
            assertEquals(0, tc + Math.log(batch), 0.03);
        }
    }

    @Test
    void logSumExpIsStableForLargeValues() {
        try (NDManager m = Torch.newManager()) {
            float[] v = MinibatchTcTerm.logSumExp(m.create(new float[] {1000, 1000, -5, 0}, new Shape(2, 2)), 1).toFloatArray();
            assertEquals(1000 + Math.log(2), v[0], 1e-3);
            assertEquals(Math.log(Math.exp(-5) + 1), v[1], 1e-6);
        }
    }
}
