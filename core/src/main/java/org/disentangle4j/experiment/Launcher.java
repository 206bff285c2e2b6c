package org.disentangle4j.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.disentangle4j.run.RunLifecycle;
import org.disentangle4j.run.RunOutcome;
import org.disentangle4j.run.RunRequest;

/**
 * Carries a sweep's run requests through {@link RunLifecycle}: in a JVM of their own each (the
 * command line's launcher: the engine allows one gradient collector per process, so parallel runs
 * need processes), or in this JVM one after another ({@link InThisJvm}).
 */
public interface Launcher {
    /**
     * @param request a new run, a resume or a scoring
     * @param log file that receives the run's output (appended)
     * @param threads engine threads for the run ({@code DISENTANGLE_THREADS})
     * @return how the run ended, or empty when an error stopped it (the log says which)
     */
    Optional<RunOutcome.Kind> run(RunRequest request, Path log, int threads) throws IOException, InterruptedException;

    /** Asks every run still going to stop (they checkpoint first) and waits for them. */
    default void stopAll() {}
}
