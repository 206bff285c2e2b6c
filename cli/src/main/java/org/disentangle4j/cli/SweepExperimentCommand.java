package org.disentangle4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.disentangle4j.experiment.ClaimsOverBudgets;
import org.disentangle4j.experiment.verdict.ClaimsCurve;
import java.util.Map;
import java.util.concurrent.Callable;
import org.disentangle4j.experiment.Experiment;
import org.disentangle4j.experiment.SweepGrid;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code disentangle experiment NAME} for every declared {@link Experiment}: its help text from the
 * declaration, then {@code --seeds}, {@code --steps}, the experiment's own options, {@code --out}
 * (default runs/experiment-NAME) and {@link ExperimentRunOptions}' {@code --parallel} and
 * {@code --dry-run}. Built programmatically, one instance per declaration ({@link #commandLine}).
 */
final class SweepExperimentCommand implements Callable<Integer> {
    private final Experiment experiment;
    private final ExperimentRunOptions runner = new ExperimentRunOptions();
    private final CommandSpec spec;

    private SweepExperimentCommand(Experiment experiment) {
        this.experiment = experiment;
        this.spec = CommandSpec.wrapWithoutInspection(this);
        spec.name(experiment.name());
        spec.usageMessage().description(experiment.description().toArray(String[]::new)).sortOptions(false);
        List<String> budgets = new java.util.ArrayList<>(List.of("seeds and steps of a named budget (default ${DEFAULT-VALUE}):"));
        for (Experiment.Budget b : experiment.allBudgets()) budgets.add("  " + b.describe());
        spec.addOption(option("--budget", "NAME", String.join("%n", budgets), String.class, Experiment.DEFAULT_BUDGET));
        spec.addOption(option("--seeds", "N", "seeds 0..N-1 per " + experiment.seedsPer() + "; default the budget's ("
                + experiment.defaultSeeds() + " by default)", Integer.class, null));
        spec.addOption(option("--steps", "S", "training steps per run; default the budget's (" + experiment.defaultSteps() + " by default)",
                Long.class, null));
        for (Experiment.Option o : experiment.options()) {
            spec.addOption(option("--" + o.name(), o.paramLabel(), o.description(), String.class, o.defaultValue()));
        }
        spec.addOption(option("--out", "DIR", "directory of the runs and tables; default ${DEFAULT-VALUE}", Path.class,
                Path.of("runs", "experiment-" + experiment.name()).toString()));
        spec.addMixin("runner", CommandSpec.forAnnotatedObject(runner));
        spec.mixinStandardHelpOptions(true);
    }

    /** The subcommand of {@code experiment} that serves {@code experiment}. */
    static CommandLine commandLine(Experiment experiment) {
        return new CommandLine(new SweepExperimentCommand(experiment).spec);
    }

    private static OptionSpec option(String name, String paramLabel, String description, Class<?> type, String defaultValue) {
        return OptionSpec.builder(name).paramLabel(paramLabel).description(description).type(type).defaultValue(defaultValue).build();
    }

    private <T> T value(String name) {
        return spec.findOption(name).getValue();
    }

    @Override
    public Integer call() throws Exception {
        Map<String, String> own = new LinkedHashMap<>();
        for (Experiment.Option o : experiment.options()) own.put(o.name(), value("--" + o.name()));
        Experiment.Budget budget = experiment.budget(value("--budget"));
        Integer seeds = value("--seeds");
        Long steps = value("--steps");
        Experiment.Settings settings = new Experiment.Settings(seeds != null ? seeds : budget.seeds(), steps != null ? steps : budget.steps(), own);
        Experiment.Design design = experiment.design();
        SweepGrid grid = design.grid(settings);
        return runner.run(spec, grid, value("--out"), design.table(), design.groups(settings), (dir, rows, summaries, wall) -> {
            design.write(dir, rows, summaries, settings, wall);
            if (ClaimsOverBudgets.writeCurve(dir, design, settings)) {
                System.out.println("claims against training steps, over the budgets in " + dir + ": " + dir.resolve(ClaimsCurve.FILE));
            }
            if (design.printsPage()) {
                System.out.println();
                System.out.print(Files.readString(dir.resolve("results.md")));
            }
        });
    }
}
