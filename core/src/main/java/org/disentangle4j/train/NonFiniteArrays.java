package org.disentangle4j.train;

import ai.djl.ndarray.NDArray;
import java.util.Map;
import java.util.Optional;

/**
 * Finds arrays holding NaN or ±infinity, one native reduction per array and one number read back
 * (never a Java loop over the elements), so checking every parameter before a checkpoint is cheap.
 */
public final class NonFiniteArrays {
    private NonFiniteArrays() {}

    /** The name of the first array with a non-finite element, in the map's order; empty when all are finite. */
    public static Optional<String> first(Map<String, NDArray> arrays) {
        for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
            if (!isFinite(e.getValue())) return Optional.of(e.getKey());
        }
        return Optional.empty();
    }

    /**
     * True when every element is finite: x − x is 0 for a finite x and NaN for NaN or ±infinity, so
     * the sum is 0 exactly when all are finite (a plain sum could overflow on large finite values).
     */
    public static boolean isFinite(NDArray array) {
        if (!array.getDataType().isFloating()) return true;
        try (NDArray difference = array.sub(array); NDArray sum = difference.sum(); NDArray nan = sum.isNaN()) {
            return !nan.getBoolean();
        }
    }
}
