package org.disentangle4j.experiment.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TTestTest {

    @Test
    void welchByHand() {
        // A = 1, 2, 3: mean 2, s² = 1, s²/n = 1/3. B = 2, 4, 6, 8: mean 5, s² = 20/3, s²/n = 5/3.
        // t = (2 − 5)/√(1/3 + 5/3) = −3/√2; ν = 2² / ((1/3)²/2 + (5/3)²/3) = 4 / (1/18 + 25/27) = 216/53
        TTest welch = TTest.welch(new double[] {1, 2, 3}, new double[] {2, 4, 6, 8});
        assertEquals(TTest.WELCH, welch.name());
        assertEquals(-3 / Math.sqrt(2), welch.t(), 1e-14);
        assertEquals(216.0 / 53, welch.degreesOfFreedom(), 1e-13);
        // from scipy 1.17: scipy.stats.ttest_ind([1,2,3], [2,4,6,8], equal_var=False).pvalue
        assertEquals(0.09991286431180087, welch.p(), 1e-12);
    }

    @Test
    void welchMatchesScipy() {
        // from scipy 1.17: scipy.stats.ttest_ind(a, b, equal_var=False) → statistic, pvalue, df
        TTest small = TTest.welch(new double[] {0.31, 0.27, 0.35, 0.29, 0.33}, new double[] {0.22, 0.25, 0.19, 0.26, 0.21});
        assertEquals(4.390750337310261, small.t(), 1e-12);
        assertEquals(7.931553081887621, small.degreesOfFreedom(), 1e-12);
        assertEquals(0.002363640872535026, small.p(), 1e-14);

        TTest unequal = TTest.welch(new double[] {1.2, 3.4, 2.2, 5.1}, new double[] {0.9, 1.1, 1.0, 1.3, 0.8, 1.2});
        assertEquals(2.284889941080959, unequal.t(), 1e-12);
        assertEquals(3.0497991988412383, unequal.degreesOfFreedom(), 1e-12);
        assertEquals(0.10501434166327979, unequal.p(), 1e-12);

        TTest near = TTest.welch(new double[] {0.3, 0.5, 0.2}, new double[] {0.4, 0.3, 0.35});
        assertEquals(-0.17960530202677427, near.t(), 1e-12);
        assertEquals(2.4237074401008836, near.degreesOfFreedom(), 1e-12);
        assertEquals(0.8713899890934921, near.p(), 1e-12);
    }

    @Test
    void welchWithOneConstantGroupHasTheOtherGroupsDegreesOfFreedom() {
        // A = 5, 5, 5 (no spread); B = 1, 2, 3: s²/n = 1/3. t = 3/√(1/3) = 3√3, ν = n_B − 1 = 2,
        // so p has ν = 2's closed form 1 − t/√(2 + t²)
        TTest welch = TTest.welch(new double[] {5, 5, 5}, new double[] {1, 2, 3});
        double t = 3 * Math.sqrt(3);
        assertEquals(t, welch.t(), 1e-13);
        assertEquals(2, welch.degreesOfFreedom(), 1e-13);
        assertEquals(1 - t / Math.sqrt(2 + t * t), welch.p(), 1e-13);
    }

    @Test
    void welchWithoutAnySpread() {
        // 0.1 three times: a naive mean would be 0.10000000000000002 and the spread 1e-35, not 0
        TTest differ = TTest.welch(new double[] {0.1, 0.1, 0.1}, new double[] {0.3, 0.3});
        assertEquals(Double.NEGATIVE_INFINITY, differ.t());
        assertEquals(0, differ.p());
        assertTrue(Double.isNaN(differ.degreesOfFreedom()));
        TTest same = TTest.welch(new double[] {0.1, 0.1, 0.1}, new double[] {0.1, 0.1});
        assertTrue(Double.isNaN(same.t()));
        assertFalse(same.ran());
    }

    @Test
    void pairedByHand() {
        // differences (1−0, 3−1, 5−2) = 1, 2, 3: mean 2, SD 1, t = 2/(1/√3) = 2√3, ν = 2,
        // p = 1 − t/√(2 + t²) = 1 − 2√3/√14
        TTest paired = TTest.paired(new double[] {1, 3, 5}, new double[] {0, 1, 2});
        assertEquals(TTest.PAIRED, paired.name());
        assertEquals(2 * Math.sqrt(3), paired.t(), 1e-14);
        assertEquals(2, paired.degreesOfFreedom());
        assertEquals(1 - 2 * Math.sqrt(3) / Math.sqrt(14), paired.p(), 1e-14);
        // the same from scipy 1.17: scipy.stats.ttest_rel([1,3,5], [0,1,2]).pvalue
        assertEquals(0.07417990022744854, paired.p(), 1e-14);
    }

    @Test
    void pairedMatchesScipyWhereWelchSeesNothing() {
        double[] a = {0.52, 0.48, 0.61, 0.55, 0.50};
        double[] b = {0.47, 0.49, 0.55, 0.50, 0.46};
        // from scipy 1.17: scipy.stats.ttest_rel(a, b) → 3.062127263296445, 0.037580388613033304, df 4
        TTest paired = TTest.paired(a, b);
        assertEquals(3.062127263296445, paired.t(), 1e-12);
        assertEquals(4, paired.degreesOfFreedom());
        assertEquals(0.037580388613033304, paired.p(), 1e-13);
        // from scipy 1.17: ttest_ind(a, b, equal_var=False).pvalue: ignoring the pairing hides the difference
        assertEquals(0.2098585836026311, TTest.welch(a, b).p(), 1e-12);
    }

    @Test
    void pairedWithAConstantDifference() {
        TTest constant = TTest.paired(new double[] {1, 2, 3}, new double[] {0, 1, 2});
        assertEquals(Double.POSITIVE_INFINITY, constant.t());
        assertEquals(0, constant.p());
        assertEquals(2, constant.degreesOfFreedom());
        assertTrue(Double.isNaN(TTest.paired(new double[] {1, 2, 3}, new double[] {1, 2, 3}).t()));
    }

    @Test
    void refusesTooFewValues() {
        assertThrows(IllegalArgumentException.class, () -> TTest.welch(new double[] {1}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> TTest.welch(new double[] {1, 2}, new double[] {}));
        assertThrows(IllegalArgumentException.class, () -> TTest.paired(new double[] {1}, new double[] {2}));
        assertThrows(IllegalArgumentException.class, () -> TTest.paired(new double[] {1, 2}, new double[] {1, 2, 3}));
    }
}
