package org.disentangle4j.experiment.verdict;

/**
 * Student's t distribution, through the regularised incomplete beta function: for ν degrees of
 * freedom, P(|T| ≥ |t|) = I_x(ν/2, 1/2) with x = ν / (ν + t²). Written here because no library on
 * the classpath has a t CDF and this is all the tests need; ν may be fractional (Welch's test).
 * Accurate to about 1e-14 relative for ν up to 10⁴.
 */
public final class StudentT {
    private static final double EPSILON = 1e-15;
    /** Keeps the continued fraction's denominators away from zero (Lentz's method). */
    private static final double TINY = 1e-300;
    private static final int MAX_ITERATIONS = 100_000;

    /** Lanczos approximation, g = 7, nine terms: ln Γ to about 1e-15 relative. */
    private static final double LANCZOS_G = 7;
    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};

    private StudentT() {}

    /**
     * Two-sided p-value: the probability that |T| ≥ |t| for T with {@code degreesOfFreedom}.
     * 0 for an infinite t, NaN for a NaN t.
     *
     * @throws IllegalArgumentException if the degrees of freedom are not positive and finite
     */
    public static double twoSidedP(double t, double degreesOfFreedom) {
        if (Double.isNaN(t)) return Double.NaN;
        if (Double.isInfinite(t)) return 0;
        requireDegreesOfFreedom(degreesOfFreedom);
        double tt = t * t;
        // x and 1 − x both computed without subtraction, so either tail keeps its precision
        double x = degreesOfFreedom / (degreesOfFreedom + tt);
        double y = tt / (degreesOfFreedom + tt);
        return regularizedIncompleteBeta(degreesOfFreedom / 2, 0.5, x, y);
    }

    /**
     * P(T ≤ t) for T with {@code degreesOfFreedom}.
     *
     * @throws IllegalArgumentException if the degrees of freedom are not positive and finite
     */
    public static double cdf(double t, double degreesOfFreedom) {
        if (Double.isNaN(t)) return Double.NaN;
        if (Double.isInfinite(t)) return t > 0 ? 1 : 0;
        double tail = twoSidedP(t, degreesOfFreedom) / 2;
        return t > 0 ? 1 - tail : tail;
    }

    private static void requireDegreesOfFreedom(double df) {
        if (!(df > 0) || Double.isInfinite(df)) throw new IllegalArgumentException("degrees of freedom must be positive and finite: " + df);
    }

    /** I_x(a, b), the regularised incomplete beta function, for a, b > 0 and 0 ≤ x ≤ 1. */
    static double regularizedIncompleteBeta(double a, double b, double x) {
        return regularizedIncompleteBeta(a, b, x, 1 - x);
    }

    /** I_x(a, b) given x and y = 1 − x separately (the caller may know y more precisely than 1 − x). */
    private static double regularizedIncompleteBeta(double a, double b, double x, double y) {
        if (!(a > 0) || !(b > 0)) throw new IllegalArgumentException("a and b must be positive: " + a + ", " + b);
        if (!(x >= 0 && x <= 1)) throw new IllegalArgumentException("x must lie in [0, 1]: " + x);
        if (x == 0) return 0;
        if (y == 0) return 1;
        // x^a y^b / B(a, b), in logs so large a and b do not overflow
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(y));
        // the continued fraction converges fast only for x < (a + 1)/(a + b + 2); beyond, use I_x(a, b) = 1 − I_y(b, a)
        if (x < (a + 1) / (a + b + 2)) return front * continuedFraction(a, b, x) / a;
        return 1 - front * continuedFraction(b, a, y) / b;
    }

    /** The continued fraction for I_x(a, b) (Numerical Recipes' betacf), evaluated by the modified Lentz method. */
    private static double continuedFraction(double a, double b, double x) {
        double c = 1;
        double d = nonZero(1 - (a + b) * x / (a + 1));
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= MAX_ITERATIONS; m++) {
            int m2 = 2 * m;
            // even step: d_{2m} = m (b − m) x / ((a + 2m − 1)(a + 2m))
            double even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 / nonZero(1 + even * d);
            c = nonZero(1 + even / c);
            h *= d * c;
            // odd step: d_{2m+1} = −(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1))
            double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 / nonZero(1 + odd * d);
            c = nonZero(1 + odd / c);
            double step = d * c;
            h *= step;
            if (Math.abs(step - 1) < EPSILON) return h;
        }
        throw new ArithmeticException("incomplete beta did not converge for a=" + a + ", b=" + b + ", x=" + x);
    }

    private static double nonZero(double v) {
        return Math.abs(v) < TINY ? TINY : v;
    }

    /** ln Γ(x) for x > 0 (Lanczos; reflection below 1/2). */
    static double logGamma(double x) {
        if (!(x > 0)) throw new IllegalArgumentException("logGamma needs x > 0: " + x);
        if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
        double z = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
        double t = z + LANCZOS_G + 0.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
