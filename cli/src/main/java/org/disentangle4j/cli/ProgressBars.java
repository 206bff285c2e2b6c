package org.disentangle4j.cli;

import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The one style of progress bar every command uses (on stderr, redrawn twice a second). */
final class ProgressBars {
    private ProgressBars() {}

    static ProgressBar create(String task, long total, long alreadyDone) {
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setMaxRenderedLength(140)
                .startsFrom(alreadyDone, Duration.ZERO)
                .build();
    }
}
