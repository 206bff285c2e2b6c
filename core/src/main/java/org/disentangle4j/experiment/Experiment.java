package org.disentangle4j.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A built-in experiment that is a sweep, declared as a method is: its name, what it is (the
 * {@code experiment NAME --help} text), its default seeds and steps, what a seed is repeated for,
 * the options of its own beyond {@code --seeds}, {@code --steps} and {@code --out}, and its
 * {@link Design}: the grid, the table's lines and the files it writes. Each declaration stands
 * beside its experiment's class; {@link Experiments} registers them, and the command line serves
 * each as {@code experiment NAME}.
 *
 * @param description the lines of its help text, as printed (at most 80 columns each)
 * @param seedsPer what seeds 0..N-1 are run for, as {@code --seeds} says: "model", "setting", …
 */
public record Experiment(String name, List<String> description, int defaultSeeds, long defaultSteps, String seedsPer,
        List<Option> options, Design design, List<Budget> budgets) {
    /** The budget of the declared default seeds and steps. */
    public static final String DEFAULT_BUDGET = "default";
    /** A smoke run of a few minutes. */
    public static final String QUICK = "quick";
    /** The reference's steps and at least 5 seeds. */
    public static final String PAPER = "paper";

    public Experiment {
        description = List.copyOf(description);
        options = List.copyOf(options);
        budgets = List.copyOf(budgets);
    }

    /** An experiment with only its default budget (add the others with {@link #withBudgets}). */
    public Experiment(String name, List<String> description, int defaultSeeds, long defaultSteps, String seedsPer, List<Option> options,
            Design design) {
        this(name, description, defaultSeeds, defaultSteps, seedsPer, options, design, List.of());
    }

    /**
     * A named budget: seeds 0..seeds−1 of {@code steps} each.
     *
     * @param source where its numbers come from (the reference's steps and runs, or why not)
     */
    public record Budget(String name, int seeds, long steps, String source) {
        /** e.g. "paper: 10 seeds x 5,900 steps (the reference: …)" */
        public String describe() {
            return String.format(java.util.Locale.ROOT, "%s: %d seed%s x %,d steps%s", name, seeds, seeds == 1 ? "" : "s", steps,
                    source.isEmpty() ? "" : " (" + source + ")");
        }
    }

    /** This experiment with a quick and a paper budget beside its default. */
    public Experiment withBudgets(int quickSeeds, long quickSteps, int paperSeeds, long paperSteps, String paperSource) {
        if (paperSeeds < 5) throw new IllegalArgumentException("a paper budget has at least 5 seeds, got " + paperSeeds);
        return new Experiment(name, description, defaultSeeds, defaultSteps, seedsPer, options, design,
                List.of(new Budget(QUICK, quickSeeds, quickSteps, "a smoke run"), new Budget(PAPER, paperSeeds, paperSteps, paperSource)));
    }

    /** Every budget: quick, the default, paper (those declared). */
    public List<Budget> allBudgets() {
        List<Budget> all = new java.util.ArrayList<>();
        budgets.stream().filter(b -> b.name().equals(QUICK)).forEach(all::add);
        all.add(new Budget(DEFAULT_BUDGET, defaultSeeds, defaultSteps, ""));
        budgets.stream().filter(b -> !b.name().equals(QUICK)).forEach(all::add);
        return all;
    }

    /** The budget of this name; a name it does not have is a one-line error listing those it has. */
    public Budget budget(String budgetName) {
        return allBudgets().stream().filter(b -> b.name().equals(budgetName)).findFirst().orElseThrow(() ->
                new org.disentangle4j.io.UserInputException("--budget must be one of "
                        + String.join(", ", allBudgets().stream().map(Budget::name).toList()) + ", got '" + budgetName + "'"));
    }

    /** An option of the experiment's own, {@code --NAME VALUE}, a string its design reads from the {@link Settings}. */
    public record Option(String name, String paramLabel, String description, String defaultValue) {}

    /** What one invocation asked for: seeds, steps and the value of each of the experiment's own options. */
    public record Settings(int seeds, long steps, Map<String, String> options) {
        public Settings {
            options = Map.copyOf(options);
        }

        /** The value of the experiment's own option {@code name} (given, or its default). */
        public String option(String name) {
            String value = options.get(name);
            if (value == null) throw new IllegalArgumentException("no option --" + name + " in " + options.keySet());
            return value;
        }
    }

    /** What the experiment computes from its settings: the runs, the table's lines, the table and its files. */
    public interface Design {
        /** Every run, validated: a bad setting is a {@link org.disentangle4j.io.UserInputException} naming the option. */
        SweepGrid grid(Settings settings);

        /** The table's lines, each the runs it summarises. */
        List<ExperimentTable.Group> groups(Settings settings);

        ExperimentTable table();

        /** Writes the experiment's files into {@code dir} (results.md, results.csv, runs.csv, …) after a sweep. */
        void write(Path dir, List<SweepResults.Row> rows, List<ExperimentTable.Summary> summaries, Settings settings, String wallTime)
                throws IOException;

        /** Whether the command prints results.md before the table: where the page holds results the table does not. */
        default boolean printsPage() {
            return false;
        }

        /**
         * The verdicts on the runs of one budget (what claims.md holds), for the claims curve over
         * budgets; empty where the claims cannot be judged from the rows alone.
         */
        default List<org.disentangle4j.experiment.verdict.ClaimVerdict> claims(List<SweepResults.Row> rows, Settings settings) {
            return List.of();
        }
    }

    /** A grid of seeds × steps. */
    @FunctionalInterface
    public interface SeededGrid {
        SweepGrid grid(int seeds, long steps);
    }

    /** The files of an experiment with seeds and steps only. */
    @FunctionalInterface
    public interface SeededWriter {
        void write(Path dir, List<SweepResults.Row> rows, List<ExperimentTable.Summary> summaries, int seeds, long steps, String wallTime)
                throws IOException;
    }

    /** The design of an experiment with no options of its own: its static grid, groups, writer and claims. */
    public record Seeded(ExperimentTable table, SeededGrid seededGrid, Supplier<List<ExperimentTable.Group>> seededGroups,
            SeededWriter writer, boolean printsPage,
            java.util.function.Function<List<SweepResults.Row>, List<org.disentangle4j.experiment.verdict.ClaimVerdict>> seededClaims)
            implements Design {
        public Seeded(ExperimentTable table, SeededGrid grid, Supplier<List<ExperimentTable.Group>> groups, SeededWriter writer) {
            this(table, grid, groups, writer, false);
        }

        public Seeded(ExperimentTable table, SeededGrid grid, Supplier<List<ExperimentTable.Group>> groups, SeededWriter writer,
                boolean printsPage) {
            this(table, grid, groups, writer, printsPage, rows -> List.of());
        }

        /** This design with its verdicts computed from a budget's rows. */
        public Seeded withClaims(java.util.function.Function<List<SweepResults.Row>, List<org.disentangle4j.experiment.verdict.ClaimVerdict>> claims) {
            return new Seeded(table, seededGrid, seededGroups, writer, printsPage, claims);
        }

        @Override
        public List<org.disentangle4j.experiment.verdict.ClaimVerdict> claims(List<SweepResults.Row> rows, Settings settings) {
            return seededClaims.apply(rows);
        }

        @Override
        public SweepGrid grid(Settings settings) {
            return seededGrid.grid(settings.seeds(), settings.steps());
        }

        @Override
        public List<ExperimentTable.Group> groups(Settings settings) {
            return seededGroups.get();
        }

        @Override
        public void write(Path dir, List<SweepResults.Row> rows, List<ExperimentTable.Summary> summaries, Settings settings, String wallTime)
                throws IOException {
            writer.write(dir, rows, summaries, settings.seeds(), settings.steps(), wallTime);
        }
    }

    /** The settings of a run of the defaults: default seeds, steps and options. */
    public Settings defaults() {
        return new Settings(defaultSeeds, defaultSteps,
                options.stream().collect(java.util.stream.Collectors.toMap(Option::name, Option::defaultValue)));
    }
}
