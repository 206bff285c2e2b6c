package org.disentangle4j.experiment.verdict;

import java.util.Locale;

/** How the report writes numbers. */
final class Numbers {
    private Numbers() {}

    /** Four significant digits (plain notation for everyday magnitudes), "–" for NaN, "∞"/"−∞". */
    static String significant(double v) {
        if (Double.isNaN(v)) return "–";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
        if (v == 0) return "0";
        double magnitude = Math.abs(v);
        if (magnitude >= 1e-3 && magnitude < 1e6) {
            int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(magnitude)));
            return String.format(Locale.ROOT, "%." + decimals + "f", v);
        }
        return String.format(Locale.ROOT, "%.3e", v);
    }

    /** A p-value to three significant digits, "–" when there is none. */
    static String p(double p) {
        if (Double.isNaN(p)) return "–";
        if (p == 0) return "0";
        return String.format(Locale.ROOT, "%.3g", p);
    }
}
