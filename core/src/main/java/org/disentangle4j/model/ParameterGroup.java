package org.disentangle4j.model;

import java.util.List;

/**
 * Parameters updated together by one optimiser, minimising the objective of the same name in
 * {@link Losses#objectives()}.
 *
 * @param parameterNames names as in {@link Model#namedParameters()}
 */
public record ParameterGroup(String name, List<String> parameterNames, OptimizerSettings optimizer) {
    public ParameterGroup {
        parameterNames = List.copyOf(parameterNames);
    }
}
