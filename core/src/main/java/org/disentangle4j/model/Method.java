package org.disentangle4j.model;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disentangle4j.model.objective.ObjectiveTerm;

/**
 * A registered method: its name, what it is, its hyper-parameters, how to build it, and the
 * training options whose default differs for it. Most methods are a {@link Composition} of parts
 * ({@link #composed}); a method can also extend any base method of a choice with terms of its own
 * ({@link #extending}: CFASL's terms on the base's), or be a hand-written {@link Model} ({@link #Method(String, String, List, Factory)}).
 *
 * @param composition the composition, or null for a hand-written model or an extension
 * @param base the categorical hyper-parameter naming the base method of an extension, or null
 */
public record Method(String name, String description, List<HyperParameter> hyperParameters, Factory factory,
        TrainingDefaults trainingDefaults, Composition composition, HyperParameter base) {

    /** Builds the model from a complete spec. */
    @FunctionalInterface
    public interface Factory {
        Model create(ModelSpec spec, NDManager parent, long initSeed);
    }

    public Method {
        hyperParameters = List.copyOf(hyperParameters);
    }

    /** A hand-written model that trains with the general defaults. */
    public Method(String name, String description, List<HyperParameter> hyperParameters, Factory factory) {
        this(name, description, hyperParameters, factory, TrainingDefaults.NONE, null, null);
    }

    /** A method that is a composition of parts; its hyper-parameters are the parts'. */
    public static Method composed(String name, String description, Composition composition, TrainingDefaults defaults) {
        return new Method(name, description, composition.hyperParameters(),
                (spec, parent, seed) -> new ComposedModel(composition, spec, parent, seed), defaults, composition, null);
    }

    public static Method composed(String name, String description, Composition composition) {
        return composed(name, description, composition, TrainingDefaults.NONE);
    }

    /**
     * A method that adds {@code terms} to a base method's composition, the base chosen by the
     * categorical {@code base} among {@code bases} (each a composed method). Its hyper-parameters
     * are the choice, every base's (a base's defaults apply when it is chosen, see
     * {@link Methods#spec}) and the terms'.
     */
    @SafeVarargs
    public static Method extending(String name, String description, HyperParameter base, List<Method> bases, TrainingDefaults defaults,
            Part<ObjectiveTerm>... terms) {
        Map<String, Method> byName = new LinkedHashMap<>();
        for (Method m : bases) {
            if (m.composition() == null) throw new IllegalArgumentException(m.name() + " is not a composition");
            byName.put(m.name(), m);
        }
        if (!byName.keySet().equals(new java.util.HashSet<>(base.choices()))) {
            throw new IllegalArgumentException("--" + base.name() + " choices " + base.choices() + " but bases " + byName.keySet());
        }
        Map<String, HyperParameter> all = new LinkedHashMap<>();
        all.put(base.name(), base);
        for (String choice : base.choices()) byName.get(choice).hyperParameters().forEach(h -> all.putIfAbsent(h.name(), h));
        for (Part<ObjectiveTerm> t : terms) t.hyperParameters().forEach(h -> all.putIfAbsent(h.name(), h));
        List<HyperParameter> hyperParameters = new ArrayList<>(all.values());
        Factory factory = (spec, parent, seed) -> new ComposedModel(byName.get(spec.choice(base)).composition().plus(terms), spec, parent, seed);
        return new Method(name, description, hyperParameters, factory, defaults, null, base);
    }

    /** The method whose composition an extension's spec extends, by the spec's values. */
    public String baseOf(Map<String, Double> values) {
        if (base == null) throw new IllegalStateException(name + " extends no base");
        Double v = values.get(base.name());
        return base.choices().get(Math.toIntExact(Math.round(v == null ? base.defaultValue() : v)));
    }

    /** What {@code models} shows of how the method is built. */
    public List<String> compositionLines() {
        if (composition != null) return composition.describe();
        if (base != null) return List.of("the terms of --" + base.name() + " (one of " + String.join(", ", base.choices()) + ") plus its own");
        return List.of("a hand-written model");
    }
}
