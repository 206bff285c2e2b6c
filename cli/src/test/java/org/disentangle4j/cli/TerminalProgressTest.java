package org.disentangle4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The evaluation's bars: one line per task, ending at its total with the elapsed time and the ETA. */
class TerminalProgressTest {
    /** e.g. {@code (0:00:03 / 0:00:00)}: elapsed / remaining. */
    private static final Pattern TIMES = Pattern.compile("\\(\\d+:\\d\\d:\\d\\d / \\d+:\\d\\d:\\d\\d\\)");

    @Test
    void oneBarPerTaskEachEndingAtItsTotalWithElapsedTimeAndEta() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgress progress = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        for (long done = 0; done <= 10_000; done += 16 * 25) progress.progress("encoding train", done, 10_000);
        progress.progress("dci", 0, 700);
        progress.progress("dci", 7, 700);
        progress.progress("dci", 3, 700); // late report of another thread: the bar does not go back
        progress.progress("dci", 700, 700);
        progress.close();

        List<String> lines = List.of(bytes.toString(StandardCharsets.UTF_8).split("\n")); // not lines(): it splits at \r too
        assertEquals(2, lines.size(), lines.toString());
        // each line is redrawn in place: what stays visible is what follows the last carriage return
        String encoding = lines.get(0).substring(lines.get(0).lastIndexOf('\r') + 1);
        String dci = lines.get(1).substring(lines.get(1).lastIndexOf('\r') + 1);
        assertTrue(encoding.startsWith("encoding train 100%") && encoding.contains("10000/10000"), encoding);
        assertTrue(dci.startsWith("dci 100%") && dci.contains("700/700"), dci);
        assertTrue(TIMES.matcher(encoding).find() && TIMES.matcher(dci).find(), encoding + "\n" + dci);
    }
}
