package org.disentangle4j.experiment.verdict;

import java.util.Objects;

/**
 * A paper's claim that one group of runs scores higher (or lower) than another on a metric.
 *
 * @param id short name used in the report, e.g. {@code meantc-mig}
 * @param statement the paper's claim in words
 * @param metric what is measured per seed, e.g. {@code mig.score}
 * @param groupA label of group A, e.g. {@code beta-tcvae}
 * @param groupB label of group B, e.g. {@code beta-vae}
 * @param expected the direction the paper expects between A and B
 * @param paperA the paper's number for group A, or null when it gives none
 * @param paperB the paper's number for group B, or null when it gives none
 * @param pairedBySeed whether run i of A and run i of B share a seed (and so data order,
 *     initialisation…), making the paired t-test over per-seed differences the right test
 */
public record Claim(String id, String statement, String metric, String groupA, String groupB, Direction expected,
        Double paperA, Double paperB, boolean pairedBySeed) {

    /** The order of A and B the claim expects. */
    public enum Direction {
        A_GREATER_THAN_B(1, ">", "higher"),
        A_LESS_THAN_B(-1, "<", "lower");

        private final int sign;
        private final String symbol;
        private final String word;

        Direction(int sign, String symbol, String word) {
            this.sign = sign;
            this.symbol = symbol;
            this.word = word;
        }

        /** The sign A − B has when the claim holds: +1 or −1. */
        public int sign() {
            return sign;
        }

        /** {@code >} or {@code <}. */
        public String symbol() {
            return symbol;
        }

        /** {@code higher} or {@code lower}: what A is than B. */
        public String word() {
            return word;
        }
    }

    public Claim {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(groupA, "groupA");
        Objects.requireNonNull(groupB, "groupB");
        Objects.requireNonNull(expected, "expected");
        if (groupA.equals(groupB)) throw new IllegalArgumentException("claim " + id + " compares " + groupA + " with itself");
    }

    /** The expectation in the groups' names, e.g. {@code beta-tcvae > beta-vae}. */
    public String expectation() {
        return groupA + " " + expected.symbol() + " " + groupB;
    }
}
