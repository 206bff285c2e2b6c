package org.disentangle4j.experiment.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disentangle4j.experiment.verdict.Claim.Direction;
import org.junit.jupiter.api.Test;

class ClaimVerdictTest {
    static final double[] HIGH = {0.31, 0.27, 0.35, 0.29, 0.33};
    static final double[] LOW = {0.22, 0.25, 0.19, 0.26, 0.21};

    static Claim claim(Direction expected, boolean paired) {
        return new Claim("c1", "A beats B", "mig", "A", "B", expected, null, null, paired);
    }

    /** values[i] at seed i. */
    static Map<Long, Double> bySeed(double... values) {
        Map<Long, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) m.put((long) i, values[i]);
        return m;
    }

    static void assertNoDirection(String reading) {
        assertFalse(reading.contains("higher") || reading.contains("lower"), reading);
    }

    @Test
    void holdsWhenSignificantTheExpectedWay() {
        ClaimVerdict v = ClaimVerdict.judge(claim(Direction.A_GREATER_THAN_B, false), bySeed(HIGH), bySeed(LOW));
        assertEquals(Verdict.HOLDS, v.verdict());
        // Welch's test, from scipy 1.17 (see TTestTest)
        assertEquals(TTest.WELCH, v.test().name());
        assertEquals(0.002363640872535026, v.test().p(), 1e-14);
        assertEquals(5, v.a().n());
        assertEquals(0.31, v.a().mean(), 1e-14);
        assertEquals(0.226, v.b().mean(), 1e-14);
        // from scipy 1.17: scipy.stats.sem
        assertEquals(0.014142135623730945, v.a().standardError(), 1e-15);
        assertEquals(0.012884098726725126, v.b().standardError(), 1e-15);
        assertEquals(Effect.COHENS_D, v.effect().standardisedName());
        assertEquals("", v.note());
        assertEquals("Across these seeds A has a higher mig than B (p = 0.00236), as the claim expects.", v.reading());
    }

    @Test
    void holdsForAnExpectedDecreaseToo() {
        ClaimVerdict v = ClaimVerdict.judge(claim(Direction.A_LESS_THAN_B, false), bySeed(LOW), bySeed(HIGH));
        assertEquals(Verdict.HOLDS, v.verdict());
        assertTrue(v.reading().contains("A has a lower mig than B"), v.reading());
    }

    @Test
    void againstWhenSignificantTheOtherWay() {
        ClaimVerdict v = ClaimVerdict.judge(claim(Direction.A_LESS_THAN_B, false), bySeed(HIGH), bySeed(LOW));
        assertEquals(Verdict.AGAINST, v.verdict());
        assertEquals("Across these seeds A has a higher mig than B (p = 0.00236), the opposite of what the claim expects.", v.reading());
    }

    @Test
    void inconclusiveWhenNotSignificant() {
        // scipy 1.17: Welch p = 0.8713899890934921
        ClaimVerdict v = ClaimVerdict.judge(claim(Direction.A_GREATER_THAN_B, false), bySeed(0.3, 0.5, 0.2), bySeed(0.4, 0.3, 0.35));
        assertEquals(Verdict.INCONCLUSIVE, v.verdict());
        assertEquals(0.8713899890934921, v.test().p(), 1e-12);
        assertNoDirection(v.reading());
        assertTrue(v.reading().contains("not significant"), v.reading());
    }

    @Test
    void justAboveAlphaIsInconclusiveAndJustBelowHolds() {
        // paired, differences 1, 2, 3 → p = 0.0742 (ν = 2 closed form); differences 1, 1.1, 1.2 → p far below 0.05
        ClaimVerdict above = ClaimVerdict.judge(claim(Direction.A_GREATER_THAN_B, true), bySeed(1, 3, 5), bySeed(0, 1, 2));
        assertEquals(Verdict.INCONCLUSIVE, above.verdict());
        ClaimVerdict below = ClaimVerdict.judge(claim(Direction.A_GREATER_THAN_B, true), bySeed(1, 2.1, 3.2), bySeed(0, 1, 2));
        assertTrue(below.test().p() < 0.05);
        assertEquals(Verdict.HOLDS, below.verdict());
    }

    @Test
    void oneSeedIsInconclusiveHoweverLargeTheDifference() {
        ClaimVerdict v = ClaimVerdict.judge(claim(Direction.A_GREATER_THAN_B, false), bySeed(100), bySeed(1, 2, 3));
        assertEquals(Verdict.INCONCLUSIVE, v.verdict());
        assertFalse(v.test().ran());
        assertEquals(TTest.WELCH, v.test().name());
        assertEquals("fewer than two seeds in A (n = 1): no test", v.note());
        assertEquals(98, v.effect().difference(), 1e-12); // still reported
        assertTrue(Double.isNaN(v.a().standardError()));
        assertNoDirection(v.reading());
        assertTrue(v.reading().startsWith("Too few seeds to test (A: 1, B: 3)"), v.reading());

        ClaimVerdict none = ClaimVerdict.judge(claim(Direction.A_GREATER_THAN_B, false), Map.of(), bySeed(1));
        assertEquals(Verdict.INCONCLUSIVE, none.verdict());
        assertEquals("fewer than two seeds in A (n = 0) and B (n = 1): no test", none.note());
    }

    @Test
    void noSpreadAndEqualMeansIsInconclusive() {
        ClaimVerdict v = ClaimVerdict.judge(claim(Direction.A_GREATER_THAN_B, false), bySeed(0.5, 0.5, 0.5), bySeed(0.5, 0.5));
        assertEquals(Verdict.INCONCLUSIVE, v.verdict());
        assertTrue(v.note().contains("same value"), v.note());
        assertNoDirection(v.reading());
    }

    @Test
    void noSpreadAndDifferentMeansFollowsTheSignOnlyWhereAnExactTestCouldReachAlpha() {
        // t = +∞, p = 0 formally; the exact permutation floor 1/C(5, 2) = 0.1, two-sided 0.2 ≥ α: inconclusive
        ClaimVerdict v = ClaimVerdict.judge(claim(Direction.A_GREATER_THAN_B, false), bySeed(0.6, 0.6), bySeed(0.5, 0.5, 0.5));
        assertEquals(Verdict.INCONCLUSIVE, v.verdict());
        assertEquals(0, v.test().p());
        assertEquals(Double.POSITIVE_INFINITY, v.test().t());
        assertTrue(v.note().contains("neither group varies") && v.note().contains("1/C(5, 2) = 0.100")
                && v.note().contains("inconclusive at this many seeds"), v.note());
        assertNoDirection(v.reading());
        // 5 + 5 seeds: 1/C(10, 5) = 1/252, two-sided 0.0079 < α: the sign decides
        ClaimVerdict five = ClaimVerdict.judge(claim(Direction.A_GREATER_THAN_B, false), bySeed(0.6, 0.6, 0.6, 0.6, 0.6),
                bySeed(0.5, 0.5, 0.5, 0.5, 0.5));
        assertEquals(Verdict.HOLDS, five.verdict());
        assertTrue(five.note().contains("1/C(10, 5)") && !five.note().contains("inconclusive"), five.note());
        ClaimVerdict opposite = ClaimVerdict.judge(claim(Direction.A_LESS_THAN_B, false), bySeed(0.6, 0.6, 0.6, 0.6, 0.6),
                bySeed(0.5, 0.5, 0.5, 0.5, 0.5));
        assertEquals(Verdict.AGAINST, opposite.verdict());
        // with one seed in a group it stays inconclusive
        ClaimVerdict single = ClaimVerdict.judge(claim(Direction.A_GREATER_THAN_B, false), bySeed(0.6), bySeed(0.5, 0.5, 0.5));
        assertEquals(Verdict.INCONCLUSIVE, single.verdict());
    }

    @Test
    void pairedUsesTheSharedSeedsAndNamesTheRest() {
        // A at seeds 0–3, B at seeds 1–4; shared 1, 2, 3 give A = 1, 3, 5 and B = 0, 1, 2 (the paired example by hand)
        Map<Long, Double> a = Map.of(0L, 9.0, 1L, 1.0, 2L, 3.0, 3L, 5.0);
        Map<Long, Double> b = new HashMap<>(Map.of(1L, 0.0, 2L, 1.0, 3L, 2.0, 4L, -9.0));
        ClaimVerdict v = ClaimVerdict.judge(claim(Direction.A_GREATER_THAN_B, true), a, b);
        assertEquals(TTest.PAIRED, v.test().name());
        assertEquals(List.of(1L, 2L, 3L), List.copyOf(v.a().valuesBySeed().keySet()));
        assertEquals(List.of(1L, 2L, 3L), List.copyOf(v.b().valuesBySeed().keySet()));
        assertEquals(2 * Math.sqrt(3), v.test().t(), 1e-14);
        assertEquals(0.07417990022744854, v.test().p(), 1e-14); // scipy 1.17 ttest_rel
        assertEquals(2, v.effect().standardised(), 1e-14); // d_z by hand
        assertEquals(Verdict.INCONCLUSIVE, v.verdict());
        assertEquals("paired by seed: seeds 0 of A and 4 of B have no partner and are left out", v.note());
    }

    @Test
    void pairedHoldsWhereWelchWouldNot() {
        // scipy 1.17: ttest_rel p = 0.0376 (Welch's on the same values: 0.210)
        ClaimVerdict v = ClaimVerdict.judge(claim(Direction.A_GREATER_THAN_B, true),
                bySeed(0.52, 0.48, 0.61, 0.55, 0.50), bySeed(0.47, 0.49, 0.55, 0.50, 0.46));
        assertEquals(Verdict.HOLDS, v.verdict());
        assertEquals(0.037580388613033304, v.test().p(), 1e-13);
        assertEquals(Effect.D_Z, v.effect().standardisedName());
        ClaimVerdict unpaired = ClaimVerdict.judge(claim(Direction.A_GREATER_THAN_B, false),
                bySeed(0.52, 0.48, 0.61, 0.55, 0.50), bySeed(0.47, 0.49, 0.55, 0.50, 0.46));
        assertEquals(Verdict.INCONCLUSIVE, unpaired.verdict());
    }

    @Test
    void pairedEdgeCases() {
        ClaimVerdict oneShared = ClaimVerdict.judge(claim(Direction.A_GREATER_THAN_B, true), Map.of(0L, 1.0, 1L, 2.0), Map.of(1L, 0.0, 2L, 0.5));
        assertEquals(Verdict.INCONCLUSIVE, oneShared.verdict());
        assertFalse(oneShared.test().ran());
        assertEquals("paired by seed: seeds 0 of A and 2 of B have no partner and are left out; "
                + "fewer than two seeds shared by both groups (1): no test", oneShared.note());
        ClaimVerdict oneLeftOut = ClaimVerdict.judge(claim(Direction.A_GREATER_THAN_B, true), bySeed(1, 3, 5, 7), bySeed(0, 1, 2));
        assertEquals("paired by seed: seed 3 of A has no partner and is left out", oneLeftOut.note());

        // the same difference at every seed: t = +∞; the sign-flip floor is 1/2³, two-sided 0.25 ≥ α: inconclusive
        ClaimVerdict constant = ClaimVerdict.judge(claim(Direction.A_GREATER_THAN_B, true), bySeed(1, 2, 3), bySeed(0, 1, 2));
        assertEquals(Verdict.INCONCLUSIVE, constant.verdict());
        assertTrue(constant.note().contains("1/2^3 = 0.125"), constant.note());
        // six pairs: 1/2⁶, two-sided 0.031 < α: the sign decides
        ClaimVerdict six = ClaimVerdict.judge(claim(Direction.A_GREATER_THAN_B, true), bySeed(1, 2, 3, 4, 5, 6), bySeed(0, 1, 2, 3, 4, 5));
        assertEquals(Verdict.HOLDS, six.verdict());

        ClaimVerdict identical = ClaimVerdict.judge(claim(Direction.A_GREATER_THAN_B, true), bySeed(1, 2, 3), bySeed(1, 2, 3));
        assertEquals(Verdict.INCONCLUSIVE, identical.verdict());
        assertNoDirection(identical.reading());
    }

    @Test
    void rejectsNonFiniteValuesAndSelfComparison() {
        assertThrows(IllegalArgumentException.class,
                () -> ClaimVerdict.judge(claim(Direction.A_GREATER_THAN_B, false), bySeed(1, Double.NaN), bySeed(1, 2)));
        assertThrows(IllegalArgumentException.class,
                () -> ClaimVerdict.judge(claim(Direction.A_GREATER_THAN_B, false), bySeed(1, 2), bySeed(1, Double.POSITIVE_INFINITY)));
        assertThrows(IllegalArgumentException.class,
                () -> new Claim("x", "s", "m", "A", "A", Direction.A_GREATER_THAN_B, null, null, false));
    }
}
