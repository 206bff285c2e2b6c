package org.disentangle4j.cli;

import java.util.Optional;

/**
 * Ends this JVM when the process that started it dies, as if it had been sent SIGTERM (a training
 * run checkpoints first). A sweep's runs are separate JVMs; without this, a sweep or a Spark
 * executor killed outright would leave its runs training on their own, and the rerun that resumes
 * them would write the same run directories beside them.
 */
final class ParentWatch {
    /** System property set on the JVMs a sweep starts. */
    static final String PROPERTY = "disentangle.exitWithParent";
    /** The exit code of a command stopped this way: that of an interruption. */
    private static final int INTERRUPTED = 130;
    /**
     * How often the parent is looked at. ProcessHandle.onExit polls a process that is not one's
     * child ever more slowly (up to 5 s); a retried Spark task resumes the run about a second after
     * its executor is lost, so the orphan must be gone well before that.
     */
    private static final long POLL_MS = 200;

    private ParentWatch() {}

    /** Starts watching when {@link #PROPERTY} is true. */
    static void startIfAsked() {
        if (!Boolean.getBoolean(PROPERTY)) return;
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        if (parent.isEmpty()) return;
        Thread watch = new Thread(() -> {
            try {
                while (parent.get().isAlive()) Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                return;
            }
            System.exit(INTERRUPTED); // runs the shutdown hooks: a training run writes its checkpoint
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
