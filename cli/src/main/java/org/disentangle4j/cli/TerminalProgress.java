package org.disentangle4j.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;
import org.disentangle4j.metrics.ProgressListener;

/**
 * Draws one progress bar per task (done/total, elapsed time and ETA) on stderr, in the style of
 * {@code train}'s bar; a new task closes the previous bar, which stays on its line with the time
 * that task took. Drawn whether or not stderr is a terminal, as {@code train}'s is: an evaluation
 * takes minutes, and a log or a pipe shows how far it has come too.
 */
final class TerminalProgress implements ProgressListener, AutoCloseable {
    private final PrintStream out;
    private ProgressBar bar;
    private ProgressBars.Line line;
    private String task;
    private long done;

    TerminalProgress(PrintStream out) {
        this.out = out;
    }

    /** Bars on stderr. */
    static TerminalProgress onStandardError() {
        return new TerminalProgress(System.err);
    }

    @Override
    public synchronized void progress(String task, long done, long total) {
        if (!task.equals(this.task)) {
            endBar();
            this.task = task;
            this.done = 0;
            line = new ProgressBars.Line(out);
            bar = ProgressBars.create(task, total, line);
        }
        bar.maxHint(total);
        this.done = Math.max(this.done, done); // a bar never goes back
        bar.stepTo(this.done);
    }

    @Override
    public synchronized void close() {
        endBar();
        task = null;
    }

    private void endBar() {
        if (bar == null) return;
        bar.close();
        line.close();
        bar = null;
        line = null;
    }

    static void close(ProgressListener progress) {
        if (progress instanceof TerminalProgress t) t.close();
    }
}
