package org.disentangle4j.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.disentangle4j.data.CausalGraph;
import org.disentangle4j.data.GroundTruthDataset;

/**
 * The Causal Disentanglement Metric of CDG-VAE (An et al.; spec cdg.md), for any generative model
 * whose latent nodes can be set ({@link RepresentationFunction#interventions}):
 * <ol>
 *   <li>an annotation classifier w_c per factor, trained once per dataset and cached
 *       ({@link AnnotationClassifier});
 *   <li>{@value #DEFAULT_POINTS} training observations are encoded (the representation: posterior
 *       means); each node i's range is its smallest z_i⁽¹⁾ and largest z_i⁽²⁾ value over them;
 *   <li>for every node i and observation x: do(z_i = z_i⁽¹⁾), then do(z_i = z_i⁽²⁾), descendants
 *       recomputed from their own noise by the model, decoded, scored s = w_c(x̂) for every factor c;
 *   <li>CDM_L(c, i) = |mean(s⁽¹⁾ − s⁽²⁾)| and CDM_U(c, i) = mean|s⁽¹⁾ − s⁽²⁾|.
 * </ol>
 * Keys {@code cdm_L_<factor>_<node>} and {@code cdm_U_<factor>_<node>}. How to read a pair
 * (factor c, node i), with node i standing for the factor of its name (CDG-VAE) or, for unnamed
 * nodes z0, z1, … (plain VAEs, intervened on directly), for factor i by position: c a
 * non-descendant of i in the dataset's graph, in another block: <b>interventional robustness</b>,
 * lower is better (ideal 0); c = i or a descendant: <b>counterfactual generativeness</b>, higher is
 * better; two factors of one block (pendulum's length and position) are neither, as in the paper.
 * {@code cdm_robustness} and {@code cdm_generativeness} average CDM_L over each kind; the notes
 * list the pairs of each. {@code cdm_classifier_error_<factor>} (mean absolute error) and
 * {@code cdm_classifier_accuracy_<factor>} (fraction within 0.1) are the classifier's on held-out
 * observations.
 */
public record CdmScore(int points) implements ModelMetric {
    public static final String NAME = "cdm";
    public static final int DEFAULT_POINTS = 1000;
    public static final String ROBUSTNESS = "cdm_robustness";
    public static final String GENERATIVENESS = "cdm_generativeness";

    /** The annotation classifier as CDM uses it: scores {@code [count][factors]} in [0, 1] of observations. */
    @FunctionalInterface
    public interface Scorer {
        double[][] scores(float[] observations, int count);
    }

    public CdmScore() {
        this(DEFAULT_POINTS);
    }

    public CdmScore {
        if (points < 2) throw new IllegalArgumentException("CDM needs at least 2 points, got " + points);
    }

    @Override
    public Map<String, Double> evaluate(GroundTruthDataset dataset, RepresentationFunction representation, DecoderFunction decoder,
            RandomGenerator rng, ProgressListener progress, List<String> notes) {
        LatentInterventions interventions = representation.interventions()
                .orElseThrow(() -> new MetricNotApplicableException("the model's latent nodes cannot be intervened on"));
        if (decoder == null) throw new MetricNotApplicableException("the model has no decoder");
        if (dataset.observationShape().length != 3) throw new MetricNotApplicableException("CDM's annotation classifier needs images");
        try (AnnotationClassifier classifier = AnnotationClassifier.forDataset(dataset, progress)) {
            int[][] factors = dataset.sampleFactors(points, rng);
            float[] observations = dataset.render(factors);
            double[][] codes = representation.represent(observations, points);
            Map<String, Double> result = score(codes, interventions, decoder, classifier::scores, dataset.factors().names(),
                    dataset.causalGraph(), dataset.latentBlocks(), notes, progress);
            double[] error = classifier.heldOutError();
            double[] accuracy = classifier.heldOutAccuracy();
            for (int f = 0; f < error.length; f++) {
                result.put("cdm_classifier_error_" + dataset.factors().name(f), error[f]);
                result.put("cdm_classifier_accuracy_" + dataset.factors().name(f), accuracy[f]);
            }
            notes.add("cdm: annotation classifier cached in " + AnnotationClassifier.cacheDirectory().resolve("cdm-classifier")
                    + " (held-out mean absolute error " + format(error) + ", accuracy within " + AnnotationClassifier.TOLERANCE
                    + " " + format(accuracy) + "); " + points + " training points");
            return result;
        }
    }

