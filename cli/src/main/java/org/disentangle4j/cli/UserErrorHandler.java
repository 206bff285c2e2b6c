package org.disentangle4j.cli;

import java.io.IOException;
import org.disentangle4j.io.IoErrors;
import org.disentangle4j.io.UserInputException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns bad input into one line on stderr and exit code 2; anything else is a bug and keeps
 * its stack trace. A file-system failure that no command turned into a user error (an output
 * path that is a directory, a parent that is a file, a full disk) is bad input too: one line
 * naming the path and what is wrong with it, never the exception's class name.
 */
final class UserErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final int BAD_INPUT = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) throws Exception {
        Throwable cause = e;
        while (cause != null && !(cause instanceof UserInputException)) cause = cause.getCause();
        if (cause != null) {
            cmd.getErr().println("error: " + cause.getMessage());
            return BAD_INPUT;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                cmd.getErr().println("error: " + IoErrors.describe(io));
                return BAD_INPUT;
            }
        }
        throw e;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println("error: " + e.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        return BAD_INPUT;
    }
}
