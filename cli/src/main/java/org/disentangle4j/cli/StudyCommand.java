package org.disentangle4j.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.disentangle4j.experiment.Sweep;
import org.disentangle4j.experiment.study.Study;
import org.disentangle4j.experiment.study.StudyPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code disentangle study STUDY.json --out DIR}: every model × dataset × seeds, every metric, and study.html. */
@Command(name = "study", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Run a study: every model on every dataset over seeds (and per-model hyper-parameter grids), each",
            "run scored with the study's metrics (default the suite's default selection), then write DIR/study.html:",
            "per dataset the models x metrics table (best per column in bold, links to every run's report.html),",
            "how the metrics agree (Spearman heatmap), every run's score by model, reconstruction against each",
            "metric, unsupervised model selection; the same as study.md, CSV and PNG beside it.",
            "A study is a sweep: DIR/<run name> is a normal run directory; rerunning skips complete runs and",
            "resumes interrupted ones. The smallest study file:",
            "  {\"models\": [\"beta-vae\", \"beta-tcvae\"], \"datasets\": [\"dsprites\"], \"seeds\": [0, 1], \"steps\": 20}",
            "Training options as in a sweep grid; \"hyper\": {\"beta-vae\": {\"beta\": [1, 4]}} for grids. See docs/study.md."})
public final class StudyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STUDY.json", description = "the study")
    Path studyFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory of the study's runs and page")
    Path out;

    @Mixin
    ExperimentRunOptions runs = new ExperimentRunOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        runs.refuseBothModes();
        Study study = Study.read(studyFile);
        long started = System.nanoTime();
        Sweep sweep = new Sweep(study.grid(), out, runs.parallel, new ProcessLauncher(), System.out, (dir, rows) -> {
            Sweep.GENERIC.write(dir, rows);
            String wall = String.format(Locale.ROOT, "Wall time of the last invocation: %.1f min.", (System.nanoTime() - started) / 6e10);
            System.out.println("wrote " + StudyPage.write(dir, study, rows, wall));
        });
        if (runs.dryRun) {
            sweep.printPlan(spec.commandLine().getOut());
            return 0;
        }
        if (runs.tablesOnly) {
            sweep.writeTables();
            return 0;
        }
        return sweep.runToExitCode();
    }
}
