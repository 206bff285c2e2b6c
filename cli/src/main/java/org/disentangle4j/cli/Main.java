package org.disentangle4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Entry point of the {@code disentangle} command. */
@Command(
        name = "disentangle",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Learn, evaluate and intervene on disentangled and causal representations.",
        subcommands = {
            TrainCommand.class,
            EvaluateCommand.class,
            TraverseCommand.class,
            InterveneCommand.class,
            DatasetsCommand.class,
            ModelsCommand.class,
            BenchCommand.class,
            SweepCommand.class,
            StudyCommand.class,
            ExperimentCommand.class,
            TheoryCommand.class,
            RunRequestCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Callable<Integer> {
    @Spec
    CommandSpec spec;


    public static void main(String[] args) {
        ParentWatch.startIfAsked();
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (also used by tests). */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        HyperParameterOptions.addTo(cli.getSubcommands().get("train").getCommandSpec());
        ExperimentCommand.addDeclared(cli.getSubcommands().get("experiment"));
        cli.setExecutionExceptionHandler(new UserErrorHandler());
        cli.setParameterExceptionHandler(new UserErrorHandler());
        return cli;
    }

    /** {@code disentangle} alone: the usage on stderr and exit code 2, as every command group without its subcommand. */
    @Override
    public Integer call() {
        return CommandGroups.missingSubcommand(spec);
    }
}
