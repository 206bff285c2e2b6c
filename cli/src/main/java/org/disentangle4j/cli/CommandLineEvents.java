package org.disentangle4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import org.disentangle4j.metrics.MetricsTable;
import org.disentangle4j.metrics.SuiteResult;
import org.disentangle4j.run.RunEvents;

/**
 * A run's events on the terminal: the progress bar (step, every loss term, images/s, ETA) and the
 * scoring's progress on standard error with each stage's line, the scores' table on standard output.
 */
final class CommandLineEvents implements RunEvents, AutoCloseable {
    private final PrintWriter out;
    private final PrintWriter err;
    private ProgressBar bar;
    private org.disentangle4j.metrics.ProgressListener scoring;
    private Path dir;

    CommandLineEvents(PrintWriter out) {
        this(out, new PrintWriter(System.err, true));
    }

    /** Lines for a person to {@code err} (the progress bars draw on standard error whatever it is). */
    CommandLineEvents(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void say(String line) {
        closeBar();
        err.println(line);
        err.flush();
    }

    @Override
    public void started(long completedSteps, long totalSteps) {
        bar = ProgressBars.create("train", totalSteps, completedSteps);
    }

    @Override
    public void stepped(long completedSteps, Map<String, Float> terms, double imagesPerSecond) {
        StringBuilder message = new StringBuilder();
        terms.forEach((name, value) -> message.append(name).append(' ').append(String.format("%.4g", value)).append("  "));
        message.append(String.format("%.0f img/s", imagesPerSecond));
        bar.stepTo(completedSteps);
        bar.setExtraMessage(message.toString());
    }

    @Override
    public void interrupted(long completedSteps) {
        closeBar();
        err.printf("%ninterrupted after step %,d; checkpoint written. Continue with: ./disentangle train --resume %s%n",
                completedSteps, dir);
        err.flush();
    }

    /** The run directory the interruption line names. */
    CommandLineEvents forRun(Path runDir) {
        this.dir = runDir;
        return this;
    }

    @Override
    public org.disentangle4j.metrics.ProgressListener scoringProgress() {
        scoring = TerminalProgress.onStandardError();
        return scoring;
    }

    @Override
    public void scoringEnded() {
        TerminalProgress.close(scoring);
        scoring = null;
    }

    @Override
    public void scored(SuiteResult result, Path metricsFile) {
        out.print(MetricsTable.format(result));
        out.println("wrote " + metricsFile);
        out.flush();
    }

    private void closeBar() {
        if (bar != null) bar.close();
        bar = null;
    }

    @Override
    public void close() {
        closeBar();
    }
}
