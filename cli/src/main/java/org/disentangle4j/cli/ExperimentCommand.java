package org.disentangle4j.cli;

import java.util.concurrent.Callable;
import org.disentangle4j.experiment.Experiment;
import org.disentangle4j.experiment.Experiments;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code disentangle experiment NAME}: built-in experiments that reproduce a method's claim. Each
 * sweep registered in {@link Experiments} is a {@link SweepExperimentCommand} added by
 * {@link #addDeclared}; {@code im-toy}, which is no sweep, is a command of its own.
 */
@Command(
        name = "experiment",
        mixinStandardHelpOptions = true,
        description = {"Built-in experiments: a fixed grid of runs that reproduces a method's claim, with its table."},
        subcommands = {ImToyExperimentCommand.class})
public final class ExperimentCommand implements Callable<Integer> {
    /** The declared experiment that {@code im-toy} is listed before: both are issue 15's. */
    private static final String IM_TOY_BEFORE = "im-extrapolation";

    @Spec
    CommandSpec spec;

    /** Adds a subcommand per registered experiment to {@code experiment}, in the registry's order, {@code im-toy} among them. */
    static void addDeclared(CommandLine experiment) {
        CommandLine toy = experiment.getCommandSpec().removeSubcommand("im-toy");
        for (Experiment e : Experiments.all()) {
            if (e.name().equals(IM_TOY_BEFORE)) experiment.addSubcommand(toy);
            experiment.addSubcommand(e.name(), SweepExperimentCommand.commandLine(e));
        }
        if (!experiment.getSubcommands().containsKey("im-toy")) experiment.addSubcommand(toy);
    }

    @Override
    public Integer call() {
        return CommandGroups.missingSubcommand(spec);
    }
}
