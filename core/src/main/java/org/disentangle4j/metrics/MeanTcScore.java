package org.disentangle4j.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.metrics.stats.GaussianTc;
import org.disentangle4j.metrics.stats.KnnTotalCorrelation;
import org.disentangle4j.metrics.stats.MinibatchWeightedTc;
import org.disentangle4j.metrics.support.Parallel;
import org.disentangle4j.metrics.support.ProgressCounter;

/**
 * Total correlation of the mean representation against that of sampled codes ({@code mean_tc},
 * issue 14), all in nats. Methods that penalise the TC of sampled codes z = μ + σ·ε (β-TCVAE,
 * FactorVAE) can leave the means μ — the codes every metric and user reads — strongly correlated;
 * this metric shows both and their gap. Only the abstract of the work is public; the choices below
 * are this project's.
 *
 * <ul>
 *   <li>{@code tc_mean_gaussian}: the Gaussian total correlation ½ (Σ_i log Σ_ii − log det Σ) of the
 *       covariance Σ (ddof 1) of μ over the points ({@link GaussianTc}: double precision, Cholesky
 *       of the correlation matrix). Dimensions whose variance is below
 *       {@value GaussianTc#RELATIVE_VARIANCE_FLOOR} of the largest (collapsed latents) are left
 *       out, and a note names them; a dimension that is an exact linear function of others gives
 *       +∞ (null in metrics.json), with a note.</li>
 *   <li>{@code tc_sampled_gaussian}: the same formula on sampled codes z = μ + exp(½·logvar)·ε,
 *       one ε ~ N(0, I) per point from the metric's generator (the same dimensions left out as for
 *       μ, so that the two are comparable).</li>
 *   <li>{@code tc_sampled_mws}: β-TCVAE's minibatch-weighted-sampling estimate on the first
 *       {@value #DEFAULT_NUM_MWS} sampled codes ({@link MinibatchWeightedTc}): the TC of the
 *       aggregate posterior of that sample, (1/n) Σ_i q(z|x_i), not a Gaussian approximation —
 *       it sees non-Gaussian dependence too. At this n it is biased upwards when the posteriors are
 *       narrow against the spread of the means in many dimensions (for independent means and
 *       σ = 0.1 in 10 dimensions it gives 15 nats instead of 0; see {@link MinibatchWeightedTc}),
 *       so compare it across models of one latent size, not as an absolute number.</li>
 *   <li>{@code tc_gap_gaussian} = tc_sampled_gaussian − tc_mean_gaussian: negative when the
 *       sampling noise hides correlation of the means (the claim of issue 14).</li>
 * </ul>
 *
 * <p>On a model it samples its own {@value #DEFAULT_NUM_POINTS} points (the suite's shared
 * points carry codes only) and reads the means and {@link RepresentationFunction#posterior}
 * of the same observations from one encoder pass ({@code evaluate --metrics mean_tc} of a β-VAE
 * on dSprites: 6.8 s on 2 cores, 9.3 s when each point was encoded twice). Without a posterior (a
 * deterministic autoencoder) and on arrays
 * (scored as means) only {@code tc_mean_gaussian} is computed; the other keys are NaN (null in
 * metrics.json) and a note says why.
 */
public record MeanTcScore(int numPoints, int numMws, int chunk) implements ModelMetric {
    public static final String NAME = "mean_tc";
    public static final String TC_MEAN = "tc_mean_gaussian";
    /** The kNN (Kraskov et al.) estimate of the means' TC on the first {@value #KNN_POINTS} points: dependence beyond second moments. */
    public static final String TC_MEAN_KNN = "tc_mean_knn";
    /** Points the kNN estimate reads (its cost is quadratic in them). */
    public static final int KNN_POINTS = 2000;
    public static final String TC_SAMPLED = "tc_sampled_gaussian";
    public static final String TC_SAMPLED_MWS = "tc_sampled_mws";
    public static final String TC_GAP = "tc_gap_gaussian";
    public static final int DEFAULT_NUM_POINTS = 10_000;
    /** Codes of the O(n²·d) MWS estimate. */
    public static final int DEFAULT_NUM_MWS = 2_000;
    /** Observations rendered and encoded at a time. */
    public static final int DEFAULT_CHUNK = 256;
    /** MWS rows per parallel task (and per progress report). */
    private static final int MWS_ROWS_PER_TASK = 50;

