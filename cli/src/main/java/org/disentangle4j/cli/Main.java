package org.disentangle4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

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
            DatasetsCommand.class,
            ModelsCommand.class,
            BenchCommand.class,
            SweepCommand.class,
            ExperimentCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (also used by tests). */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        HyperParameterOptions.addTo(cli.getSubcommands().get("train").getCommandSpec());
        cli.setExecutionExceptionHandler(new UserErrorHandler());
        cli.setParameterExceptionHandler(new UserErrorHandler());
        return cli;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
