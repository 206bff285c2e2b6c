package org.disentangle4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Runs one {@code disentangle} command (e.g. {@code train …}) to completion. */
interface Launcher {
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