    public MeanTcScore() {
        this(DEFAULT_NUM_POINTS, DEFAULT_NUM_MWS, DEFAULT_CHUNK);
    }

    /**
     * @param numPoints points sampled from a model's dataset
     * @param numMws how many of them the MWS estimate uses (at most numPoints)
     */
    public MeanTcScore {
        if (numPoints < 2 || numMws < 1 || numMws > numPoints || chunk < 1) {
            throw new IllegalArgumentException("need 2 ≤ numPoints, 1 ≤ numMws ≤ numPoints and a positive chunk: "
                    + numPoints + ", " + numMws + ", " + chunk);
        }
    }

    @Override
    public Map<String, Double> evaluate(GroundTruthDataset dataset, RepresentationFunction representation, DecoderFunction decoder,
            RandomGenerator rng, ProgressListener progress, List<String> notes) {
        int[][] factors = dataset.sampleFactors(numPoints, rng);
        double[][] means = new double[numPoints][];
        double[][] logVars = null;
        boolean hasPosterior = true;
        ProgressCounter counter = new ProgressCounter(progress, NAME, numPoints + (long) numMws);
        for (int start = 0; start < numPoints; start += chunk) {
            int count = Math.min(chunk, numPoints - start);
            float[] observations = dataset.render(Arrays.copyOfRange(factors, start, start + count));
            // one encoder pass gives means and log-variances; without a posterior, the means alone
            Optional<PosteriorCodes> posterior = hasPosterior ? representation.posterior(observations, count) : Optional.empty();
            double[][] part = posterior.map(PosteriorCodes::means).orElseGet(() -> representation.represent(observations, count));
            if (part.length != count) throw new IllegalStateException("representation returned " + part.length + " codes for " + count);
            System.arraycopy(part, 0, means, start, count);
            Optional<double[][]> logVar = posterior.map(PosteriorCodes::logVariances);
            if (logVar.isPresent()) {
                if (start > 0 && logVars == null) throw new IllegalStateException("the posterior appeared after the first batch");
                if (logVars == null) logVars = new double[numPoints][];
                double[][] v = logVar.get();
                if (v.length != count || v[0].length != part[0].length) {
                    throw new IllegalStateException("posterior log-variances of shape " + v.length + "×" + v[0].length + " beside codes "
                            + count + "×" + part[0].length);
                }
                System.arraycopy(v, 0, logVars, start, count);
            } else {
                if (logVars != null) throw new IllegalStateException("the posterior disappeared after the first batch");
                hasPosterior = false;
            }
            counter.add(count);
        }
        notes.add(NAME + ": " + String.format(Locale.ROOT, "%,d", numPoints) + " points; Gaussian TC of the posterior means"
                + (hasPosterior ? " and of one sampled code per point, MWS on the first " + String.format(Locale.ROOT, "%,d", numMws) : ""));
        Map<String, Double> result = score(means, logVars, rng, counter, notes);
        counter.finish();
        return result;
    }

    /** Arrays are scored as means: there is no posterior to sample from. */
    @Override
    public Map<String, Double> evaluate(EvaluationSets sets, RandomGenerator rng, ProgressListener progress) {
        return evaluate(sets, List.of(), rng, progress, new ArrayList<>());
    }

    @Override
    public Map<String, Double> evaluate(EvaluationSets sets, List<String> factorNames, RandomGenerator rng, ProgressListener progress,
            List<String> notes) {
        ProgressCounter counter = new ProgressCounter(progress, NAME, 1);
        Map<String, Double> result = score(sets.all().codes(), null, rng, null, notes);
        counter.finish();
        return result;
    }

    /**
     * The four results of means and, when given, their posterior log-variances.
     *
     * @param logVars {@code [n][d]} beside {@code means}, or null when there is no posterior (only
     *     {@code tc_mean_gaussian} is then computed, with a note saying why)
     * @param rng draws the noise ε of the sampled codes
     * @param notes where to say what was left out, one line each
     */
    public Map<String, Double> score(double[][] means, double[][] logVars, RandomGenerator rng, List<String> notes) {
        return score(means, logVars, rng, null, notes);
    }

