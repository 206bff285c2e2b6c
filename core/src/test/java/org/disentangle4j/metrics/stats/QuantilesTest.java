package org.disentangle4j.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuantilesTest {
    @Test
    void interpolatesLinearlyBetweenOrderStatistics() {
        double[] hundredAndOne = new double[101];
        for (int i = 0; i <= 100; i++) hundredAndOne[100 - i] = i;
        assertEquals(99.0, Quantiles.linear(hundredAndOne, 0.99), 1e-12);
        // position 0.99 · 1 between 0 and 10
        assertEquals(9.9, Quantiles.linear(new double[] {10, 0}, 0.99), 1e-12);
        // position 0.99 · 3 = 2.97 between 2 and 4
        assertEquals(3.94, Quantiles.linear(new double[] {4, 1, 2, 0}, 0.99), 1e-12);
        assertEquals(7.0, Quantiles.linear(new double[] {7}, 0.99));
    }
}
