package org.disentangle4j.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.disentangle4j.metrics.ProgressListener;

/** Draws one progress bar per task on stderr; a new task closes the previous bar. */
final class TerminalProgress implements ProgressListener, AutoCloseable {
    private ProgressBar bar;
    private String task;

    /** A bar when stderr is a terminal, otherwise silence (logs and pipes stay clean). */
    static ProgressListener forTerminal() {
        return System.console() != null ? new TerminalProgress() : ProgressListener.NONE;
    }

    @Override
    public synchronized void progress(String task, long done, long total) {
        if (!task.equals(this.task)) {
            if (bar != null) bar.close();
            this.task = task;
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(200).build();
        }
        bar.maxHint(total);
        bar.stepTo(done);
    }

    @Override
    public synchronized void close() {
        if (bar != null) bar.close();
        bar = null;
        task = null;
    }

    static void close(ProgressListener progress) {
        if (progress instanceof TerminalProgress t) t.close();
    }
}
