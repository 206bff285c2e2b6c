package org.disentangle4j.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * Everything needed to build a model's networks: the registered method name, the observation
 * shape of the dataset, the latent size, the likelihood and the method's hyper-parameters.
 * Stored in a run's config so that the model can be rebuilt for resuming and evaluation.
 */
public record ModelSpec(
        String method, int[] observationShape, int latentDim, Likelihood likelihood, Map<String, Double> hyperParameters) {

    public ModelSpec {
        observationShape = observationShape.clone();
        hyperParameters = new TreeMap<>(hyperParameters);
    }

    /** A hyper-parameter's value; the registry fills in every default, so it is always there. */
    public double hyper(String name) {
        Double v = hyperParameters.get(name);
        if (v == null) throw new IllegalStateException("method " + method + " has no hyper-parameter '" + name + "'");
        return v;
    }

    public int channels() {
        return observationShape[0];
    }
}
