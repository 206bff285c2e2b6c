package org.disentangle4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code disentangle experiment NAME}: built-in experiments that reproduce a method's claim. */
@Command(
        name = "experiment",
        mixinStandardHelpOptions = true,
        description = {"Built-in experiments: a fixed grid of runs that reproduces a method's claim, with its table."},
        subcommands = {AdditiveExperimentCommand.class, MeanTcExperimentCommand.class, CfaslExperimentCommand.class,
            ImToyExperimentCommand.class, ImExtrapolationExperimentCommand.class, CdgExperimentCommand.class})
public final class ExperimentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return CommandGroups.missingSubcommand(spec);
    }
}
