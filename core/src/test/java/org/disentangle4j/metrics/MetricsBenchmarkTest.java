package org.disentangle4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.disentangle4j.metrics.stats.ClassLabels;
import org.junit.jupiter.api.Test;

class MetricsBenchmarkTest {
    @Test
    void syntheticDataHasTheSpecifiedShape() {
        SplittableRandom rng = new SplittableRandom(1);
        LabelledCodes points = MetricsBenchmark.synthetic(2000, MetricsBenchmark.mixingMatrix(rng), rng);
        assertEquals(2000, points.numPoints());
        assertEquals(10, points.numDims());
        int[] expectedLevels = {3, 6, 40, 32, 32};
        for (int f = 0; f < expectedLevels.length; f++) {
            assertEquals(expectedLevels[f], ClassLabels.of(points.factorColumn(f)).numClasses(), "factor " + f);
        }
    }
}
