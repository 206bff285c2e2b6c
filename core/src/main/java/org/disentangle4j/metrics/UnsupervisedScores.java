package org.disentangle4j.metrics;

import static org.disentangle4j.metrics.MetricSuite.DEFAULT_BATCH_SIZE;
import static org.disentangle4j.metrics.MetricSuite.DEFAULT_NUM_TRAIN;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.metrics.support.FactorCodeSampler;
import org.disentangle4j.metrics.support.ProgressCounter;
import org.disentangle4j.metrics.stats.Covariance;
import org.disentangle4j.metrics.stats.DiscreteMutualInformation;
import org.disentangle4j.metrics.stats.HistogramDiscretizer;
import org.disentangle4j.metrics.stats.SymmetricMatrices;

/**
 * The reference's unsupervised scores, from the codes alone. With Σ the covariance of the codes
 * (numpy's {@code np.cov}: ddof 1):
 * <ul>
 *   <li>{@code gaussian_total_correlation} = ½ (Σ_i log Σ_ii − log det Σ), the KL divergence of a
 *       Gaussian with covariance Σ from the product of its marginals;</li>
 *   <li>{@code gaussian_wasserstein_correlation} = 2 tr Σ − 2 tr sqrt(diag(Σ) Σ), computed
 *       through the eigenvalues of the similar symmetric matrix diag(Σ)^½ Σ diag(Σ)^½;</li>
 *   <li>{@code gaussian_wasserstein_correlation_norm} = the above / tr Σ;</li>
 *   <li>{@code mutual_info_score} = the mean over ordered pairs of distinct code dimensions of
 *       their discrete mutual information (20-bin histograms, nats).</li>
 * </ul>
 * Deterministic and equal to the reference to rounding. A constant code makes log det Σ = −∞
 * and the correlations undefined (NaN/∞, as in the reference).
 */
public record UnsupervisedScores(int numTrain, int batchSize) implements Metric {
    public static final String NAME = "unsupervised";
    public static final String TOTAL_CORRELATION = "gaussian_total_correlation";
    public static final String WASSERSTEIN = "gaussian_wasserstein_correlation";
    public static final String WASSERSTEIN_NORM = "gaussian_wasserstein_correlation_norm";
    public static final String MUTUAL_INFO = "mutual_info_score";

    public UnsupervisedScores() {
        this(DEFAULT_NUM_TRAIN, DEFAULT_BATCH_SIZE);
    }

    @Override
    public Map<String, Double> evaluate(GroundTruthDataset dataset, RepresentationFunction representation, RandomGenerator rng,
            ProgressListener progress) {
        return score(FactorCodeSampler.sample(dataset, representation, numTrain, batchSize, rng, progress, NAME));
    }

    @Override
    public Map<String, Double> evaluate(EvaluationSets sets, RandomGenerator rng, ProgressListener progress) {
        ProgressCounter counter = new ProgressCounter(progress, NAME, 1); // well under a second on 10,000 points
        Map<String, Double> result = score(sets.all());
        counter.finish();
        return result;
    }

    /** The four scores of double-precision codes {@code [numPoints][numDims]}. */
    public static Map<String, Double> score(double[][] codes) {
        return score(new LabelledCodes(codes, new int[codes.length][0]));
    }

    /** The four scores of the codes of {@code points} (factors are not used). */
    public static Map<String, Double> score(LabelledCodes points) {
        double[][] codes = points.codes();
        double[][] cov = Covariance.matrix(codes);
        double trace = 0;
        for (int i = 0; i < cov.length; i++) trace += cov[i][i];
        double wasserstein = gaussianWassersteinCorrelation(cov);
        Map<String, Double> result = new LinkedHashMap<>();
        result.put(TOTAL_CORRELATION, gaussianTotalCorrelation(cov));
        result.put(WASSERSTEIN, wasserstein);
        result.put(WASSERSTEIN_NORM, wasserstein / trace);
        result.put(MUTUAL_INFO, meanPairwiseMutualInformation(points));
        return result;
    }

    /** ½ (Σ log diag − log |det|) of a covariance matrix. */
    public static double gaussianTotalCorrelation(double[][] cov) {
        double logDiagonal = 0;
        for (int i = 0; i < cov.length; i++) logDiagonal += Math.log(cov[i][i]);
        return 0.5 * (logDiagonal - SymmetricMatrices.logAbsDeterminant(cov));
    }

    /** 2 tr Σ − 2 tr sqrt(diag(Σ) Σ). */
    public static double gaussianWassersteinCorrelation(double[][] cov) {
        int d = cov.length;
        double[][] scaled = new double[d][d];
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += cov[i][i];
            for (int j = 0; j < d; j++) scaled[i][j] = Math.sqrt(cov[i][i]) * cov[i][j] * Math.sqrt(cov[j][j]);
        }
        double traceOfRoot = 0;
        for (double lambda : SymmetricMatrices.eigenvalues(scaled)) traceOfRoot += Math.sqrt(Math.max(lambda, 0.0));
        return 2 * trace - 2 * traceOfRoot;
    }

    /** Mean mutual information over ordered pairs of distinct binned code dimensions. */
    public static double meanPairwiseMutualInformation(LabelledCodes points) {
        int d = points.numDims();
        int[][] binned = HistogramDiscretizer.discretizeCodes(points);
        double sum = 0;
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) sum += 2 * DiscreteMutualInformation.mutualInformation(binned[i], binned[j]);
        }
        return sum / ((double) d * d - d);
    }
}
