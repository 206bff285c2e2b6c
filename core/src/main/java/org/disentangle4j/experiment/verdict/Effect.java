package org.disentangle4j.experiment.verdict;

/**
 * How far A lies from B: the difference of means and a standardised size.
 *
 * @param difference mean of A − mean of B (for paired runs: the mean per-seed difference, the same number)
 * @param standardised the difference in units of spread: {@link #COHENS_D} for independent
 *     groups, {@link #D_Z} for paired ones; ±∞ if the difference is non-zero with no spread,
 *     NaN if the spread is undefined (too few values) or both are zero
 * @param standardisedName which standardised size this is
 */
public record Effect(double difference, double standardised, String standardisedName) {
    /** Cohen's d: difference of means / pooled SD, √(((n_A − 1)s²_A + (n_B − 1)s²_B)/(n_A + n_B − 2)); no Hedges correction. */
    public static final String COHENS_D = "Cohen's d";
    /** d_z: mean of the per-seed differences / their SD. */
    public static final String D_Z = "d_z";

    /** Difference of means and Cohen's d with the pooled SD (defined once n_A + n_B ≥ 3). */
    public static Effect cohensD(double[] a, double[] b) {
        double difference = Samples.mean(a) - Samples.mean(b);
        int dfPooled = a.length + b.length - 2;
        double standardised = Double.NaN;
        if (a.length > 0 && b.length > 0 && dfPooled > 0) {
            // a group of one adds nothing to the pooled spread (its variance is undefined, weight n − 1 = 0)
            double squaresA = a.length > 1 ? (a.length - 1) * Samples.variance(a) : 0;
            double squaresB = b.length > 1 ? (b.length - 1) * Samples.variance(b) : 0;
            standardised = Samples.ratio(difference, Math.sqrt((squaresA + squaresB) / dfPooled));
        }
        return new Effect(difference, standardised, COHENS_D);
    }

    /** Mean per-seed difference and d_z = mean difference / SD of differences (defined from two pairs). */
    public static Effect pairedDz(double[] a, double[] b) {
        double[] d = Samples.differences(a, b);
        double difference = Samples.mean(d);
        double standardised = d.length < 2 ? Double.NaN : Samples.ratio(difference, Math.sqrt(Samples.variance(d)));
        return new Effect(difference, standardised, D_Z);
    }
}
