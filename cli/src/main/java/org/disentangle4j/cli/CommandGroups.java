package org.disentangle4j.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** What a command that only groups others ({@code disentangle}, {@code datasets}, {@code experiment}) does when run alone. */
final class CommandGroups {
    private CommandGroups() {}

    /**
     * Names the missing subcommand and prints the group's usage, both on stderr, and returns
     * exit code 2: a group without a subcommand is incomplete input, for every group alike.
     */
    static int missingSubcommand(CommandSpec spec) {
        CommandLine cmd = spec.commandLine();
        PrintWriter err = cmd.getErr();
        String names = String.join(", ", cmd.getSubcommands().keySet());
        err.println("error: '" + spec.qualifiedName() + "' needs a subcommand: " + names);
        cmd.usage(err);
        err.flush();
        return UserErrorHandler.BAD_INPUT;
    }
}
