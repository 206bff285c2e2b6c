package org.disentangle4j.experiment;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.disentangle4j.nn.Torch;
import org.disentangle4j.run.RunEvents;
import org.disentangle4j.run.RunLifecycle;
import org.disentangle4j.run.RunOutcome;
import org.disentangle4j.run.RunRequest;

/**
 * Runs each request in this JVM, one at a time (a sweep with {@code parallel} 1): for a Java
 * caller without a command line, and for tests. The engine threads are this process's, whatever
 * the sweep asks for; each run's lines go to its log.
 */
public final class InThisJvm implements Launcher {
    @Override
    public synchronized Optional<RunOutcome.Kind> run(RunRequest request, Path log, int threads) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        try (PrintStream out = new PrintStream(Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND), true,
                java.nio.charset.StandardCharsets.UTF_8);
             NDManager manager = Torch.newManager()) {
            RunEvents events = new RunEvents() {
                @Override
                public void say(String line) {
                    out.println(line);
                }
            };
            try {
                return Optional.of(RunLifecycle.run(request, manager, events).kind());
            } catch (RuntimeException e) {
                out.println("error: " + RunLifecycle.oneLine(e));
                return Optional.empty();
            }
        }
    }
}
