package org.disentangle4j.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of the built-in experiments that are sweeps, each {@link Experiment} declared beside
 * its class; the command line serves each as {@code experiment NAME}, in this order.
 */
public final class Experiments {
    private static final Map<String, Experiment> REGISTRY = new LinkedHashMap<>();

    // one line registers an experiment
    static {
        register(AdditiveExperiment.DECLARATION);
        register(MeanTcExperiment.DECLARATION);
        register(CfaslExperiment.DECLARATION);
        register(ImExtrapolationExperiment.DECLARATION);
        register(CdgExperiment.DECLARATION);
    }

    private Experiments() {}

    private static void register(Experiment experiment) {
        if (REGISTRY.putIfAbsent(experiment.name(), experiment) != null) {
            throw new IllegalStateException("experiment " + experiment.name() + " is declared twice");
        }
    }

    /** Every declared experiment, in the order of registration. */
    public static List<Experiment> all() {
        return new ArrayList<>(REGISTRY.values());
    }
}
