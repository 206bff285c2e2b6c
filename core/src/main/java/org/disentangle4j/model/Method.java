package org.disentangle4j.model;

import ai.djl.ndarray.NDManager;
import java.util.List;

/** A registered method: its name, what it is, its hyper-parameters and how to build it. */
public record Method(String name, String description, List<HyperParameter> hyperParameters, Factory factory) {

    /** Builds the model from a complete spec. */
    @FunctionalInterface
    public interface Factory {
        Model create(ModelSpec spec, NDManager parent, long initSeed);
    }

    public Method {
        hyperParameters = List.copyOf(hyperParameters);
    }
}
