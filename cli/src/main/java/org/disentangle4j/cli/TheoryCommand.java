package org.disentangle4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code disentangle theory NAME}: closed-form results of a method's claim, checked by Monte-Carlo, without training. */
@Command(
        name = "theory",
        mixinStandardHelpOptions = true,
        description = {"Closed-form results behind a method's claim, checked against Monte-Carlo, with a figure; no training."},
        subcommands = {MeanTcTheoryCommand.class})
public final class TheoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return CommandGroups.missingSubcommand(spec);
    }
}
