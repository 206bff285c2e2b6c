package org.disentangle4j.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.disentangle4j.io.UserInputException;

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
 * @param choices the names a categorical hyper-parameter may take ({@link #choice}); empty for a numeric one
 *
 * <p>A categorical hyper-parameter ({@code --base vae|beta-vae}) is carried like a numeric one,
 * as the index of its value in {@code choices} (in {@link ModelSpec}, config.json and a sweep's
 * run records), so that everything that stores, compares or refuses numbers handles it unchanged;
 * the command line, the sweep grid, {@code models} and {@code --help} read and show the names, and
 * a method reads the name with {@link ModelSpec#choice}. Choices are therefore only ever appended,
 * never reordered, so that a saved run keeps its meaning.
 */
public record HyperParameter(String name, double defaultValue, String description, String relativeTo, Range range, List<Double> grid,
        List<String> choices) {

    public HyperParameter {
        grid = List.copyOf(grid);
        choices = List.copyOf(choices);
    }

    /** A numeric hyper-parameter. */
    public HyperParameter(String name, double defaultValue, String description, String relativeTo, Range range, List<Double> grid) {
        this(name, defaultValue, description, relativeTo, range, grid, List.of());
    }

    /**
     * A categorical hyper-parameter: one of {@code choices}, {@code defaultChoice} by default.
     * Its study grid, if any, is given by {@link #withGrid} as indices into {@code choices}.
     */
    public static HyperParameter choice(String name, String defaultChoice, String description, String... choices) {
        List<String> list = List.of(choices);
        int index = list.indexOf(defaultChoice);
        if (index < 0) throw new IllegalArgumentException("--" + name + ": default '" + defaultChoice + "' is not one of " + list);
        if (new java.util.HashSet<>(list).size() != list.size()) throw new IllegalArgumentException("--" + name + ": a choice is listed twice");
        return new HyperParameter(name, index, description, null, new Range(0, true, list.size() - 1, true), List.of(), list);
    }

    /** Whether the values are names ({@link #choice}) rather than numbers. */
    public boolean categorical() {
        return !choices.isEmpty();
    }

    /**
     * The value written on a command line or in a sweep grid, as the number the run carries:
     * a choice's index, or the number. Anything else is refused with one line naming the option.
     */
    public double parse(String text) {
        if (categorical()) {
            int index = choices.indexOf(text);
            if (index < 0) throw new UserInputException("--" + name + " must be one of " + String.join(", ", choices) + ", got '" + text + "'");
            return index;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new UserInputException("--" + name + " must be a number, got '" + text + "'");
        }
    }

    /** A value as people write it: the choice's name for a categorical hyper-parameter, else {@link #format}. */
    public String text(double value) {
        if (categorical() && range.contains(value)) return choices.get((int) value);
        return format(value);
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
                java.util.Arrays.stream(values).boxed().toList(), choices);
    }

    /** The description with the study's grid, as {@code models} and {@code --help} show it. */
    public String help() {
        String text = categorical() ? description + " (one of " + String.join(", ", choices) + ")" : description;
        if (grid.isEmpty()) return text;
        return text + " (study grid " + grid.stream().map(this::text).collect(Collectors.joining(", ")) + ")";
    }

    /** The violation of {@code value}, as one line naming the option; null when it is in range. */
    public String violation(double value) {
        if (range.contains(value)) return null;
        if (categorical()) return "--" + name + " must be one of " + String.join(", ", choices) + ", got " + format(value);
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
        if (categorical()) return choices.get((int) defaultValue);
        String number = format(defaultValue);
        if (relativeTo == null) return number;
        return (defaultValue == 1 ? "" : number + "·") + relativeTo;
    }
}
