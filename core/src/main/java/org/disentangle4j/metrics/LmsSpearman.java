package org.disentangle4j.metrics;

import org.disentangle4j.metrics.support.LmsArrays;
import org.disentangle4j.metrics.stats.Hungarian;
import org.disentangle4j.metrics.stats.Spearman;

/**
 * LMS-Spearman, the latent matching score of additive decoders for scalar latents (Lachapelle et
 * al. 2023): C[i][j] = |Spearman ρ(ẑ_i, z_j)| between every code dimension i and true factor j,
 * the best one-to-one matching of dimensions to factors ({@link Hungarian} on −C, rectangular
 * when there are more dimensions than factors, so a 10-dimensional VAE code is scored by its best
 * dimension per factor), and the score 100 · Σ matched C / K for K factors: the mean matched
 * entry. With fewer dimensions than factors the unmatched factors count as 0 (the reference
 * always has as many dimensions as factors and divides by that number). A constant dimension
 * or factor has no rank correlation (scipy gives nan) and counts as 0.
 *
 * <p>Rank-based, so any strictly monotone map of a dimension or a factor leaves the score
 * unchanged: factor values or their level indices give the same numbers.
 */
public final class LmsSpearman {
    private LmsSpearman() {}

    /** 100 · the mean matched |ρ| of {@code codes[n][d]} against {@code factors[n][K]}, in [0, 100]. */
    public static double score(double[][] codes, double[][] factors) {
        double[][] c = correlations(codes, factors);
        return 100 * Hungarian.total(c, Hungarian.maximize(c)) / factors[0].length;
    }

    /** C[i][j] = |ρ(codes[·][i], factors[·][j])|, 0 where ρ is undefined. */
    public static double[][] correlations(double[][] codes, double[][] factors) {
        LmsArrays.check(codes, factors, "codes", "factors");
        int d = codes[0].length, k = factors[0].length;
        double[][] codeRanks = new double[d][];
        for (int i = 0; i < d; i++) codeRanks[i] = Spearman.ranks(LmsArrays.column(codes, i));
        double[][] c = new double[d][k];
        for (int j = 0; j < k; j++) {
            double[] factorRanks = Spearman.ranks(LmsArrays.column(factors, j));
            for (int i = 0; i < d; i++) {
                double rho = Spearman.pearson(codeRanks[i], factorRanks);
                c[i][j] = Double.isNaN(rho) ? 0 : Math.abs(rho);
            }
        }
        return c;
    }
}