    /** As {@link #score(double[][], double[][], RandomGenerator, List)}, counting the MWS rows done on {@code counter} (or not, when null). */
    private Map<String, Double> score(double[][] means, double[][] logVars, RandomGenerator rng, ProgressCounter counter, List<String> notes) {
        GaussianTc.Estimate mean = GaussianTc.ofCodes(means);
        describe(mean, "means", notes);
        Map<String, Double> result = new LinkedHashMap<>();
        result.put(TC_MEAN, mean.totalCorrelation());
        double[][] kept = keep(Arrays.copyOf(means, Math.min(KNN_POINTS, means.length)), mean.dropped());
        result.put(TC_MEAN_KNN, kept.length > KnnTotalCorrelation.DEFAULT_K && kept[0].length >= 2
                ? KnnTotalCorrelation.estimate(kept, KnnTotalCorrelation.DEFAULT_K) : Double.NaN);
        if (logVars == null) {
            result.put(TC_SAMPLED, Double.NaN);
            result.put(TC_SAMPLED_MWS, Double.NaN);
            result.put(TC_GAP, Double.NaN);
            notes.add(NAME + ": no posterior variances (codes given as arrays, or a deterministic autoencoder): the codes are scored as "
                    + "means; tc_sampled_gaussian, tc_sampled_mws and tc_gap_gaussian need sampled codes and are left undefined");
            return result;
        }
        int n = means.length;
        int d = means[0].length;
        if (logVars.length != n) throw new IllegalArgumentException(logVars.length + " rows of log-variances for " + n + " means");
        for (double[] row : logVars) if (row.length != d) throw new IllegalArgumentException("a row of log-variances has " + row.length + " values, the means " + d);
        double[][] sampled = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < d; l++) sampled[i][l] = means[i][l] + Math.exp(0.5 * logVars[i][l]) * rng.nextGaussian();
        }
        double tcSampled = GaussianTc.ofCodes(keep(sampled, mean.dropped())).totalCorrelation();
        int m = Math.min(numMws, n);
        MinibatchWeightedTc mws = new MinibatchWeightedTc(Arrays.copyOf(sampled, m), Arrays.copyOf(means, m), Arrays.copyOf(logVars, m));
        int tasks = (m + MWS_ROWS_PER_TASK - 1) / MWS_ROWS_PER_TASK;
        double[] sums = new double[tasks];
        Parallel.forEach(tasks, t -> 1.0, t -> {
            int from = t * MWS_ROWS_PER_TASK;
            int to = Math.min(m, from + MWS_ROWS_PER_TASK);
            sums[t] = mws.sumOfTerms(from, to);
            if (counter != null) counter.add(to - from);
        });
        double total = 0;
        for (double s : sums) total += s; // in task order: the same number whatever the scheduling
        result.put(TC_SAMPLED, tcSampled);
        result.put(TC_SAMPLED_MWS, total / m);
        result.put(TC_GAP, tcSampled - mean.totalCorrelation());
        return result;
    }

    /** The codes without the given columns (sorted indices). */
    private static double[][] keep(double[][] codes, int[] dropped) {
        if (dropped.length == 0) return codes;
        int d = codes[0].length;
        int[] kept = new int[d - dropped.length];
        for (int j = 0, k = 0; j < d; j++) if (Arrays.binarySearch(dropped, j) < 0) kept[k++] = j;
        double[][] out = new double[codes.length][kept.length];
        for (int i = 0; i < codes.length; i++) for (int k = 0; k < kept.length; k++) out[i][k] = codes[i][kept[k]];
        return out;
    }

    private static void describe(GaussianTc.Estimate e, String what, List<String> notes) {
        if (e.dropped().length > 0) {
            List<String> dims = Arrays.stream(e.dropped()).mapToObj(j -> "z" + j).toList();
            notes.add(NAME + ": left out of the Gaussian TC for (near-)zero variance of the " + what + " (below "
                    + GaussianTc.RELATIVE_VARIANCE_FLOOR + " of the largest): " + String.join(", ", dims)
                    + (e.kept() < 2 ? "; fewer than two dimensions vary, so the TC is 0" : ""));
        }
        if (Double.isInfinite(e.totalCorrelation())) {
            notes.add(NAME + ": a dimension of the " + what + " is a linear function of the others (to within "
                    + GaussianTc.SINGULAR_PIVOT + " of its variance): the Gaussian TC is infinite");
        }
    }
}
