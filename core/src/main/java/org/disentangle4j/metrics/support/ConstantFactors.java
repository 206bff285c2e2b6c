package org.disentangle4j.metrics.support;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.disentangle4j.data.FactorSpace;
import org.disentangle4j.metrics.LabelledCodes;
import org.disentangle4j.metrics.MetricNotApplicableException;

/**
 * Factors that take a single value carry no information to score against: their entropy is 0
 * (MIG divides by it) and a classifier cannot be fitted to one class. They are skipped.
 */
public final class ConstantFactors {
    private ConstantFactors() {}

    /** Indices of the factors that take at least two values among the points. */
    public static int[] varying(int[][] factors) {
        int numFactors = factors[0].length;
        List<Integer> keep = new ArrayList<>();
        for (int f = 0; f < numFactors; f++) {
            int first = factors[0][f];
            for (int[] row : factors) {
                if (row[f] != first) {
                    keep.add(f);
                    break;
                }
            }
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Indices of the factors of a space that have at least two values. */
    public static int[] varying(FactorSpace space) {
        return IntStream.range(0, space.numFactors()).filter(f -> space.size(f) > 1).toArray();
    }

    /** The points with constant factors removed; throws when no factor varies. */
    public static LabelledCodes drop(LabelledCodes points) {
        int[] keep = varying(points.factors());
        if (keep.length == 0) throw new MetricNotApplicableException("every factor is constant");
        return keep.length == points.numFactors() ? points : points.selectFactors(keep);
    }

    /** Throws when a factor is constant; for the array entries of the metrics. */
    public static void require(LabelledCodes points, String metric) {
        int[] keep = varying(points.factors());
        if (keep.length != points.numFactors()) {
            throw new IllegalArgumentException(metric + ": a factor takes a single value; drop constant factors first");
        }
    }
}
