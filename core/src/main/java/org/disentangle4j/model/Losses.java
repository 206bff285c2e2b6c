package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one training step of a model computes: named scalar terms for logs and progress bars
 * ({@code recon}, {@code kl}, {@code tc}, …) and, per parameter group, the objective that
 * group's optimiser minimises.
 *
 * <p>The trainer back-propagates the sum of all objectives once, so a model with several groups
 * (FactorVAE's discriminator) must keep each group's gradient out of the other objectives
 * (detach what one group must not move).
 */
public final class Losses {
    private final Map<String, NDArray> terms = new LinkedHashMap<>();
    private final Map<String, NDArray> objectives = new LinkedHashMap<>();

    /** Adds a named scalar term for logging. */
    public Losses term(String name, NDArray value) {
        terms.put(name, value);
        return this;
    }

    /** Sets the scalar objective minimised by the optimiser of parameter group {@code group}. */
    public Losses objective(String group, NDArray value) {
        objectives.put(group, value);
        return this;
    }

    public NDArray term(String name) {
        NDArray t = terms.get(name);
        if (t == null) throw new IllegalArgumentException("no loss term '" + name + "'; have " + terms.keySet());
        return t;
    }

    public Map<String, NDArray> terms() {
        return Collections.unmodifiableMap(terms);
    }

    public Map<String, NDArray> objectives() {
        return Collections.unmodifiableMap(objectives);
    }

    /** Reads every term to the host (one small copy each). */
    public Map<String, Float> termValues() {
        Map<String, Float> values = new LinkedHashMap<>();
        terms.forEach((name, value) -> values.put(name, value.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).getFloat()));
        return values;
    }
}
