package org.disentangle4j.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.disentangle4j.experiment.IndependentMechanismsToy.Dimensions;
import org.disentangle4j.experiment.IndependentMechanismsToy.Factorisation;
import org.disentangle4j.experiment.IndependentMechanismsToy.Intervention;
import org.disentangle4j.experiment.IndependentMechanismsToy.Training;
import org.disentangle4j.metrics.stats.GaussianWasserstein;
import org.disentangle4j.metrics.stats.SymmetricEigen;
import org.junit.jupiter.api.Test;

class IndependentMechanismsToyTest {
    private static final Dimensions DIMS = IndependentMechanismsToy.DIMENSIONS;
    private static final Training TRAINING = IndependentMechanismsToy.TRAINING;

    private static double[][] mul(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < b[0].length; j++) for (int k = 0; k < b.length; k++) c[i][j] += a[i][k] * b[k][j];
        return c;
    }

    private static double[][] t(double[][] a) {
        double[][] r = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) r[j][i] = a[i][j];
        return r;
    }

    private static void assertMatrixEquals(double[][] expected, double[][] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, actual[i].length, what);
            for (int j = 0; j < expected[i].length; j++) assertEquals(expected[i][j], actual[i][j], tolerance, what + " [" + i + "][" + j + "]");
        }
    }

    private static double[][] diagonalScaling(int n) {
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) d[i][i] = i == 0 ? 2 : i == 1 ? 0.5 : 1;
        return d;
    }

    @Test
    void theTrueIntervenedCovarianceIsItsClosedFormAndWhatSamplingGives() {
        Factorisation truth = IndependentMechanismsToy.truth(DIMS, 4);
        double[][] tr = diagonalScaling(5);
        Intervention scaling = IndependentMechanismsToy.outputTransform("diag(2, 0.5, 1, 1, 1)", tr);
        double[][] a1 = truth.first(), a2 = truth.second();
        // T·A₂*·A₁*·A₁*ᵀ·A₂*ᵀ·Tᵀ, multiplied out here
        double[][] closed = mul(mul(mul(mul(mul(tr, a2), a1), t(a1)), t(a2)), t(tr));
        double[][] intervened = truth.intervenedCovariance(scaling);
        assertMatrixEquals(closed, intervened, 1e-12, "closed form");
        // x = T·A₂*·A₁*·z sampled: each empirical covariance entry within 5 standard errors,
        // Var(x_i·x_j) = Σ_ii·Σ_jj + Σ_ij² for a zero-mean Gaussian
        int n = 20_000;
        double[][] map = mul(mul(tr, a2), a1);
        SplittableRandom r = new SplittableRandom(99);
        double[][] empirical = new double[5][5];
        double[] z = new double[5];
        for (int s = 0; s < n; s++) {
            for (int k = 0; k < 5; k++) z[k] = r.nextGaussian();
            double[] x = new double[5];
            for (int i = 0; i < 5; i++) for (int k = 0; k < 5; k++) x[i] += map[i][k] * z[k];
            for (int i = 0; i < 5; i++) for (int j = 0; j < 5; j++) empirical[i][j] += x[i] * x[j] / n;
        }
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                double se = Math.sqrt((closed[i][i] * closed[j][j] + closed[i][j] * closed[i][j]) / n);
                assertEquals(closed[i][j], empirical[i][j], 5 * se, "sampled [" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void theGainsPowerActsOnTheSingularValuesOnly() {
        // A₂ = U·diag(3, 1)·Vᵀ, U a rotation of the plane, V two orthonormal columns of R³
        double u = 0.3;
        double[][] uu = {{Math.cos(u), -Math.sin(u)}, {Math.sin(u), Math.cos(u)}};
        double[][] v = {{1 / Math.sqrt(2), 0}, {1 / Math.sqrt(2), 0}, {0, 1}};
        double[][] a2 = mul(mul(uu, new double[][] {{3, 0}, {0, 1}}), t(v));
        // γ = 2: U·diag(9, 1)·Vᵀ rescaled to ‖A₂‖_F = √10, i.e. by √(10/82)
        double c = Math.sqrt(10.0 / 82);
        double[][] expected = mul(mul(uu, new double[][] {{9 * c, 0}, {0, c}}), t(v));
        assertMatrixEquals(expected, IndependentMechanismsToy.spectralPower(2).apply(a2), 1e-12, "γ = 2");
        assertMatrixEquals(a2, IndependentMechanismsToy.spectralPower(1).apply(a2), 1e-12, "γ = 1 is no change");
        // the same result in any basis of the hidden layer, and it scales with A₂
        double[][] q = {{0, 1, 0}, {Math.cos(1), 0, Math.sin(1)}, {-Math.sin(1), 0, Math.cos(1)}};
        Intervention power = IndependentMechanismsToy.spectralPower(0.5);
        assertMatrixEquals(mul(power.apply(a2), t(q)), power.apply(mul(a2, t(q))), 1e-12, "hidden rotation");
        double[][] twice = new double[2][3];
        double[][] once = power.apply(a2);
        for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) twice[i][j] = 2 * once[i][j];
        double[][] doubled = new double[2][3];
        for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) doubled[i][j] = 2 * a2[i][j];
        assertMatrixEquals(twice, power.apply(doubled), 1e-12, "scale");
    }

    @Test
    void theObjectivesGradientAgreesWithFiniteDifferences() {
        SplittableRandom r = new SplittableRandom(5);
        double[][] a1 = new double[4][3], a2 = new double[3][4];
        for (double[] row : a1) for (int j = 0; j < 3; j++) row[j] = r.nextGaussian();
        for (double[] row : a2) for (int j = 0; j < 4; j++) row[j] = r.nextGaussian();
        double[][] target = IndependentMechanismsToy.truth(new Dimensions(3, 3, 4, 3), 1).covariance();
        for (double lambda : new double[] {0, 0.7}) {
            IndependentMechanismsToy.Gradient g = IndependentMechanismsToy.gradient(a1, a2, target, lambda);
            double h = 1e-6;
            for (int layer = 0; layer < 2; layer++) {
                double[][] p = layer == 0 ? a1 : a2, grad = layer == 0 ? g.first() : g.second();
                for (int i = 0; i < p.length; i++) {
                    for (int j = 0; j < p[0].length; j++) {
                        double keep = p[i][j];
                        p[i][j] = keep + h;
                        double up = IndependentMechanismsToy.gradient(a1, a2, target, lambda).objective();
                        p[i][j] = keep - h;
                        double down = IndependentMechanismsToy.gradient(a1, a2, target, lambda).objective();
                        p[i][j] = keep;
                        double fd = (up - down) / (2 * h);
                        assertEquals(fd, grad[i][j], 1e-5 * Math.max(1, Math.abs(fd)), "λ " + lambda + ", A" + (layer + 1) + "[" + i + "][" + j + "]");
                    }
                }
            }
        }
    }

    @Test
    void plainAndRegularisedTrainingBothFitTheDataAndDifferAsPredicted() {
        for (long seed = 0; seed < 2; seed++) {
            Factorisation truth = IndependentMechanismsToy.truth(DIMS, seed);
            double[][] target = truth.covariance();
            Factorisation plain = IndependentMechanismsToy.train(target, DIMS, TRAINING.withIndependenceWeight(0), seed + 7);
            Factorisation regularised = IndependentMechanismsToy.train(target, DIMS, TRAINING, seed + 7);
            assertTrue(IndependentMechanismsToy.relativeFitError(plain, target) < 1e-6, "plain fit, seed " + seed);
            assertTrue(IndependentMechanismsToy.relativeFitError(regularised, target) < 1e-6, "regularised fit, seed " + seed);
            // the penalty reaches its minimum: the trace condition holds
            assertEquals(1, regularised.traceRatio(), 1e-3, "regularised r, seed " + seed);
            // plain gradient descent from a small start ends near the balanced factorisation
            // A₂ = U·Λ^{1/4}·Wᵀ, A₁ = W·Λ^{1/4}·… (Σ_x = U·Λ·Uᵀ), whose ratio is h·Σλ / (Σ√λ)² ≥ h / rank = 2
            double[] lambda = SymmetricEigen.of(target).values();
            double sum = 0, roots = 0;
            for (double l : lambda) {
                sum += l;
                roots += Math.sqrt(Math.max(l, 0));
            }
            double balanced = DIMS.modelHidden() * sum / (roots * roots);
            assertEquals(balanced, plain.traceRatio(), 0.05 * balanced, "plain r, seed " + seed + " (" + Arrays.toString(lambda) + ")");
            assertTrue(Math.abs(truth.traceRatio() - 1) < 0.1, "the truth is generic, r = " + truth.traceRatio());
        }
    }

    @Test
    void anOutputSpaceInterventionCannotTellFactorisationsApart() {
        // T·A₂ gives T·Σ_x·Tᵀ for every fit of Σ_x: both models extrapolate it exactly,
        // while predicting no change (the observed Σ_x) is far off
        Intervention scaling = IndependentMechanismsToy.outputTransform("diag(2, 0.5, 1, 1, 1)", diagonalScaling(5));
        IndependentMechanismsToy.SeedResult r = IndependentMechanismsToy.run(DIMS, TRAINING, List.of(scaling, IndependentMechanismsToy.spectralPower(2)), 3);
        assertEquals(0, r.plainW2()[0], 1e-5);
        assertEquals(0, r.regularisedW2()[0], 1e-5);
        assertTrue(r.baselineW2()[0] > 0.3, "baseline " + r.baselineW2()[0]);
        // the gains' power does tell them apart: neither model is exact there
        assertTrue(r.plainW2()[1] > 0.05 && r.regularisedW2()[1] > 0.05, r.plainW2()[1] + ", " + r.regularisedW2()[1]);
        Factorisation truth = IndependentMechanismsToy.truth(DIMS, 3);
        assertEquals(GaussianWasserstein.zeroMean(truth.intervenedCovariance(scaling), truth.covariance()), r.baselineW2()[0], 1e-12);
    }
}
