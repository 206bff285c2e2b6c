package org.disentangle4j.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RocAucTest {

    @Test
    void countsCorrectlyOrderedPairsAndTiesAsHalf() {
        // positives 0.8, 0.4; negatives 0.6, 0.2: pairs won 0.8>0.6, 0.8>0.2, 0.4>0.2 → 3 of 4
        assertEquals(0.75, RocAuc.binary(new boolean[] {true, false, true, false}, new double[] {0.8, 0.6, 0.4, 0.2}), 1e-15);
        assertEquals(0.5, RocAuc.binary(new boolean[] {true, false, true, false}, new double[] {1, 1, 1, 1}), 1e-15);
        // one tie among four pairs: (1 + 1 + 1 + ½) / 4
        assertEquals(0.875, RocAuc.binary(new boolean[] {true, false, true, false}, new double[] {0.9, 0.5, 0.5, 0.1}), 1e-15);
        assertEquals(Double.NaN, RocAuc.binary(new boolean[] {true, true}, new double[] {0.1, 0.2}));
    }

    @Test
    void macroAverageOverTheClassesPresent() {
        int[] labels = {0, 1, 2, 2};
        double[][] p = {{0.8, 0.1, 0.1}, {0.1, 0.8, 0.1}, {0.1, 0.1, 0.8}, {0.6, 0.3, 0.1}};
        // class 0: pos 0.8 vs 0.1, 0.1, 0.6 → 1; class 1: pos 0.8 vs 0.1, 0.1, 0.3 → 1;
        // class 2: pos 0.8, 0.1 vs 0.1, 0.1 → (1 + 1 + ½ + ½) / 4 = 0.75
        assertEquals((1 + 1 + 0.75) / 3, RocAuc.macroOneVsRest(labels, new int[] {0, 1, 2}, p), 1e-15);
    }
}