    /**
     * Steps 2–4 on codes (the representation of training observations): every (factor, node) pair's
     * CDM_L and CDM_U, and their averages over the robustness and generativeness pairs.
     *
     * @param factorGraph the dataset's causal graph over the factors (empty: no factor has descendants)
     * @param factorBlocks the dataset's blocks of factors: a pair of two factors of one block (pendulum's length and
     *     position, drawn in one region) is neither kind, as in the paper's tables
     */
    public static Map<String, Double> score(double[][] codes, LatentInterventions interventions, DecoderFunction decoder, Scorer scorer,
            List<String> factorNames, Optional<CausalGraph> factorGraph, Optional<int[][]> factorBlocks, List<String> notes,
            ProgressListener progress) {
        int[] blockOf = new int[factorNames.size()];
        for (int f = 0; f < blockOf.length; f++) blockOf[f] = f;
        factorBlocks.ifPresent(blocks -> {
            for (int b = 0; b < blocks.length; b++) for (int f : blocks[b]) blockOf[f] = -1 - b;
        });
        List<String> nodes = interventions.nodeNames();
        double[][] values = interventions.nodeValues(codes);
        int n = codes.length;
        Map<String, Double> lower = new LinkedHashMap<>();
        Map<String, Double> upper = new LinkedHashMap<>();
        List<String> robust = new ArrayList<>();
        List<String> generative = new ArrayList<>();
        double robustSum = 0, generativeSum = 0;
        for (int i = 0; i < nodes.size(); i++) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (double[] v : values) {
                lo = Math.min(lo, v[i]);
                hi = Math.max(hi, v[i]);
            }
            double[][] s1 = scorer.scores(decoder.decode(interventions.intervene(codes, i, filled(n, lo))), n);
            double[][] s2 = scorer.scores(decoder.decode(interventions.intervene(codes, i, filled(n, hi))), n);
            int standsFor = factorNames.indexOf(nodes.get(i));
            if (standsFor < 0 && i < factorNames.size() && nodes.get(i).equals("z" + i)) standsFor = i;
            boolean[] descendants = standsFor < 0 ? null : descendants(factorGraph, factorNames.size(), standsFor);
            for (int c = 0; c < factorNames.size(); c++) {
                double signed = 0, absolute = 0;
                for (int r = 0; r < n; r++) {
                    double diff = s1[r][c] - s2[r][c];
                    signed += diff;
                    absolute += Math.abs(diff);
                }
                String pair = factorNames.get(c) + "_" + nodes.get(i);
                double l = Math.abs(signed / n);
                lower.put("cdm_L_" + pair, l);
                upper.put("cdm_U_" + pair, absolute / n);
                if (descendants == null) continue;
                if (c != standsFor && !descendants[c] && blockOf[c] == blockOf[standsFor]) continue; // one block: neither kind
                if (c == standsFor || descendants[c]) {
                    generative.add("(" + factorNames.get(c) + ", " + nodes.get(i) + ")");
                    generativeSum += l;
                } else {
                    robust.add("(" + factorNames.get(c) + ", " + nodes.get(i) + ")");
                    robustSum += l;
                }
            }
            progress.progress("cdm", i + 1, nodes.size());
        }
        Map<String, Double> result = new LinkedHashMap<>();
        result.put(ROBUSTNESS, robust.isEmpty() ? Double.NaN : robustSum / robust.size());
        result.put(GENERATIVENESS, generative.isEmpty() ? Double.NaN : generativeSum / generative.size());
        result.putAll(lower);
        result.putAll(upper);
        notes.add("cdm pairs are (measured factor, intervened node); interventional robustness, lower is better: "
                + (robust.isEmpty() ? "none" : String.join(" ", robust)));
        notes.add("cdm counterfactual generativeness (the node's factor and its descendants), higher is better: "
                + (generative.isEmpty() ? "none" : String.join(" ", generative)));
        return result;
    }

    /** Whether each factor is a descendant of {@code from} (not counting {@code from} itself). */
    static boolean[] descendants(Optional<CausalGraph> graph, int count, int from) {
        boolean[] seen = new boolean[count];
        if (graph.isEmpty()) return seen;
        java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            int k = todo.pop();
            for (int j = 0; j < count; j++) {
                if (graph.get().hasEdge(k, j) && !seen[j]) {
                    seen[j] = true;
                    todo.push(j);
                }
            }
        }
        return seen;
    }

    private static double[] filled(int n, double v) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, v);
        return out;
    }

    private static String format(double[] v) {
        StringBuilder b = new StringBuilder();
        for (double x : v) b.append(b.length() == 0 ? "" : "/").append(String.format(java.util.Locale.ROOT, "%.3f", x));
        return b.toString();
    }
}
