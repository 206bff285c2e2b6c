package org.disentangle4j.experiment.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StudentTTest {

    private static void assertRelative(double expected, double actual, double tolerance, String what) {
        assertEquals(expected, actual, Math.abs(expected) * tolerance, what);
    }

    @Test
    void oneDegreeOfFreedomIsCauchy() {
        // ν = 1 is the Cauchy distribution: P(|T| ≥ t) = 1 − 2·atan(t)/π = 2·atan(1/t)/π (the latter without cancellation)
        for (double t : new double[] {0.01, 0.5, 1, 2.5, 10, 1000}) {
            assertRelative(2 * Math.atan(1 / t) / Math.PI, StudentT.twoSidedP(t, 1), 1e-12, "t = " + t);
            assertRelative(2 * Math.atan(1 / t) / Math.PI, StudentT.twoSidedP(-t, 1), 1e-12, "t = -" + t);
        }
        assertEquals(0.75, StudentT.cdf(1, 1), 1e-14); // atan(1) = π/4
    }

    @Test
    void twoDegreesOfFreedomClosedForm() {
        // ν = 2: P(|T| ≥ t) = 1 − |t| / √(2 + t²)
        for (double t : new double[] {0.05, 0.7, 1.5, 3, 4.303, 9}) {
            assertEquals(1 - t / Math.sqrt(2 + t * t), StudentT.twoSidedP(t, 2), 1e-14, "t = " + t);
        }
    }

    @Test
    void threeDegreesOfFreedomClosedForm() {
        // ν = 3: with θ = atan(t/√3), P(|T| ≥ t) = 1 − (2/π)(θ + √3·t/(3 + t²))
        for (double t : new double[] {0.2, 1, 2.353, 5}) {
            double expected = 1 - 2 / Math.PI * (Math.atan(t / Math.sqrt(3)) + Math.sqrt(3) * t / (3 + t * t));
            assertEquals(expected, StudentT.twoSidedP(t, 3), 1e-14, "t = " + t);
        }
    }

    @Test
    void matchesScipyIncludingFractionalDegreesOfFreedom() {
        // {t, ν, two-sided p, cdf}: from scipy 1.17, 2 * scipy.stats.t.sf(|t|, ν) and scipy.stats.t.cdf(t, ν)
        double[][] scipy = {
            {2.1, 7.3, 0.0722467134248534, 0.9638766432875733},
            {1.97, 200, 0.05021860451812482, 0.9748906977409376},
            {10, 5, 0.00017094757574296363, 0.9999145262121285},
            {0.5, 1.5, 0.68056711066994, 0.65971644466503},
            {3.0, 30, 0.005389964065651945, 0.9973050179671741},
            {-2.5, 12.7, 0.026962953519118944, 0.013481476759559472},
            {40, 3, 3.4380680789158506e-05, 0.9999828096596054},
        };
        for (double[] row : scipy) {
            String what = "t = " + row[0] + ", df = " + row[1];
            assertRelative(row[2], StudentT.twoSidedP(row[0], row[1]), 1e-11, what);
            assertRelative(row[3], StudentT.cdf(row[0], row[1]), 1e-11, what);
        }
    }

    @Test
    void edgesOfTheStatistic() {
        assertEquals(1, StudentT.twoSidedP(0, 4), 1e-15);
        assertEquals(0.5, StudentT.cdf(0, 4), 1e-15);
        assertEquals(0, StudentT.twoSidedP(Double.POSITIVE_INFINITY, 4));
        assertEquals(0, StudentT.twoSidedP(Double.NEGATIVE_INFINITY, Double.NaN)); // ±∞ needs no ν
        assertTrue(Double.isNaN(StudentT.twoSidedP(Double.NaN, 4)));
        assertEquals(1, StudentT.cdf(Double.POSITIVE_INFINITY, 4));
        assertEquals(0, StudentT.cdf(Double.NEGATIVE_INFINITY, 4));
        assertThrows(IllegalArgumentException.class, () -> StudentT.twoSidedP(1, 0));
        assertThrows(IllegalArgumentException.class, () -> StudentT.twoSidedP(1, Double.NaN));
    }

    @Test
    void incompleteBetaClosedFormsAndScipy() {
        for (double x : new double[] {0.01, 0.3, 0.5, 0.77, 0.999}) {
            assertRelative(Math.pow(x, 3.5), StudentT.regularizedIncompleteBeta(3.5, 1, x), 1e-13, "I_x(a, 1) = x^a");
            assertEquals(1 - Math.pow(1 - x, 2.5), StudentT.regularizedIncompleteBeta(1, 2.5, x), 1e-14, "I_x(1, b) = 1 − (1 − x)^b");
            assertEquals(2 / Math.PI * Math.asin(Math.sqrt(x)), StudentT.regularizedIncompleteBeta(0.5, 0.5, x), 1e-14, "arcsine law");
        }
        assertEquals(0, StudentT.regularizedIncompleteBeta(2, 3, 0));
        assertEquals(1, StudentT.regularizedIncompleteBeta(2, 3, 1));
        // from scipy 1.17, scipy.special.betainc(a, b, x)
        assertRelative(0.018927124071945658, StudentT.regularizedIncompleteBeta(2.5, 0.5, 0.3), 1e-12, "betainc(2.5, 0.5, 0.3)");
        assertRelative(0.527174113591296, StudentT.regularizedIncompleteBeta(10, 7, 0.6), 1e-12, "betainc(10, 7, 0.6)");
        assertRelative(0.013697876866621621, StudentT.regularizedIncompleteBeta(100, 0.5, 0.97), 1e-11, "betainc(100, 0.5, 0.97)");
    }

    @Test
    void logGammaAgainstFactorialsAndScipy() {
        double factorial = 1;
        for (int n = 1; n <= 20; n++) {
            assertRelative(Math.log(factorial), StudentT.logGamma(n + 1), 1e-14, "ln " + n + "!");
            factorial *= n + 1;
        }
        assertEquals(0.5 * Math.log(Math.PI), StudentT.logGamma(0.5), 1e-14); // Γ(1/2) = √π
        // from scipy 1.17, scipy.special.gammaln
        assertRelative(1.0957979948180756, StudentT.logGamma(0.3), 1e-14, "gammaln(0.3)");
        assertRelative(361.43554046777757, StudentT.logGamma(100.5), 1e-14, "gammaln(100.5)");
        assertRelative(82099.71749644238, StudentT.logGamma(1e4), 1e-14, "gammaln(1e4)");
    }
}
