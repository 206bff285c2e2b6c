package org.disentangle4j.model;

import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A registered method: its name, what it is, its hyper-parameters, how to build it, and the
 * training options whose default differs for it from the {@code train} command's.
 *
 * @param trainingDefaults training options by their {@code train} flag without dashes (e.g.
 *     {@code lr}) and the method's default value; an option given on the command line wins.
 *     {@code latent-dim:DATASET} is the latent size on that dataset (cfasl: 6 on shapes3d)
 */
public record Method(String name, String description, List<HyperParameter> hyperParameters, Factory factory,
        Map<String, Object> trainingDefaults) {

    /** Builds the model from a complete spec. */
    @FunctionalInterface
    public interface Factory {
        Model create(ModelSpec spec, NDManager parent, long initSeed);
    }

    public Method {
        hyperParameters = List.copyOf(hyperParameters);
        trainingDefaults = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(trainingDefaults));
    }

    /** A method that trains with the {@code train} command's defaults. */
    public Method(String name, String description, List<HyperParameter> hyperParameters, Factory factory) {
        this(name, description, hyperParameters, factory, Map.of());
    }
}
