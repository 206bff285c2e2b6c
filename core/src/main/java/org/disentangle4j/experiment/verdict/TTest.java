package org.disentangle4j.experiment.verdict;

/**
 * A two-sample t-test's outcome, two-sided.
 *
 * <p>When neither sample varies, the t statistic is ±∞ (p = 0) if the means differ and NaN
 * (p NaN) if they are equal; the degrees of freedom of Welch's test are then undefined (NaN).
 *
 * @param name {@link #WELCH} or {@link #PAIRED}
 * @param t the t statistic, of A − B
 * @param degreesOfFreedom ν of the t distribution the statistic is referred to
 * @param p two-sided p-value; NaN when the test was not run
 */
public record TTest(String name, double t, double degreesOfFreedom, double p) {
    public static final String WELCH = "Welch's t-test";
    public static final String PAIRED = "paired t-test";

    /**
     * Welch's unequal-variance t-test: t = (mean A − mean B) / √(s²_A/n_A + s²_B/n_B), with the
     * Welch–Satterthwaite degrees of freedom.
     *
     * @throws IllegalArgumentException if a sample has fewer than two values
     */
    public static TTest welch(double[] a, double[] b) {
        requireTwo(a.length, "A");
        requireTwo(b.length, "B");
        double varianceOfMeanA = Samples.variance(a) / a.length;
        double varianceOfMeanB = Samples.variance(b) / b.length;
        double varianceOfDifference = varianceOfMeanA + varianceOfMeanB;
        double t = Samples.ratio(Samples.mean(a) - Samples.mean(b), Math.sqrt(varianceOfDifference));
        double df = varianceOfDifference == 0 ? Double.NaN
                : varianceOfDifference * varianceOfDifference
                        / (varianceOfMeanA * varianceOfMeanA / (a.length - 1) + varianceOfMeanB * varianceOfMeanB / (b.length - 1));
        return new TTest(WELCH, t, df, StudentT.twoSidedP(t, df));
    }

    /**
     * The paired t-test: a one-sample t-test of the differences a[i] − b[i] against 0, with
     * n − 1 degrees of freedom. a[i] and b[i] must come from the same seed.
     *
     * @throws IllegalArgumentException if the samples differ in length or have fewer than two pairs
     */
    public static TTest paired(double[] a, double[] b) {
        double[] d = Samples.differences(a, b);
        requireTwo(d.length, "pairs of A and B");
        double t = Samples.ratio(Samples.mean(d), Math.sqrt(Samples.variance(d) / d.length));
        double df = d.length - 1;
        return new TTest(PAIRED, t, df, StudentT.twoSidedP(t, df));
    }

    /** The test that would apply, not run (too few seeds): t, ν and p are NaN. */
    public static TTest notRun(String name) {
        return new TTest(name, Double.NaN, Double.NaN, Double.NaN);
    }

    /** Whether the test ran and gave a p-value. */
    public boolean ran() {
        return !Double.isNaN(p);
    }

    private static void requireTwo(int n, String what) {
        if (n < 2) throw new IllegalArgumentException("a t-test needs at least two " + what + ", got " + n);
    }
}
