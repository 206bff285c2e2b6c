package org.disentangle4j.experiment.verdict;

/** Means and sample variances, shared by the tests and the effect sizes. */
final class Samples {
    private Samples() {}

    static double mean(double[] values) {
        if (values.length == 0) return Double.NaN;
        // a constant sample's mean must be its value exactly (0.1 three times sums to 0.30000000000000004):
        // then its spread is exactly zero and the no-spread cases are recognised, not given a t of 10^15
        if (constant(values)) return values[0];
        double sum = 0;
        for (double v : values) sum += v;
        return sum / values.length;
    }

    /** Sample variance (divisor n − 1); NaN for fewer than two values. */
    static double variance(double[] values) {
        int n = values.length;
        if (n < 2) return Double.NaN;
        double mean = mean(values);
        double squares = 0;
        for (double v : values) squares += (v - mean) * (v - mean);
        return squares / (n - 1);
    }

    static boolean constant(double[] values) {
        for (double v : values) {
            if (v != values[0]) return false;
        }
        return true;
    }

    /** a[i] − b[i]. */
    static double[] differences(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("paired samples differ in length: " + a.length + " and " + b.length);
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) d[i] = a[i] - b[i];
        return d;
    }

    /**
     * numerator / denominator where the denominator is a spread that may be exactly zero:
     * ±∞ for a non-zero numerator (the groups differ with no spread at all), NaN for 0 / 0.
     */
    static double ratio(double numerator, double denominator) {
        if (denominator == 0) return numerator == 0 ? Double.NaN : Math.copySign(Double.POSITIVE_INFINITY, numerator);
        return numerator / denominator;
    }
}
