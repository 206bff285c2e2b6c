package org.disentangle4j.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DiscreteMutualInformationTest {

    @Test
    void entropyOfUniformLabelsIsLogOfTheirCount() {
        assertEquals(Math.log(2), DiscreteMutualInformation.entropy(new int[] {0, 1, 0, 1}), 1e-15);
        assertEquals(Math.log(4), DiscreteMutualInformation.entropy(new int[] {3, 7, 9, 12, 3, 7, 9, 12}), 1e-15);
    }

    @Test
    void independentLabellingsShareNothing() {
        assertEquals(0.0, DiscreteMutualInformation.mutualInformation(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}), 1e-15);
    }

    @Test
    void aSingleLabelCarriesNoInformation() {
        assertEquals(0.0, DiscreteMutualInformation.mutualInformation(new int[] {2, 2, 2}, new int[] {0, 1, 2}));
    }

    @Test
    void handComputedCase() {
        // H(b) − H(b|a) with b = (0,0,0,1), a = (0,0,1,1): ¾ ln(4/3) + ¼ ln 4 − ½ ln 2
        double expected = 0.75 * Math.log(4.0 / 3.0) + 0.25 * Math.log(4) - 0.5 * Math.log(2);
        assertEquals(expected, DiscreteMutualInformation.mutualInformation(new int[] {0, 0, 1, 1}, new int[] {0, 0, 0, 1}), 1e-15);
        assertEquals(expected, DiscreteMutualInformation.mutualInformation(new int[] {0, 0, 0, 1}, new int[] {0, 0, 1, 1}), 1e-15);
    }
}
