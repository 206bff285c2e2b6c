package org.disentangle4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.disentangle4j.experiment.ImToyExperiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15's commands: {@code experiment im-toy}, {@code experiment im-extrapolation} (its plan), {@code intervene} (its errors). */
class ImCommandsTest {

    private static String[] run(String... args) {
        return CommandRunner.run(args);
    }

    @Test
    void helpOfEachCommandFitsEightyColumns() {
        for (List<String> command : List.of(List.of("experiment", "im-toy"), List.of("experiment", "im-extrapolation"), List.of("intervene"))) {
            String[] args = new String[command.size() + 1];
            for (int i = 0; i < command.size(); i++) args[i] = command.get(i);
            args[command.size()] = "--help";
            String[] help = run(args);
            assertEquals("0", help[0], help[2]);
            assertTrue(help[1].lines().allMatch(l -> l.length() <= 80), help[1]);
        }
    }

    /** Two seeds of the toy: the files hold the numbers the library computes for the same seeds. */
    @Test
    void imToyWritesItsTableAndFigure(@TempDir Path tmp) throws Exception {
        String[] o = run("experiment", "im-toy", "--seeds", "2", "--out", tmp.toString());
        assertEquals("0", o[0], o[2]);
        assertTrue(Files.size(tmp.resolve("im-toy.png")) > 1000);
        ImToyExperiment.Result expected = ImToyExperiment.run(2);
        assertEquals(ImToyExperiment.csv(expected), Files.readString(tmp.resolve("results.csv")));
        String md = Files.readString(tmp.resolve("results.md"));
        for (ImToyExperiment.Line line : expected.lines()) assertTrue(md.contains("| " + line.intervention() + " |"), md);
        String[] bad = run("experiment", "im-toy", "--seeds", "0", "--out", tmp.resolve("x").toString());
        assertEquals("2", bad[0]);
        assertEquals(1, bad[2].lines().count(), bad[2]);
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    @Test
    void imExtrapolationPlansBothWeightsForEachSeed(@TempDir Path tmp) {
        String[] plan = run("experiment", "im-extrapolation", "--seeds", "2", "--steps", "30", "--out", tmp.toString(), "--dry-run");
        assertEquals("0", plan[0], plan[2]);
        assertEquals(4, plan[1].lines().filter(l -> l.startsWith("train")).count(), plan[1]);
        assertEquals(2, plan[1].lines().filter(l -> l.contains("im-weight=100")).count(), plan[1]);
        assertEquals(4, plan[1].lines().filter(l -> l.contains("dataset=dsprites-small")).count(), plan[1]);
    }

    @Test
    void interveneRefusesIncompleteOrInvalidLayerOptionsInOneLine(@TempDir Path tmp) {
        String dir = tmp.toString();
        String[][] bad = {
            {"intervene", dir},                                                       // no mode
            {"intervene", dir, "--transform", "stretch"},                             // neither --layer/--strength nor --grid
            {"intervene", dir, "--transform", "shear", "--layer", "6", "--strength", "2"},
            {"intervene", dir, "--transform", "stretch", "--layer", "6", "--strength", "0.5"},
            {"intervene", dir, "--transform", "rotate", "--grid", "--strength", "10"},
        };
        for (String[] args : bad) {
            String[] o = run(args);
            assertEquals("2", o[0], String.join(" ", args) + ": " + o[2]);
            assertTrue(o[2].startsWith("error:"), o[2]);
        }
        assertTrue(run(bad[3])[2].contains("stretch factor ≥ 1"), run(bad[3])[2]);
    }
}
