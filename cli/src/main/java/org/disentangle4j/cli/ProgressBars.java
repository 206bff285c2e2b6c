package org.disentangle4j.cli;

import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The one style of progress bar every command uses (on stderr, redrawn twice a second). */
final class ProgressBars {
    private static final int UPDATE_MILLIS = 500;
    private static final int MAX_LENGTH = 140;

    private ProgressBars() {}

    static ProgressBar create(String task, long total, long alreadyDone) {
        return builder(task, total)
                .setMaxRenderedLength(MAX_LENGTH)
                .startsFrom(alreadyDone, Duration.ZERO)
                .build();
    }

    /** A bar drawn by {@code line}: one line redrawn in place; {@link Line#close} ends it. */
    static ProgressBar create(String task, long total, Line line) {
        return builder(task, total).setConsumer(line).build();
    }

    /**
     * One line of {@code out} redrawn in place (a carriage return before each drawing), ended with
     * one newline however often it is closed: a bar closed before its first scheduled redraw draws
     * its final state but does not close its consumer, so its owner closes it too.
     */
    static final class Line extends ConsoleProgressBarConsumer {
        private boolean closed;

        Line(PrintStream out) {
            super(out, MAX_LENGTH);
        }

        @Override
        public synchronized void close() {
            if (closed) return;
            closed = true;
            super.close();
        }
    }

    private static ProgressBarBuilder builder(String task, long total) {
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(UPDATE_MILLIS);
    }
}
