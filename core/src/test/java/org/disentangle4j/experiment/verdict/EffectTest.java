package org.disentangle4j.experiment.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EffectTest {

    @Test
    void cohensDByHand() {
        // A = 1, 2, 3 (s² = 1), B = 2, 4, 6, 8 (s² = 20/3): pooled s² = (2·1 + 3·20/3)/5 = 22/5;
        // d = (2 − 5)/√4.4
        Effect d = Effect.cohensD(new double[] {1, 2, 3}, new double[] {2, 4, 6, 8});
        assertEquals(-3, d.difference(), 1e-14);
        assertEquals(-3 / Math.sqrt(4.4), d.standardised(), 1e-14);
        assertEquals(Effect.COHENS_D, d.standardisedName());
    }

    @Test
    void cohensDMatchesNumpy() {
        // from numpy: (a.mean() − b.mean()) / sqrt(((n_a−1)·a.var(ddof=1) + (n_b−1)·b.var(ddof=1)) / (n_a+n_b−2))
        Effect d = Effect.cohensD(new double[] {0.31, 0.27, 0.35, 0.29, 0.33}, new double[] {0.22, 0.25, 0.19, 0.26, 0.21});
        assertEquals(0.084, d.difference(), 1e-14);
        assertEquals(2.776954340610603, d.standardised(), 1e-12);
    }

    @Test
    void cohensDWithASingleValueTakesTheSpreadFromTheOtherGroup() {
        // A = 4 alone; B = 1, 2, 3 (s² = 1, weight 2): pooled s² = 2/2 = 1, d = (4 − 2)/1
        assertEquals(2, Effect.cohensD(new double[] {4}, new double[] {1, 2, 3}).standardised(), 1e-14);
        assertTrue(Double.isNaN(Effect.cohensD(new double[] {4}, new double[] {1}).standardised()));
        assertTrue(Double.isNaN(Effect.cohensD(new double[] {}, new double[] {1, 2}).difference()));
    }

    @Test
    void cohensDWithoutSpread() {
        assertEquals(Double.POSITIVE_INFINITY, Effect.cohensD(new double[] {2, 2}, new double[] {1, 1}).standardised());
        assertTrue(Double.isNaN(Effect.cohensD(new double[] {1, 1}, new double[] {1, 1}).standardised()));
    }

    @Test
    void dzByHand() {
        // differences 1, 2, 3: mean 2, SD 1 → d_z = 2
        Effect dz = Effect.pairedDz(new double[] {1, 3, 5}, new double[] {0, 1, 2});
        assertEquals(2, dz.difference(), 1e-14);
        assertEquals(2, dz.standardised(), 1e-14);
        assertEquals(Effect.D_Z, dz.standardisedName());
        // d_z = t/√n for the paired t-test's t (scipy's 3.062127263296445 over 5 pairs)
        Effect five = Effect.pairedDz(new double[] {0.52, 0.48, 0.61, 0.55, 0.50}, new double[] {0.47, 0.49, 0.55, 0.50, 0.46});
        assertEquals(3.062127263296445 / Math.sqrt(5), five.standardised(), 1e-12);
        assertTrue(Double.isNaN(Effect.pairedDz(new double[] {1}, new double[] {0}).standardised()));
    }
}
