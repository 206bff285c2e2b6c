package org.disentangle4j.cli;

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
import org.disentangle4j.metrics.LabelledCodes;
import org.disentangle4j.metrics.MetricSuite;
import org.disentangle4j.metrics.MetricsJson;
import org.disentangle4j.metrics.MetricsTable;
import org.disentangle4j.metrics.ProgressListener;
import org.disentangle4j.metrics.SuiteResult;
import org.disentangle4j.nn.Torch;
import org.disentangle4j.run.RunLifecycle;
import org.disentangle4j.run.RunRequest;
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
            try (NDManager manager = Torch.newManager();
                 CommandLineEvents events = new CommandLineEvents(spec.commandLine().getOut(), spec.commandLine().getErr())) {
                RunLifecycle.run(new RunRequest.Score(runDir, names, voteCounts.toString(), seed), manager, events.forRun(runDir));
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

    /** Says on one line what is about to be computed, before anything is ({@link MetricSuite#announcement}). */
    static void announce(PrintWriter err, String what, List<String> names, MetricSuite.Votes votes) {
        err.println(MetricSuite.announcement(what, names, votes));
        err.flush();
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
