package org.disentangle4j.experiment.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the seeds say about one claim: each group's mean ± standard error, the effect, the
 * t-test and the verdict, computed by {@link #judge}.
 *
 * <p>The verdict is {@link Verdict#HOLDS} when p &lt; {@link #ALPHA} and A − B has the sign
 * the claim expects, {@link Verdict#AGAINST} when p &lt; α and the sign is the opposite, and
 * {@link Verdict#INCONCLUSIVE} otherwise, including when a group has fewer than two seeds or no
 * group varies and the means are equal. When no group varies but the means differ, t is infinite
 * and p = 0 formally; the sign decides only if an exact test on these seeds could reach α
 * (two-sided 2/C(n_A + n_B, n_A), or 2/2ⁿ for n pairs), so two seeds a side never decide a claim.
 *
 * @param a group A as tested (for a paired claim, only the seeds B has too)
 * @param b group B as tested (for a paired claim, only the seeds A has too)
 * @param note why the test was not run, or what to keep in mind reading it; empty if nothing
 */
public record ClaimVerdict(Claim claim, GroupSummary a, GroupSummary b, Effect effect, TTest test, Verdict verdict, String note) {
    /** The significance level of every verdict. */
    public static final double ALPHA = 0.05;

    public ClaimVerdict {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(note, "note");
    }

    /**
     * Tests the claim on per-seed values of group A and group B (metric by seed). For a claim
     * {@linkplain Claim#pairedBySeed() paired by seed} the paired t-test runs over the seeds both
     * groups have (the others are left out, and the note says which); otherwise Welch's t-test
     * runs over all values.
     *
     * @throws IllegalArgumentException if a value is NaN or infinite
     */
    public static ClaimVerdict judge(Claim claim, Map<Long, Double> a, Map<Long, Double> b) {
        List<String> notes = new ArrayList<>();
        GroupSummary groupA = GroupSummary.of(claim.groupA(), a);
        GroupSummary groupB = GroupSummary.of(claim.groupB(), b);
        boolean paired = claim.pairedBySeed();
        if (paired) {
            String unmatched = unmatchedSeeds(groupA, groupB);
            if (!unmatched.isEmpty()) notes.add("paired by seed: " + unmatched);
            groupA = new GroupSummary(groupA.label(), shared(groupA, groupB));
            groupB = new GroupSummary(groupB.label(), shared(groupB, groupA));
        }
        double[] valuesA = groupA.values();
        double[] valuesB = groupB.values();
        Effect effect = paired ? Effect.pairedDz(valuesA, valuesB) : Effect.cohensD(valuesA, valuesB);

        if (groupA.n() < 2 || groupB.n() < 2) {
            notes.add(tooFewSeeds(groupA, groupB, paired));
            TTest notRun = TTest.notRun(paired ? TTest.PAIRED : TTest.WELCH);
            return new ClaimVerdict(claim, groupA, groupB, effect, notRun, Verdict.INCONCLUSIVE, String.join("; ", notes));
        }

        TTest test = paired ? TTest.paired(valuesA, valuesB) : TTest.welch(valuesA, valuesB);
        Verdict verdict = decide(claim.expected(), test);
        if (Double.isNaN(test.t())) {
            notes.add(paired ? "A and B give the same value at every seed: no difference to test"
                    : "every seed of both groups gives the same value: no difference to test");
        } else if (Double.isInfinite(test.t())) {
            // p = 0 is the t-test's formal answer; an exact test on these few seeds is the honest bound
            double oneSided = paired ? Math.pow(0.5, groupA.n()) : 1 / binomial(groupA.n() + groupB.n(), groupA.n());
            String bound = paired ? "1/2^" + groupA.n() : "1/C(" + (groupA.n() + groupB.n()) + ", " + groupA.n() + ")";
            boolean enough = 2 * oneSided < ALPHA;
            if (!enough) verdict = Verdict.INCONCLUSIVE;
            notes.add((paired
                    ? "the per-seed difference is the same at every seed, so t is infinite and p = 0 formally; an exact "
                            + "sign-flip test over " + groupA.n() + " pairs"
                    : "neither group varies across seeds, so t is infinite and p = 0 formally; an exact permutation test over "
                            + groupA.n() + " + " + groupB.n() + " seeds")
                    + " could not give a one-sided p below " + bound + " = " + Numbers.p(oneSided)
                    + (enough ? "" : ", so two-sided it cannot reach α = " + ALPHA + ": inconclusive at this many seeds"));
        }
        return new ClaimVerdict(claim, groupA, groupB, effect, test, verdict, String.join("; ", notes));
    }

    /** holds / against by the sign of t when p &lt; α, inconclusive otherwise (a NaN p compares false). */
    private static Verdict decide(Claim.Direction expected, TTest test) {
        if (!(test.p() < ALPHA)) return Verdict.INCONCLUSIVE;
        return (int) Math.signum(test.t()) == expected.sign() ? Verdict.HOLDS : Verdict.AGAINST;
    }

    /**
     * One plain sentence: the direction the seeds show and whether the claim expects it, or that
     * they show none. States a direction only for {@code holds} and {@code against}.
     */
    public String reading() {
        String p = "p = " + Numbers.p(test.p());
        String metric = claim.metric();
        return switch (verdict) {
            case HOLDS, AGAINST -> "Across these seeds " + a.label() + " has a " + (test.t() > 0 ? "higher " : "lower ") + metric
                    + " than " + b.label() + " (" + p + "), "
                    + (verdict == Verdict.HOLDS ? "as the claim expects." : "the opposite of what the claim expects.");
            case INCONCLUSIVE -> !test.ran()
                    ? (a.n() < 2 || b.n() < 2
                            ? "Too few seeds to test (" + a.label() + ": " + a.n() + ", " + b.label() + ": " + b.n() + "): "
                            : "Every seed gives both groups the same " + metric + ", so there is no difference to test: ")
                            + "the claim is neither supported nor contradicted."
                    : Double.isInfinite(test.t())
                            ? "Neither group varies across these seeds, and with so few of them even an exact test could not reach α = "
                                    + ALPHA + ": the claim is neither supported nor contradicted."
                            : "The difference in " + metric + " between " + a.label() + " and " + b.label() + " is not significant at α = "
                                    + ALPHA + " (" + p + "): the claim is neither supported nor contradicted.";
        };
    }

    /** e.g. "fewer than two seeds in beta-vae (n = 1): no test". */
    private static String tooFewSeeds(GroupSummary a, GroupSummary b, boolean paired) {
        if (paired) return "fewer than two seeds shared by both groups (" + a.n() + "): no test";
        List<String> tooFew = new ArrayList<>();
        for (GroupSummary g : List.of(a, b)) {
            if (g.n() < 2) tooFew.add(g.label() + " (n = " + g.n() + ")");
        }
        return "fewer than two seeds in " + String.join(" and ", tooFew) + ": no test";
    }

    /** The seeds of {@code from} that {@code other} has too, with {@code from}'s values. */
    private static SortedMap<Long, Double> shared(GroupSummary from, GroupSummary other) {
        SortedMap<Long, Double> kept = new TreeMap<>(from.valuesBySeed());
        kept.keySet().retainAll(other.valuesBySeed().keySet());
        return kept;
    }

    /** e.g. "seeds 3, 4 of A and 7 of B have no partner and are left out"; empty if every seed has a partner. */
    private static String unmatchedSeeds(GroupSummary a, GroupSummary b) {
        List<Long> onlyA = a.valuesBySeed().keySet().stream().filter(s -> !b.valuesBySeed().containsKey(s)).toList();
        List<Long> onlyB = b.valuesBySeed().keySet().stream().filter(s -> !a.valuesBySeed().containsKey(s)).toList();
        if (onlyA.isEmpty() && onlyB.isEmpty()) return "";
        List<String> parts = new ArrayList<>();
        if (!onlyA.isEmpty()) parts.add(join(onlyA) + " of " + a.label());
        if (!onlyB.isEmpty()) parts.add(join(onlyB) + " of " + b.label());
        boolean one = onlyA.size() + onlyB.size() == 1;
        return (one ? "seed " : "seeds ") + String.join(" and ", parts)
                + (one ? " has no partner and is left out" : " have no partner and are left out");
    }

    private static String join(List<Long> seeds) {
        return seeds.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** C(n, k) as a double: exact for any realistic number of seeds. */
    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) c = c * (n - k + i) / i;
        return c;
    }
}
