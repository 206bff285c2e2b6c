package org.disentangle4j.metrics.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Total correlation of a Gaussian, in nats: the KL divergence of N(m, Σ) from the product of its
 * marginals, ½ (Σ_i log Σ_ii − log det Σ). It depends only on the correlation matrix R (it is
 * −½ log det R), so it is computed from R, by a Cholesky factorisation in double precision:
 * log det R = 2 Σ_k log L_kk, where L_kk² = 1 − (squared multiple correlation of dimension k with
 * the dimensions before it). Working on R keeps dimensions of very different scales (a VAE's
 * active and nearly collapsed latents) from costing accuracy.
 *
 * <p>Two degenerate cases have a stated answer instead of NaN/∞ from rounding:
 * <ul>
 *   <li>A dimension of (near-)zero variance — below {@value #RELATIVE_VARIANCE_FLOOR} of the largest
 *       variance, or exactly zero — is left out ({@link #ofCodes}). Its correlations are undefined
 *       (0/0) or rounding noise: the floor lies far above float32 rounding of a code (a relative
 *       variance of about 1e-14) and far below any variation a decoder can use. With fewer than two
 *       dimensions left the total correlation is 0.</li>
 *   <li>A dimension that is a linear function of the others to within {@value #SINGULAR_PIVOT} of
 *       its variance (a Cholesky pivot of R below that) makes R singular to working precision; the
 *       total correlation is then +∞, as for exact copies (each such dimension would add at least
 *       −½ log {@value #SINGULAR_PIVOT} ≈ 13.8 nats, more than double-precision covariances of
 *       sampled codes can resolve).</li>
 * </ul>
 */
public final class GaussianTc {
    /** Dimensions whose variance is below this fraction of the largest are left out. */
    public static final double RELATIVE_VARIANCE_FLOOR = 1e-8;
    /** A Cholesky pivot of the correlation matrix below this counts as singular (total correlation +∞). */
    public static final double SINGULAR_PIVOT = 1e-12;

    private GaussianTc() {}

    /**
     * The total correlation of the sample covariance (ddof 1) of {@code codes[n][d]}, with the
     * dimensions it left out for (near-)zero variance.
     */
    public record Estimate(double totalCorrelation, int[] dropped, int kept) {}

    /** ½ (Σ log Σ_ii − log det Σ) of a covariance with a positive diagonal; +∞ when singular to working precision. */
    public static double ofCovariance(double[][] cov) {
        int d = cov.length;
        for (int i = 0; i < d; i++) {
            if (!(cov[i][i] > 0) || !Double.isFinite(cov[i][i])) {
                throw new IllegalArgumentException("variance of dimension " + i + " is " + cov[i][i] + "; drop constant dimensions first");
            }
        }
        double[][] r = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) r[i][j] = i == j ? 1.0 : cov[i][j] / Math.sqrt(cov[i][i] * cov[j][j]);
        }
        return -0.5 * logDeterminantOfCorrelation(r);
    }

    /** log det R of a correlation matrix by Cholesky; −∞ when a pivot falls below {@link #SINGULAR_PIVOT}. */
    static double logDeterminantOfCorrelation(double[][] r) {
        int d = r.length;
        double[][] l = new double[d][d];
        double logDet = 0;
        for (int k = 0; k < d; k++) {
            for (int j = 0; j <= k; j++) {
                double s = r[k][j];
                for (int m = 0; m < j; m++) s -= l[k][m] * l[j][m];
                if (j < k) {
                    l[k][j] = s / l[j][j];
                } else {
                    // s = 1 − (squared multiple correlation of k with the earlier dimensions)
                    if (!(s >= SINGULAR_PIVOT)) return Double.NEGATIVE_INFINITY;
                    l[k][k] = Math.sqrt(s);
                    logDet += Math.log(s);
                }
            }
        }
        return logDet;
    }

    /** The total correlation of the sample covariance of the codes, leaving out (near-)constant dimensions. */
    public static Estimate ofCodes(double[][] codes) {
        if (codes.length < 2) throw new IllegalArgumentException("need at least two points for a covariance, got " + codes.length);
        double[][] cov = Covariance.matrix(codes);
        int d = cov.length;
        double largest = 0;
        for (int i = 0; i < d; i++) largest = Math.max(largest, cov[i][i]);
        List<Integer> keep = new ArrayList<>();
        List<Integer> drop = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            if (cov[i][i] > 0 && cov[i][i] >= RELATIVE_VARIANCE_FLOOR * largest) keep.add(i);
            else drop.add(i);
        }
        int[] dropped = drop.stream().mapToInt(Integer::intValue).toArray();
        if (keep.size() < 2) return new Estimate(0.0, dropped, keep.size());
        double[][] kept = new double[keep.size()][keep.size()];
        for (int a = 0; a < kept.length; a++) {
            for (int b = 0; b < kept.length; b++) kept[a][b] = cov[keep.get(a)][keep.get(b)];
        }
        return new Estimate(ofCovariance(kept), dropped, keep.size());
    }
}
