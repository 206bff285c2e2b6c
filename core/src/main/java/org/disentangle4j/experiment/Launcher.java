package org.disentangle4j.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs one {@code disentangle} command (e.g. {@code train …}) to completion: the command line's
 * separate process, or the same JVM in tests. The sweep reads a {@code train} command's exit code.
 */
public interface Launcher {
    /** A command's exit code after Ctrl-C (SIGINT): it wrote its checkpoint first. */
    int INTERRUPTED = 130;
    /** A command's exit code after SIGTERM (the JVM's 128 + 15): it wrote its checkpoint first, as for Ctrl-C. */
    int TERMINATED = 143;
    /** A {@code train} command's exit code: the run diverged (status.json {@code diverged}). */
    int DIVERGED = 3;
    /** A {@code train} command's exit code: training completed, but drawing its figures or scoring it failed. */
    int FINISHING_FAILED = 4;

    /**
     * @param args the command line after {@code disentangle}
     * @param log file that receives the command's output (appended)
     * @param threads engine threads for the command ({@code DISENTANGLE_THREADS})
     * @return the command's exit code
     */
    int run(List<String> args, Path log, int threads) throws IOException, InterruptedException;

    /** Asks every command still running to stop (they checkpoint first) and waits for them. */
    default void stopAll() {}
}
