package org.disentangle4j.cli;

import org.disentangle4j.report.RunEvaluation;
import org.disentangle4j.report.RunReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import ai.djl.ndarray.NDManager;
import org.disentangle4j.io.IoErrors;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.metrics.ArrayFiles;
import org.disentangle4j.metrics.BetaVaeScore;
import org.disentangle4j.metrics.FactorVaeScore;
import org.disentangle4j.metrics.LabelledCodes;
import org.disentangle4j.metrics.MetricSuite;
import org.disentangle4j.metrics.MetricsJson;
import org.disentangle4j.metrics.MetricsTable;
import org.disentangle4j.metrics.ProgressListener;
import org.disentangle4j.metrics.SuiteResult;
import org.disentangle4j.nn.Torch;
import org.disentangle4j.train.Run;
import org.disentangle4j.train.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code disentangle evaluate}: the disentanglement metric suite on a trained run or on arrays. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
            "Scores a representation with the metrics of disentanglement_lib:",
            "beta_vae, factor_vae, mig, sap, dci, modularity_explicitness, irs,",
            "unsupervised; lms, the latent matching score of additive decoders",
            "with the reconstruction RMSE; mean_tc, the total correlation of the",
            "mean representation and of the sampled codes; disintegration, the",
            "effective number of code dimensions that carry each factor.",
            "",
            "RUN_DIR: a trained run; codes are posterior means; the scores are",
            "merged into RUN_DIR/metrics.json (metrics not computed now keep",
            "their earlier values).",
            "",
            "Default: the metrics train computes, " + MetricSuite.DEFAULT_SELECTION,
            "(about a minute on 2 cores); --metrics all adds beta_vae and",
            "factor_vae (several minutes each), lms, mean_tc, disintegration and m_fvm.",
            "The metrics to run are named on stderr first; a progress bar with ETA",
            "(stderr) follows each stage: encoding the points, then each metric.",
            "",
            "lms: LMS-tree (a depth-10 regression tree per (learned block, true",
            "block), R² clipped at 0, best matching) when the dataset groups its",
            "factors into blocks (balls-block-*), else LMS-Spearman (|Spearman",
            "rho| per code dimension and factor, best matching); 0-100. Learned",
            "blocks: the model's own (additive-ae), else the best pairing of the",
            "code's dimensions. On 5,000 points of the training distribution and,",
            "where the dataset has one (balls-scalar), 5,000 out of its support;",
            "trees fit on 10,000 more. rmse_*: root mean squared pixel error of",
            "the [0,1]-clamped reconstructions on the same points. On arrays:",
            "LMS-Spearman of all points only.",
            "Arrays: --codes and --factors as .npy or header-less .csv,",
            "[num_points, num_dims]; factors are non-negative class indices.",
            "Without test arrays, SAP, DCI and explicitness train on a random",
            "two thirds of the points and test on the rest. beta_vae and",
            "factor_vae need interventional sampling: not applicable to arrays.",
            "A factor with a single value is skipped (noted below the table).",
            ""
        })
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_DIR", description = "A run directory written by 'disentangle train'.")
    Path runDir;

    @Option(names = "--codes", paramLabel = "FILE", description = "Codes [num_points, num_dims] (.npy or .csv).")
    Path codes;

    @Option(names = "--factors", paramLabel = "FILE", description = "Factors [num_points, num_factors], integer class indices.")
    Path factors;

    @Option(names = "--test-codes", paramLabel = "FILE", description = "Held-out codes for the metrics that fit a classifier.")
    Path testCodes;

    @Option(names = "--test-factors", paramLabel = "FILE", description = "Factors of the held-out codes.")
    Path testFactors;

    @Option(names = "--metrics", paramLabel = "all|NAME,...", defaultValue = MetricSuite.DEFAULT_SELECTION, description = {
        "Metrics to compute (default, as train's: ${DEFAULT-VALUE}; about a minute on 2 cores).",
        "'all' adds beta_vae and factor_vae (each encodes about a million images: several minutes, see --votes), lms, mean_tc,",
        "disintegration and m_fvm."})
    String metrics;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of all sampling and solvers (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--votes", paramLabel = "TRAIN,EVAL", description = {
        "Training and evaluation votes of beta_vae and factor_vae (default: the reference's ${DEFAULT-VALUE});",
        "fewer are proportionally faster and noisier, and are recorded next to the scores."})
    String votes = MetricSuite.Votes.REFERENCE.toString();

    @Option(names = "--out", paramLabel = "FILE", description = "Write the scores as JSON to this file.")
    Path out;

    @Override
    public Integer call() throws IOException {
        List<String> names = MetricSuite.parseSelection(metrics);
        MetricSuite.Votes voteCounts = MetricSuite.Votes.parse(votes);
        MetricSuite.requireUsableVotes(names, voteCounts);
        if (runDir != null) {
            if (codes != null || factors != null) throw new UserInputException("give either RUN_DIR or --codes/--factors, not both");
            if (out != null) throw new UserInputException("--out is for arrays; a run's scores go to RUN_DIR/metrics.json");
            try (NDManager manager = Torch.newManager(); Run run = Run.open(runDir, manager, "evaluated")) {
                IoErrors.requireWritable(run.directory().file(RunDirectory.METRICS)); // before minutes of work, not after
                run.directory().state(); // report.html reads it after the scoring: a corrupt status.json is refused now
                announce(spec.commandLine().getErr(), "run " + runDir, names, voteCounts);
                evaluateRun(run, names, voteCounts, seed, spec.commandLine().getOut());
                RunReport.write(run.directory(), run.model().extraFigures());
            }
            return 0;
        }
        if (codes == null || factors == null) throw new UserInputException("give RUN_DIR, or both --codes and --factors");
        if ((testCodes == null) != (testFactors == null)) throw new UserInputException("--test-codes and --test-factors go together");
        if (out != null) IoErrors.requireWritable(out);
        LabelledCodes train = MetricSuite.validate(ArrayFiles.readCodes(codes), ArrayFiles.readFactors(factors), codes.toString(),
                factors.toString(), ArrayFiles.isSinglePrecision(codes));
        LabelledCodes test = testCodes == null ? null
                : MetricSuite.validate(ArrayFiles.readCodes(testCodes), ArrayFiles.readFactors(testFactors), testCodes.toString(),
                        testFactors.toString(), ArrayFiles.isSinglePrecision(testCodes));
        announce(spec.commandLine().getErr(), codes.toString(), names, voteCounts);
        ProgressListener progress = TerminalProgress.onStandardError();
        SuiteResult result;
        try {
            result = new MetricSuite(voteCounts).evaluateArrays(train, test, names, seed, progress);
        } finally {
            TerminalProgress.close(progress);
        }
        report(result, out, false, spec.commandLine().getOut());
        return 0;
    }

    /**
     * Says on one line what is about to be computed, before anything is: e.g. {@code evaluating run
     * runs/x: mig, sap, dci, modularity_explicitness, irs, unsupervised}, with the votes when the
     * interventional scores are among them and a hint at {@code --metrics all} when they are not.
     */
    static void announce(PrintWriter err, String what, List<String> names, MetricSuite.Votes votes) {
        StringBuilder line = new StringBuilder("evaluating ").append(what).append(": ").append(String.join(", ", names));
        List<String> slow = names.stream().filter(n -> n.equals(BetaVaeScore.NAME) || n.equals(FactorVaeScore.NAME)).toList();
        if (!slow.isEmpty()) {
            line.append(" (").append(String.join(" and ", slow)).append(" with ").append(votes).append(" votes)");
        } else if (names.equals(MetricSuite.parseSelection(MetricSuite.DEFAULT_SELECTION))) {
            List<String> left = MetricSuite.NAMES.stream().filter(n -> !names.contains(n)).toList();
            line.append(" (the default; --metrics all adds ").append(String.join(", ", left)).append(")");
        }
        err.println(line);
        err.flush();
    }

    /**
     * Evaluates a trained run: samples its dataset, encodes with the model's representation
     * (the posterior mean) and decodes the codes with its decoder, shows a progress bar, prints the
     * table and merges the scores into {@code RUN_DIR/metrics.json}.
     */
    static SuiteResult evaluateRun(Run run, List<String> names, MetricSuite.Votes votes, long seed, PrintWriter stdout) throws IOException {
        ProgressListener progress = TerminalProgress.onStandardError();
        SuiteResult result;
        try {
            result = RunEvaluation.score(run, names, votes, seed, progress);
        } finally {
            TerminalProgress.close(progress);
        }
        stdout.print(MetricsTable.format(result));
        stdout.println("wrote " + run.directory().file(RunDirectory.METRICS));
        stdout.flush();
        return result;
    }

    private static void report(SuiteResult result, Path json, boolean merge, PrintWriter stdout) throws IOException {
        stdout.print(MetricsTable.format(result));
        stdout.flush();
        if (json != null) {
            try {
                if (merge) MetricsJson.merge(json, result);
                else MetricsJson.write(json, result);
            } catch (IOException e) {
                throw IoErrors.cannotWrite(json, e);
            } catch (UncheckedIOException e) {
                throw IoErrors.cannotWrite(json, e.getCause());
            }
            stdout.println("wrote " + json);
            stdout.flush();
        }
    }
}
