package org.disentangle4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.disentangle4j.experiment.Experiment;
import org.disentangle4j.experiment.Experiments;
import org.disentangle4j.experiment.SweepRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every experiment registered in {@link Experiments} is served by {@code experiment NAME}: its declared help, its defaults, its grid. */
class DeclaredExperimentsTest {

    @Test
    void everyRegisteredExperimentHasASubcommandWithItsHelpAndItsPlan(@TempDir Path tmp) {
        List<Experiment> all = Experiments.all();
        assertEquals(List.of("additive", "mean-tc", "cfasl", "im-extrapolation", "cdg"), all.stream().map(Experiment::name).toList());
        for (Experiment e : all) {
            String[] help = CommandRunner.run("experiment", e.name(), "--help");
            assertEquals("0", help[0], e.name() + ": " + help[2]);
            assertTrue(help[1].contains("\n" + e.description().get(0) + "\n"), help[1]);
            String flowing = help[1].replaceAll("\\s+", " "); // picocli wraps option descriptions
            assertTrue(flowing.contains("seeds 0..N-1 per " + e.seedsPer() + "; default the budget's (" + e.defaultSeeds() + " by default)"),
                    help[1]);
            assertTrue(flowing.contains("training steps per run; default the budget's (" + e.defaultSteps() + " by default)"), help[1]);
            assertEquals(List.of("quick", "default", "paper"), e.allBudgets().stream().map(Experiment.Budget::name).toList());
            assertTrue(e.budget("paper").seeds() >= 5, e.name());
            assertTrue(help[1].contains("runs/experiment-" + e.name() + "\n"), help[1]);
            for (Experiment.Option o : e.options()) assertTrue(help[1].contains("--" + o.name() + "=" + o.paramLabel()), help[1]);

            // the defaults: every line of the table (a setting) for each of the default seeds, nothing trained yet
            Path out = tmp.resolve(e.name());
            String[] plan = CommandRunner.run("experiment", e.name(), "--out", out.toString(), "--dry-run");
            assertEquals("0", plan[0], e.name() + ": " + plan[2]);
            List<String> planned = plan[1].lines().toList();
            Experiment.Settings defaults = e.defaults();
            int settings = e.design().groups(defaults).size();
            assertEquals(e.defaultSeeds() * settings, planned.size(), plan[1]);
            List<SweepRun> runs = e.design().grid(defaults).runs();
            assertEquals(runs.stream().map(r -> String.format("%-20s %s", "train", out.resolve(r.name()))).toList(), planned);

            // a named budget sets seeds and steps; --seeds and --steps given beside it win
            Experiment.Budget paper = e.budget("paper");
            String[] paperPlan = CommandRunner.run("experiment", e.name(), "--out", out.toString(), "--budget", "paper", "--dry-run");
            assertEquals(paper.seeds() * settings, paperPlan[1].lines().count(), paperPlan[1]);
            // (additive's untrained row trains 1 step whatever the budget)
            assertTrue(paperPlan[1].lines().allMatch(l -> l.contains("steps=" + paper.steps() + "_") || l.contains("steps=1_")), paperPlan[1]);
            String[] mixed = CommandRunner.run("experiment", e.name(), "--out", out.toString(), "--budget", "quick", "--seeds", "2",
                    "--dry-run");
            assertEquals(2 * settings, mixed[1].lines().count(), mixed[1]);
            assertTrue(mixed[1].lines().allMatch(l -> l.contains("steps=" + e.budget("quick").steps() + "_") || l.contains("steps=1_")),
                    mixed[1]);
        }
    }

    @Test
    void anUnknownBudgetIsOneLineNamingThoseThereAre() {
        String[] bad = CommandRunner.run("experiment", "cdg", "--budget", "huge", "--dry-run");
        assertEquals("2", bad[0]);
        assertEquals("error: --budget must be one of quick, default, paper, got 'huge'", bad[2].strip());
    }
}
