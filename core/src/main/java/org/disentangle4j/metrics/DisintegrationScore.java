package org.disentangle4j.metrics;

import static org.disentangle4j.metrics.MetricSuite.DEFAULT_BATCH_SIZE;
import static org.disentangle4j.metrics.MetricSuite.DEFAULT_NUM_TRAIN;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.metrics.stats.DiscreteMutualInformation;
import org.disentangle4j.metrics.stats.HistogramDiscretizer;
import org.disentangle4j.metrics.support.ConstantFactors;
import org.disentangle4j.metrics.support.FactorCodeSampler;
import org.disentangle4j.metrics.support.ProgressCounter;

/**
 * Factor disintegration ({@code disintegration}, issue 14): over how many code dimensions each true
 * factor is spread. Factorising the aggregate posterior can split one factor over several latents;
 * MIG then sees no gap, but does not say how many dimensions share the factor. Only the abstract of
 * the work is public; the definition below is this project's.
 *
 * <p>Per factor k, with MI_jk the mutual information of code dimension j with the factor, computed
 * exactly as {@link MigScore MIG} does (20 equal-width bins per code, {@link HistogramDiscretizer};
 * discrete MI in nats, {@link DiscreteMutualInformation}):
 * <ul>
 *   <li>{@code effective_dims_<factor>} = exp(H(p)), natural log, with p_j = MI_jk / Σ_j MI_jk: 1
 *       when a single dimension carries the factor, m when m dimensions carry it equally, up to the
 *       number of dimensions;</li>
 *   <li>{@code mean_effective_dims}: their mean over the factors;</li>
 *   <li>{@code dims_above_threshold_<factor>}: how many dimensions have a normalised MI,
 *       MI_jk / H(v_k), of at least the threshold (default {@value #DEFAULT_THRESHOLD}); the notes
 *       list them, e.g. {@code shape: z3, z7} (dimensions numbered from z0, as the codes' columns).</li>
 * </ul>
 * The plug-in MI of a dimension that is independent of the factor is not 0 but about
 * (bins − 1)(levels − 1) / (2n) nats, so pure-noise dimensions raise exp(H(p)) a little above the
 * number of informative ones (on 10,000 points and a factor of 40 levels, by about 0.04 nats of MI
 * per noise dimension against up to log 40 ≈ 3.7 for a dimension that carries it); the thresholded
 * count does not have this bias. A factor that no dimension carries at all (Σ_j MI_jk = 0) has no
 * distribution p: its effective number is NaN, left out of the mean, with a note.
 *
 * <p>Factors are named as their dataset names them, or {@code factor0, factor1, …} (the column in
 * the file) for arrays; characters other than letters, digits and '_' become '_' in the keys.
 * Factors with a single value are skipped, as by every metric. Deterministic.
 *
 * @param threshold the normalised MI at or above which a dimension counts as carrying a factor
 */
public record DisintegrationScore(double threshold, int numTrain, int batchSize) implements Metric {
    public static final String NAME = "disintegration";
    public static final String EFFECTIVE_DIMS_PREFIX = "effective_dims_";
    public static final String MEAN_EFFECTIVE_DIMS = "mean_effective_dims";
    public static final String ABOVE_THRESHOLD_PREFIX = "dims_above_threshold_";
    public static final double DEFAULT_THRESHOLD = 0.1;

    public DisintegrationScore() {
        this(DEFAULT_THRESHOLD, DEFAULT_NUM_TRAIN, DEFAULT_BATCH_SIZE);
    }

    public DisintegrationScore {
        if (!(threshold > 0 && threshold <= 1)) throw new IllegalArgumentException("threshold must lie in (0, 1], got " + threshold);
    }

    /** One factor's result: the effective number of dimensions and those at or above the threshold. */
    public record FactorSpread(String factor, double effectiveDims, int[] dimsAbove) {}

    @Override
    public Map<String, Double> evaluate(GroundTruthDataset dataset, RepresentationFunction representation, RandomGenerator rng,
            ProgressListener progress) {
        LabelledCodes points = FactorCodeSampler.sample(dataset, representation, numTrain, batchSize, rng, progress, NAME);
        int[] varying = ConstantFactors.varying(points.factors());
        if (varying.length == 0) throw new MetricNotApplicableException("every factor is constant");
        List<String> names = new ArrayList<>();
        for (int f : varying) names.add(dataset.factors().name(f));
        return score(points.selectFactors(varying), names, new ArrayList<>());
    }

