package org.disentangle4j.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.disentangle4j.io.UserInputException;

/** The registry of methods by name; one line registers a method. */
public final class Methods {
    private static final Map<String, Method> REGISTRY = new LinkedHashMap<>();

    static {
        register(new Method("beta-vae", "β-VAE (Higgins et al. 2017): reconstruction + β·KL",
                List.of(new HyperParameter("beta", 4.0, "weight β of the KL term (study grid 1, 2, 4, 6, 8, 16)")),
                BetaVae::new));
    }

    private Methods() {}

    public static synchronized void register(Method method) {
        REGISTRY.put(method.name(), method);
    }

    public static synchronized List<Method> all() {
        return new ArrayList<>(REGISTRY.values());
    }

    public static synchronized Method get(String name) {
        Method m = REGISTRY.get(name);
        if (m == null) {
            throw new UserInputException("unknown model '" + name + "'; expected one of: " + String.join(", ", REGISTRY.keySet()));
        }
        return m;
    }

    /**
     * A complete spec: the method's defaults overridden by {@code given}. Hyper-parameters the
     * method does not have are rejected, so a typo never silently trains the default.
     */
    public static ModelSpec spec(String method, int[] observationShape, int latentDim, Likelihood likelihood, Map<String, Double> given) {
        Method m = get(method);
        Map<String, Double> values = new HashMap<>();
        for (HyperParameter h : m.hyperParameters()) values.put(h.name(), h.defaultValue());
        for (Map.Entry<String, Double> e : given.entrySet()) {
            if (!values.containsKey(e.getKey())) {
                String known = m.hyperParameters().stream().map(h -> "--" + h.name()).collect(Collectors.joining(", "));
                throw new UserInputException("model " + method + " has no hyper-parameter --" + e.getKey()
                        + (known.isEmpty() ? "; it has none" : "; it has " + known));
            }
            values.put(e.getKey(), e.getValue());
        }
        if (latentDim <= 0) throw new UserInputException("--latent-dim must be positive, got " + latentDim);
        return new ModelSpec(method, observationShape, latentDim, likelihood, values);
    }

    public static Model create(ModelSpec spec, ai.djl.ndarray.NDManager parent, long initSeed) {
        return get(spec.method()).factory().create(spec, parent, initSeed);
    }
}
