package org.disentangle4j.cli;

import org.disentangle4j.experiment.Launcher;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.disentangle4j.run.RunOutcome;
import org.disentangle4j.run.RunRequest;
import org.disentangle4j.run.RunRequestJson;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs each request as a separate JVM on this one's classpath ({@code disentangle run-request FILE},
 * the request written beside the run's log) (the engine allows one gradient
 * collector per process, so parallel runs need processes), with the same heap limit. The command
 * ends (checkpointing first) when this JVM dies, so a killed sweep leaves no run training on its
 * own beside the one a rerun resumes.
 */
final class ProcessLauncher implements Launcher {
    private static final String MAIN = Main.class.getName();

    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    @Override
    public Optional<RunOutcome.Kind> run(RunRequest request, Path log, int threads) throws IOException, InterruptedException {
        Path file = log.resolveSibling(log.getFileName().toString().replaceFirst("\\.log$", "") + ".request.json");
        Files.createDirectories(log.toAbsolutePath().getParent());
        RunRequestJson.writeFile(request, file);
        return outcomeOf(run(List.of("run-request", file.toString()), log, threads, request.kind() + " " + request.dir()));
    }

    /** The outcome a {@code run-request} JVM's exit code tells (train's codes; SIGTERM's 143 an interruption), empty for a failure. */
    static Optional<RunOutcome.Kind> outcomeOf(int code) {
        return switch (code) {
            case 0 -> Optional.of(RunOutcome.Kind.COMPLETE);
            case TrainCommand.FINISHING_FAILED -> Optional.of(RunOutcome.Kind.FINISHED_WITH_FAILURE);
            case TrainCommand.DIVERGED -> Optional.of(RunOutcome.Kind.DIVERGED);
            case TrainCommand.INTERRUPTED, TrainCommand.TERMINATED -> Optional.of(RunOutcome.Kind.INTERRUPTED);
            default -> Optional.empty();
        };
    }

    /**
     * Runs {@code disentangle ARGS} in a JVM of its own, its output appended to the log after a
     * header line {@code === TIME WHAT (disentangle ARGS)}; its exit code.
     */
    private int run(List<String> args, Path log, int threads, String what) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-Xmx") || a.startsWith("-Xms")) command.add(a);
        }
        command.add("-D" + ParentWatch.PROPERTY + "=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MAIN);
        command.addAll(args);
        Files.createDirectories(log.getParent());
        Files.writeString(log, "=== " + Instant.now() + " " + what + " (disentangle " + String.join(" ", args) + ")\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("DISENTANGLE_THREADS", Integer.toString(threads));
        Process p = builder.start();
        running.add(p);
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            // whoever runs this sweep cancelled it (a Spark task kill, shutdownNow): the run checkpoints and stops
            stop(p);
            throw e;
        } finally {
            running.remove(p);
        }
    }

    @Override
    public void stopAll() {
        List<Process> ps = new ArrayList<>(running);
        for (Process p : ps) p.destroy(); // SIGTERM: the run writes its checkpoint and exits
        for (Process p : ps) {
            try {
                if (!p.waitFor(5, TimeUnit.MINUTES)) p.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** SIGTERM (the run writes its checkpoint), then waits for it without being interruptible again. */
    private static void stop(Process p) {
        p.destroy();
        try {
            p.onExit().get(5, TimeUnit.MINUTES);
        } catch (Exception notInTime) {
            p.destroyForcibly();
        }
    }
}