    @Override
    public Map<String, Double> evaluate(EvaluationSets sets, RandomGenerator rng, ProgressListener progress) {
        return evaluate(sets, MetricSuite.arrayFactorNames(sets.all().numFactors()), rng, progress, new ArrayList<>());
    }

    @Override
    public Map<String, Double> evaluate(EvaluationSets sets, List<String> factorNames, RandomGenerator rng, ProgressListener progress,
            List<String> notes) {
        ProgressCounter counter = new ProgressCounter(progress, NAME, 1); // the MI matrix of MIG: well under a second
        Map<String, Double> result = score(sets.all(), factorNames, notes);
        counter.finish();
        return result;
    }

    /**
     * The results of points whose factors all vary, named {@code factorNames} (in column order);
     * one note lists the dimensions at or above the threshold per factor.
     */
    public Map<String, Double> score(LabelledCodes points, List<String> factorNames, List<String> notes) {
        List<FactorSpread> spreads = spreads(points, factorNames);
        Map<String, Double> result = new LinkedHashMap<>();
        double sum = 0;
        int defined = 0;
        List<String> undefined = new ArrayList<>();
        for (FactorSpread s : spreads) {
            result.put(EFFECTIVE_DIMS_PREFIX + key(s.factor()), s.effectiveDims());
            if (Double.isNaN(s.effectiveDims())) {
                undefined.add(s.factor());
            } else {
                sum += s.effectiveDims();
                defined++;
            }
        }
        result.put(MEAN_EFFECTIVE_DIMS, defined == 0 ? Double.NaN : sum / defined);
        List<String> lists = new ArrayList<>();
        for (FactorSpread s : spreads) {
            result.put(ABOVE_THRESHOLD_PREFIX + key(s.factor()), (double) s.dimsAbove().length);
            List<String> dims = new ArrayList<>();
            for (int j : s.dimsAbove()) dims.add("z" + j);
            lists.add(s.factor() + ": " + (dims.isEmpty() ? "none" : String.join(", ", dims)));
        }
        notes.add(NAME + ": code dimensions with MI/H(factor) ≥ " + threshold + " (numbered from z0): " + String.join("; ", lists));
        if (!undefined.isEmpty()) {
            notes.add(NAME + ": no code dimension carries any information about " + String.join(", ", undefined)
                    + ": effective number of dimensions undefined, left out of mean_effective_dims");
        }
        return result;
    }

    /** Per factor, its spread over the code dimensions. */
    public List<FactorSpread> spreads(LabelledCodes points, List<String> factorNames) {
        if (factorNames.size() != points.numFactors()) {
            throw new IllegalArgumentException(factorNames.size() + " factor names for " + points.numFactors() + " factors");
        }
        ConstantFactors.require(points, NAME);
        int[][] binned = HistogramDiscretizer.discretizeCodes(points);
        int[][] factors = points.factorColumns();
        double[][] mi = DiscreteMutualInformation.matrix(binned, factors);
        List<FactorSpread> out = new ArrayList<>();
        for (int k = 0; k < factors.length; k++) {
            double entropy = DiscreteMutualInformation.entropy(factors[k]);
            double total = 0;
            for (double[] row : mi) total += row[k];
            double h = 0;
            List<Integer> above = new ArrayList<>();
            for (int j = 0; j < mi.length; j++) {
                double p = total > 0 ? mi[j][k] / total : 0;
                if (p > 0) h -= p * Math.log(p);
                if (mi[j][k] / entropy >= threshold) above.add(j);
            }
            out.add(new FactorSpread(factorNames.get(k), total > 0 ? Math.exp(h) : Double.NaN,
                    above.stream().mapToInt(Integer::intValue).toArray()));
        }
        return out;
    }

    /** A factor name as it appears in a result key. */
    static String key(String factor) {
        return factor.replaceAll("[^A-Za-z0-9_]", "_");
    }
}
