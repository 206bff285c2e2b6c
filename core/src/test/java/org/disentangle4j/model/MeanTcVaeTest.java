package org.disentangle4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.disentangle4j.nn.Torch;
import org.junit.jupiter.api.Test;

class MeanTcVaeTest {

    @Test
    void meanTotalCorrelationOfCopiedCodesIsTheClosedFormWithTheRidge() {
        int b = 64;
        float[] codes = new float[b * 3];
        SplittableRandom r = new SplittableRandom(5);
        double[] x = new double[b];
        for (int i = 0; i < b; i++) {
            x[i] = r.nextGaussian();
            codes[i * 3] = (float) x[i];
            codes[i * 3 + 1] = (float) x[i];  // a copy of dimension 0
            codes[i * 3 + 2] = 0.25f;          // switched off: constant
        }
        double mean = 0, v = 0;
        for (double xi : x) mean += xi / b;
        for (double xi : x) v += (xi - mean) * (xi - mean) / b;
        double ridge = org.disentangle4j.model.objective.MeanTcTerm.RIDGE;
        // covariance [[v, v, 0], [v, v, 0], [0, 0, 0]] + ridge·I: the constant dimension is independent,
        // the copied pair has TC ½(2 log(v + r) − log((v + r)² − v²))
        double expected = 0.5 * (2 * Math.log(v + ridge) - Math.log((v + ridge) * (v + ridge) - v * v));
        try (NDManager m = Torch.newManager()) {
            float tc = org.disentangle4j.model.objective.MeanTcTerm.meanTotalCorrelation(m.create(codes, new Shape(b, 3))).getFloat();
            assertEquals(expected, tc, 1e-3 * expected);
        }
    }
}
