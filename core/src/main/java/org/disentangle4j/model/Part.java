package org.disentangle4j.model;

import java.util.List;
import org.disentangle4j.model.architecture.Networks;

/**
 * One choice for a slot of a model (encoder, latent structure, decoder, observation model, or an
 * objective term): its name as {@code models} shows it, the hyper-parameters it reads, and how it is built
 * for a spec.
 */
public record Part<T>(String name, List<HyperParameter> hyperParameters, Builder<T> builder) {
    /** Builds the part's networks on the model under construction. */
    @FunctionalInterface
    public interface Builder<T> {
        T build(ModelSpec spec, Networks networks);
    }

    public Part {
        hyperParameters = List.copyOf(hyperParameters);
    }

    public Part(String name, Builder<T> builder) {
        this(name, List.of(), builder);
    }

    public T build(ModelSpec spec, Networks networks) {
        return builder.build(spec, networks);
    }
}
