package org.disentangle4j.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A method's hyper-parameter, declared beside the method's code: its name, its paper default,
 * what it means, the values a run may use and the grid of the method's study. The command line
 * exposes it as {@code --name}; {@code models}, {@code --help} and the sweep grid's validation read
 * the declaration. A method reads its value with {@link ModelSpec#value} or {@link ModelSpec#count}.
 *
 * <p>A default may be relative to another hyper-parameter of the same method
 * ({@code relativeTo}): then the default is {@code defaultValue × value of relativeTo}, e.g.
 * DIP-VAE-I's λ_d = 10·λ_od follows λ_od when only {@code --lambda-od} is given.
 *
 * @param relativeTo the hyper-parameter the default is a multiple of, or null for a plain default
 * @param range the values a run may use; anything else is refused before training
 * @param grid the values of the method's study (disentanglement_lib's sweep, the paper's table); empty when it has none
 */
public record HyperParameter(String name, double defaultValue, String description, String relativeTo, Range range, List<Double> grid) {

    public HyperParameter {
        grid = List.copyOf(grid);
    }

    /**
     * The values a hyper-parameter may take: at least (or above) {@code min}, at most {@code max},
     * whole numbers only when {@code integer}.
     */
    public record Range(double min, boolean minInclusive, double max, boolean integer) {
        /** A weight of a loss term: 0 switches it off, a negative one would reward what it penalises. */
        public static final Range WEIGHT = new Range(0, true, Double.POSITIVE_INFINITY, false);
        /** A positive amount (a capacity, a length of a schedule). */
        public static final Range POSITIVE = new Range(0, false, Double.POSITIVE_INFINITY, false);
        /** A count: a whole number ≥ 1. */
        public static final Range COUNT = new Range(1, true, Double.POSITIVE_INFINITY, true);

        public static Range atLeast(double min) {
            return new Range(min, true, Double.POSITIVE_INFINITY, false);
        }

        public boolean contains(double v) {
            if (Double.isNaN(v) || v > max) return false;
            if (minInclusive ? v < min : v <= min) return false;
            return !integer || v == Math.rint(v);
        }

        /** What the range asks for, as people say it: "≥ 0", "> 0", "a whole number ≥ 1". */
        public String text() {
            String lower = (minInclusive ? "≥ " : "> ") + format(min);
            String upper = Double.isInfinite(max) ? "" : " and ≤ " + format(max);
            return (integer ? "a whole number " : "") + lower + upper;
        }
    }

    /** A hyper-parameter with a plain numeric default. */
    public HyperParameter(String name, double defaultValue, String description, Range range) {
        this(name, defaultValue, description, null, range, List.of());
    }

    /** The same hyper-parameter with the study's grid. */
    public HyperParameter withGrid(double... values) {
        return new HyperParameter(name, defaultValue, description, relativeTo, range,
                java.util.Arrays.stream(values).boxed().toList());
    }

    /** The description with the study's grid, as {@code models} and {@code --help} show it. */
    public String help() {
        if (grid.isEmpty()) return description;
        return description + " (study grid " + grid.stream().map(HyperParameter::format).collect(Collectors.joining(", ")) + ")";
    }

    /** The violation of {@code value}, as one line naming the option; null when it is in range. */
    public String violation(double value) {
        if (range.contains(value)) return null;
        return "--" + name + " must be " + range.text() + ", got " + format(value);
    }

    /** A value as people write it: whole numbers without a decimal point, others in plain notation (1e-4 → 0.0001). */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A hyper-parameter whose default is {@code factor} times another one's value. */
    public static HyperParameter relative(String name, double factor, String relativeTo, String description, Range range) {
        return new HyperParameter(name, factor, description, relativeTo, range, List.of());
    }

    /** The default as people read it: "4", "0.0001" or "10·lambda-od". */
    public String defaultText() {
        String number = format(defaultValue);
        if (relativeTo == null) return number;
        return (defaultValue == 1 ? "" : number + "·") + relativeTo;
    }
}
