package org.disentangle4j.spark;

import java.io.IOException;
import java.io.Serializable;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Starts a {@code disentangle} command as its own JVM on the disentangle jar's classpath. The Spark
 * side of a sweep never loads the project's classes: a cluster's Spark puts its own (older) copies
 * of libraries the project uses (Gson, SLF4J) first on its class path, and the engine allows one
 * training per process anyway. So every piece of work — listing the runs, one run, the tables —
 * is the command line's own, exactly as the local sweep runs it.
 *
 * @param javaOptions JVM options of the command (e.g. {@code -Xmx8g})
 */
record DisentangleJvm(List<String> javaOptions) implements Serializable {
    /** The command line's entry point, found as a resource so that it is not loaded here. */
    static final String MAIN = "org.disentangle4j.cli.Main";
    /** System property naming the disentangle jar (the launcher's way; spark-submit ships it with --jars). */
    static final String JAR_PROPERTY = "disentangle.jar";
    /** Tells the command to end (checkpointing) when the JVM that started it dies: an executor lost. */
    private static final String EXIT_WITH_PARENT = "-Ddisentangle.exitWithParent=true";

    DisentangleJvm {
        javaOptions = List.copyOf(javaOptions);
    }

    /** Options given as one string, split on white space ({@code "-Xmx8g -XX:+UseG1GC"}). */
    static DisentangleJvm of(String javaOptions) {
        String trimmed = javaOptions.trim();
        return new DisentangleJvm(trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+")));
    }

    /** The full command line of {@code disentangle ARGS}. */
    List<String> command(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(javaOptions);
        command.add(EXIT_WITH_PARENT);
        command.add("-cp");
        command.add(classpath());
        command.add(MAIN);
        command.addAll(args);
        return command;
    }

    /** Starts {@code disentangle ARGS} with its output on this process's. */
    Process start(List<String> args) throws IOException {
        return new ProcessBuilder(command(args)).inheritIO().start();
    }

    /** A finished command: its exit code and what it printed (stdout and stderr together). */
    record Finished(int exit, String output) {}

    /** Runs {@code disentangle ARGS} to its end, capturing its output. */
    Finished run(List<String> args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command(args)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return new Finished(p.waitFor(), output);
    }

    /** Waits for a started command; interrupted (a task killed), it stops the command — which checkpoints — and rethrows. */
    static int await(Process p) throws InterruptedException {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            p.destroy(); // SIGTERM: a training run writes its checkpoint first
            try {
                p.onExit().get(5, java.util.concurrent.TimeUnit.MINUTES);
            } catch (Exception notInTime) {
                p.destroyForcibly();
            }
            throw e;
        }
    }

    /**
     * Where the command line's classes are: the disentangle jar (shipped to executors with
     * {@code spark-submit --jars}, or on the launcher's class path), which holds everything a run
     * needs; in a build (classes directories, as in the tests) this JVM's class path. The
     * launcher names the jar with {@value #JAR_PROPERTY} instead, so that this JVM need not carry it.
     */
    static String classpath() {
        String given = System.getProperty(JAR_PROPERTY);
        if (given != null && !given.isBlank()) return given;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) loader = DisentangleJvm.class.getClassLoader();
        URL url = loader.getResource(MAIN.replace('.', '/') + ".class");
        if (url == null) {
            throw new IllegalStateException("the disentangle command line (" + MAIN + ") is not on this JVM's class path: "
                    + "give spark-submit --jars cli/target/disentangle.jar");
        }
        if (url.getProtocol().equals("jar")) {
            String file = url.getPath().substring(0, url.getPath().indexOf("!/"));
            try {
                return Path.of(new URL(file).toURI()).toString();
            } catch (URISyntaxException | IOException e) {
                throw new IllegalStateException("cannot read the disentangle jar's location " + url, e);
            }
        }
        return System.getProperty("java.class.path");
    }
}
