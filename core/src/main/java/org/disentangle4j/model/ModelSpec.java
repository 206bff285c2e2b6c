package org.disentangle4j.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * Everything needed to build a model's networks: the registered method name, the observation
 * shape of the dataset, the latent size, the likelihood and the method's hyper-parameters.
 * Stored in a run's config so that the model can be rebuilt for resuming and evaluation; the
 * dataset's structure ({@code dataset}, may be null) is read again from the dataset then.
 *
 * @param parts architecture parts chosen for this run in place of the method's ({@link PartChoices}), by slot; empty for none
 */
public record ModelSpec(
        String method, int[] observationShape, int latentDim, Likelihood likelihood, Map<String, Double> hyperParameters,
        DatasetFacts dataset, Map<String, String> parts) {

    public ModelSpec {
        observationShape = observationShape.clone();
        hyperParameters = new TreeMap<>(hyperParameters);
        parts = parts == null ? Map.of() : Map.copyOf(parts);
    }

    /** A spec with the method's own parts. */
    public ModelSpec(String method, int[] observationShape, int latentDim, Likelihood likelihood, Map<String, Double> hyperParameters,
            DatasetFacts dataset) {
        this(method, observationShape, latentDim, likelihood, hyperParameters, dataset, Map.of());
    }

    /** A spec without the dataset's structure (methods that need it then use their fallback, see {@link #datasetFacts}). */
    public ModelSpec(String method, int[] observationShape, int latentDim, Likelihood likelihood, Map<String, Double> hyperParameters) {
        this(method, observationShape, latentDim, likelihood, hyperParameters, null);
    }

    /** The dataset's structure (causal graph, blocks, masks, factors) when the spec was made for a dataset. */
    public java.util.Optional<DatasetFacts> datasetFacts() {
        return java.util.Optional.ofNullable(dataset);
    }

    /** A declared hyper-parameter's value; the registry fills in every default, so it is always there. */
    public double value(HyperParameter h) {
        Double v = hyperParameters.get(h.name());
        if (v == null) throw new IllegalStateException("method " + method + " has no hyper-parameter '" + h.name() + "'");
        return v;
    }

    /** A declared count's value (its range admits whole numbers only, checked before the model is built). */
    public int count(HyperParameter h) {
        if (!h.range().integer()) throw new IllegalStateException("--" + h.name() + " is not declared a whole number");
        return Math.toIntExact((long) value(h));
    }

    /** A declared categorical hyper-parameter's value, by name ({@link HyperParameter#choice}). */
    public String choice(HyperParameter h) {
        if (!h.categorical()) throw new IllegalStateException("--" + h.name() + " is not declared categorical");
        return h.choices().get(Math.toIntExact((long) value(h)));
    }

    public int channels() {
        return observationShape[0];
    }
}
