package org.disentangle4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;

/** Runs a command in this JVM, capturing System.err (where train reports) and the command's own err. */
final class CommandRunner {
    record Outcome(int exit, String err) {}

    private CommandRunner() {}

    static Outcome execute(List<String> args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int exit;
        try {
            System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            CommandLine cli = Main.commandLine();
            cli.setErr(new PrintWriter(err));
            cli.setOut(new PrintWriter(new StringWriter()));
            exit = cli.execute(args.toArray(String[]::new));
        } finally {
            System.setErr(saved);
        }
        return new Outcome(exit, bytes.toString(StandardCharsets.UTF_8) + err);
    }

    /** Exit code, standard output and standard error (trimmed) of one command, as strings. */
    static String[] run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString().trim()};
    }
}
