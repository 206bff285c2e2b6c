package org.disentangle4j.experiment;

import org.disentangle4j.experiment.verdict.Claim;
import org.disentangle4j.experiment.verdict.ClaimVerdict;
import org.disentangle4j.experiment.verdict.ClaimsReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.disentangle4j.metrics.CdmScore;
import org.disentangle4j.metrics.MetricSuite;
import org.disentangle4j.model.Parts;
import org.disentangle4j.model.InterventionGridFigure;

/**
 * The built-in experiment of CDG-VAE ({@code experiment cdg}): cdg-vae (block-separable decoder),
 * and the paper's two baselines as its reference code builds them: "VAE", the same encoder, causal
 * layer and label alignment with one joint decoder ({@code cdg-vae --decoder shared}), and "InfoMax",
 * that plus a mutual-information term ({@code cdg-infomax}), trained on the disturbed pendulum (a fixed
 * training set of 7,500 images, as the reference's) for a few seeds at
 * the same budget, each scored with CDM. The annotation classifier reads each factor from that
 * factor's block of rows, as the reference's does, so a block-separable decoder's robustness is 0 by
 * construction (the paper's too): what carries information is the baselines' robustness and every
 * model's generativeness. The claim: only the
 * block-separable decoder makes interventions leave the non-descendants alone (robustness ≈ 0),
 * while the node's own factor and its descendants still move (generativeness).
 */
public final class CdgExperiment {
    /** A line of the table: a model with hyper-parameters beside its defaults. */
    public record Entry(String label, String model, Map<String, Double> hyperParameters) implements SweepGrid.Setting {}

    public static final List<Entry> ENTRIES = List.of(
            new Entry("cdg-vae", "cdg-vae", Map.of()),
            new Entry("VAE (cdg-vae --decoder shared)", "cdg-vae",
                    Map.of(Parts.DECODER_CHOICE.name(), (double) Parts.DECODER_CHOICE.choices().indexOf("shared"))),
            new Entry("InfoMax (cdg-infomax)", "cdg-infomax", Map.of()));
    /** The reference trains on its "pendulum_real": 1 image in 5 has its shadow replaced by U(0, 12). */
    public static final String DATASET = org.disentangle4j.data.Pendulum.DISTURBED_NAME;
    /** The reference's training split: 7,500 of its 10,000 images. */
    public static final int TRAINING_SET = 7500;
    public static final int DEFAULT_SEEDS = 2;
    /**
     * The paper trains 100 epochs of 7,500 images (≈ 5,900 steps). At 300 steps every model still draws the
     * mean image (recon ≈ 355, flat from step 100); cdg-vae leaves that plateau between steps 450 and 800 and
     * has learned the light by 1,500 (docs/experiments/cdg.md: the measured table and cost).
     */
    public static final long DEFAULT_STEPS = 1500;
    public static final int BATCH_SIZE = 128;
    public static final double LEARNING_RATE = 1e-3;
    public static final int LATENT_DIM = 4;
    public static final List<String> METRICS = List.of(CdmScore.NAME);

    /** The paper's robustness pairs (measured factor, intervened node), then its generativeness pairs. */
    public static final List<String[]> ROBUSTNESS_PAIRS = List.of(new String[] {"light", "length"}, new String[] {"angle", "length"},
            new String[] {"light", "position"}, new String[] {"angle", "position"});
    public static final List<String[]> GENERATIVENESS_PAIRS = List.of(new String[] {"light", "light"}, new String[] {"length", "light"},
            new String[] {"position", "light"}, new String[] {"angle", "angle"}, new String[] {"length", "angle"},
            new String[] {"position", "angle"}, new String[] {"length", "length"}, new String[] {"position", "position"});

    public static final ExperimentTable TABLE = table();

    /** {@code experiment cdg}: its help text and what it computes. */
    public static final Experiment DECLARATION = new Experiment("cdg", List.of(
            "CDG-VAE: trains cdg-vae (causal layer over pendulum's DAG, one masked MLP",
            "decoder per causal block) and the paper's two baselines as its code builds",
            "them: VAE (cdg-vae --decoder shared: the causal layer and the alignment with",
            "one joint decoder) and InfoMax (cdg-infomax: that plus an NWJ",
            "mutual-information term, gamma 5), on the disturbed pendulum (1 image in 5",
            "with a disturbed shadow; a fixed training set of 7,500 images, as the",
            "reference's) for N seeds at the same budget (batch 128, Adam lr 1e-3, 4",
            "latents), scores every run with CDM and prints the table: CDM_L of every pair",
            "of the paper (interventional robustness: lower is better; counterfactual",
            "generativeness: higher is better), mean +- standard error over seeds;",
            "results.md adds the paper's numbers and links every run's intervention grid",
            "(interventions.png), and claims.md the verdicts computed against each",
            "baseline. cdg-vae's robustness is 0 by construction: the annotation classifier",
            "reads each factor from that factor's rows, which only its block draws (in the",
            "paper too). The first CDM scoring trains the annotation classifier once and",
            "caches it. Budgets: see --budget; docs/experiments/cdg.md gives their cost.",
            "",
            "The runs are a sweep: DIR/<run name> is a normal run directory, output in",
            "DIR/logs/; rerunning skips complete runs and resumes interrupted ones. Writes",
            "DIR/results.md, DIR/results.csv (the table) and DIR/runs.csv (every run).",
            ""),
            DEFAULT_SEEDS, DEFAULT_STEPS, "model", List.of(),
            new Experiment.Seeded(TABLE, CdgExperiment::grid, CdgExperiment::groups, CdgExperiment::write).withClaims(CdgExperiment::claims))
            .withBudgets(1, 100, 10, 5900, "the reference: 100 epochs of its 7,500 training images at batch 128, 10 runs per model (appendix Table 6)");

    private CdgExperiment() {}

    private static ExperimentTable table() {
        List<ExperimentTable.Column> columns = new ArrayList<>();
        columns.add(new ExperimentTable.Column(CdmScore.NAME + "." + CdmScore.ROBUSTNESS, "robust.", "%.2f"));
        columns.add(new ExperimentTable.Column(CdmScore.NAME + "." + CdmScore.GENERATIVENESS, "gener.", "%.2f"));
        for (String[] p : ROBUSTNESS_PAIRS) columns.add(pair(p));
        for (String[] p : GENERATIVENESS_PAIRS) columns.add(pair(p));
        columns.add(new ExperimentTable.Column(ExperimentTable.LOSS + "recon", "recon", "%.0f"));
        return new ExperimentTable(List.of("model"), columns);
    }

    private static ExperimentTable.Column pair(String[] p) {
        return new ExperimentTable.Column(CdmScore.NAME + ".cdm_L_" + p[0] + "_" + p[1], abbreviation(p[0]) + "," + abbreviation(p[1]), "%.2f");
    }

    private static String abbreviation(String factor) {
        return switch (factor) {
            case "light" -> "li";
            case "angle" -> "ang";
            case "length" -> "len";
            case "position" -> "pos";
            default -> factor;
        };
    }

    /** Every model × seeds 0 … seeds−1 at the paper's batch, learning rate and latent size. */
    public static SweepGrid grid(int seeds, long steps) {
        return SweepGrid.seeded(ENTRIES, DATASET, seeds, steps, BATCH_SIZE, LEARNING_RATE, LATENT_DIM, METRICS, MetricSuite.Votes.REFERENCE)
                .withOption("training-set", (long) TRAINING_SET);
    }

    /** One line per entry. */
    public static List<ExperimentTable.Group> groups() {
        return ENTRIES.stream().map(e -> new ExperimentTable.Group(List.of(e.label()),
                run -> run.model().equals(e.model()) && run.hyperParameters().equals(e.hyperParameters()))).toList();
    }

    /** The paper's CDM_L (appendix Tables 10–11, means over 10 runs) in the columns of {@link #TABLE}'s pairs; NaN: not reported. */
    static final Map<String, double[]> PUBLISHED = published();

    private static Map<String, double[]> published() {
        Map<String, double[]> p = new LinkedHashMap<>();
        // robustness li,len ang,len li,pos ang,pos; generativeness li,li len,li pos,li ang,ang len,ang pos,ang len,len pos,pos
        p.put("CDG-VAE L", new double[] {0, 0, 0, 0, .85, .29, .35, .95, .24, .32, .77, .69});
        p.put("CDG-VAE NL", new double[] {0, 0, 0, 0, .86, .37, .35, .92, .35, .34, .83, .78});
        p.put("VAE L (shared decoder)", new double[] {.44, .33, .38, .28, .65, .49, .51, .76, .31, .33, .43, .27});
        p.put("VAE NL (shared decoder)", new double[] {.38, .30, .40, .27, .68, .42, .52, .78, .33, .29, .56, .31});
        p.put("InfoMax L", new double[] {.42, .23, .35, .38, .61, .56, .34, .69, .40, .38, .35, .29});
        p.put("InfoMax NL", new double[] {.37, .21, .40, .26, .63, .48, .43, .75, .44, .34, .52, .31});
        return p;
    }

    /** The Markdown page: what was run, our table, the paper's numbers, the intervention grids. */
    public static String markdown(List<ExperimentTable.Summary> summaries, List<SweepRun> runs, int seeds, long steps, String wallTime) {
        StringBuilder md = new StringBuilder("# CDG-VAE: causal disentanglement of generation on pendulum\n\n");
        md.append(String.format(Locale.ROOT, "%d seeds × %,d steps on the disturbed pendulum (a fixed training set of 7,500 images, as the reference's), batch %d, Adam lr %s, 4 latents (one per factor), "
                + "each model's defaults otherwise (β 0.1, λ 5, linear mechanisms, fully supervised; InfoMax γ 5). The paper trains 100 epochs of 7,500 images (≈ 5,900 steps). Every cell is CDM_L(measured factor, "
                + "intervened node) = |mean(s(min) − s(max))| of the annotation classifier's score, mean ± standard error over the "
                + "seeds whose run is complete. Interventional robustness (li,len ang,len li,pos ang,pos and `robust.`, their "
                + "mean over all non-descendant pairs in other blocks): lower is better, ideal 0. Counterfactual generativeness "
                + "(the node's own factor and its descendants, `gener.` their mean): higher is better. The annotation classifier "
                + "reads each factor from that factor's rows of the image (as the paper's), so a block-separable decoder, whose "
                + "other blocks do not move, has robustness 0 by construction, in the paper too; the baselines' robustness and "
                + "every model's generativeness are what the table measures. %s\n\n", seeds, steps, BATCH_SIZE,
                SweepRun.format(LEARNING_RATE), wallTime));
        md.append(TABLE.markdown(summaries)).append('\n');
        md.append("The paper's CDM_L (pendulum, 10 runs, 100 epochs; its \"VAE\" is the causal layer with one shared decoder, "
                + "our second line):\n\n| model |");
        List<ExperimentTable.Column> pairs = TABLE.columns().subList(2, 2 + ROBUSTNESS_PAIRS.size() + GENERATIVENESS_PAIRS.size());
        for (ExperimentTable.Column c : pairs) md.append(' ').append(c.title()).append(" |");
        md.append("\n|").append("---|".repeat(pairs.size() + 1)).append('\n');
        for (Map.Entry<String, double[]> e : PUBLISHED.entrySet()) {
            md.append("| ").append(e.getKey()).append(" |");
            for (double v : e.getValue()) md.append(String.format(Locale.ROOT, " %.2f |", v));
            md.append('\n');
        }
        md.append("\nIntervention grids (rows: the node set; columns: the reconstruction, then the node from its smallest to its "
                + "largest value):\n\n");
        for (SweepRun run : runs) {
            md.append("- ").append(run.name()).append(": ").append(run.name()).append('/').append(InterventionGridFigure.FILE).append('\n');
        }
        return md.toString();
    }

    /** Writes {@code results.md}, {@code results.csv} (the table), {@code runs.csv} (every run) and the verdicts ({@code claims.md}, {@code claims.json}). */
    public static void write(Path out, List<SweepResults.Row> rows, List<ExperimentTable.Summary> summaries, int seeds, long steps,
            String wallTime) throws IOException {
        List<ClaimVerdict> verdicts = claims(rows);
        ClaimsReport.write(out, verdicts);
        TABLE.writeResults(out, rows, summaries, markdown(summaries, rows.stream().map(SweepResults.Row::run).toList(),
                seeds, steps, wallTime) + classifierLine(rows) + "\n## Claims (computed; claims.md)\n\n" + ClaimsReport.markdown(verdicts));
    }

    /**
     * The annotation classifier's held-out error per factor (one classifier scores every run of the
     * dataset, so any complete run's scores give it), as the reference reports it; empty before a
     * run is scored.
     */
    static String classifierLine(List<SweepResults.Row> rows) {
        for (SweepResults.Row row : rows) {
            if (!row.complete()) continue;
            StringBuilder line = new StringBuilder();
            for (String factor : org.disentangle4j.data.Pendulum.disturbed().factors().names()) {
                Double error = row.metrics().get(CdmScore.NAME + ".cdm_classifier_error_" + factor);
                Double accuracy = row.metrics().get(CdmScore.NAME + ".cdm_classifier_accuracy_" + factor);
                if (error == null || accuracy == null) return "";
                line.append(line.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%s %.3f (%.0f%% within %s)", factor, error,
                        100 * accuracy, SweepRun.format(org.disentangle4j.metrics.AnnotationClassifier.TOLERANCE)));
            }
            return "\nThe annotation classifier on held-out images (mean absolute error on the [0, 1]-scaled labels; the share within "
                    + "the tolerance): " + line + ".\n";
        }
        return "";
    }

    /**
     * The paper's claims against each baseline, on the means over its own pairs (Tables 10 and 11):
     * CDG-VAE's interventional robustness is lower and its counterfactual generativeness higher. Runs
     * of one seed are paired. The paper's numbers are its linear-mechanism rows.
     */
    public static List<ClaimVerdict> claims(List<SweepResults.Row> rows) {
        Entry cdg = ENTRIES.get(0);
        List<ClaimVerdict> verdicts = new ArrayList<>();
        String[] paperName = {null, "VAE L (shared decoder)", "InfoMax L"};
        for (int i = 1; i < ENTRIES.size(); i++) {
            Entry baseline = ENTRIES.get(i);
            double[] paper = PUBLISHED.get(paperName[i]);
            double[] ours = PUBLISHED.get("CDG-VAE L");
            verdicts.add(ClaimVerdict.judge(new Claim("robustness-vs-" + baseline.model() + (i == 1 ? "-shared" : ""),
                    "CDG-VAE's interventional robustness (mean CDM_L over the paper's 4 pairs) is lower than " + baseline.label() + "'s",
                    "robustness", cdg.label(), baseline.label(), Claim.Direction.A_LESS_THAN_B, mean(ours, 0, 4),
                    paper == null ? null : mean(paper, 0, 4), true),
                    bySeed(rows, cdg, ROBUSTNESS_PAIRS), bySeed(rows, baseline, ROBUSTNESS_PAIRS)));
            verdicts.add(ClaimVerdict.judge(new Claim("generativeness-vs-" + baseline.model() + (i == 1 ? "-shared" : ""),
                    "CDG-VAE's counterfactual generativeness (mean CDM_L over the paper's 8 pairs) is higher than " + baseline.label() + "'s",
                    "generativeness", cdg.label(), baseline.label(), Claim.Direction.A_GREATER_THAN_B, mean(ours, 4, 12),
                    paper == null ? null : mean(paper, 4, 12), true),
                    bySeed(rows, cdg, GENERATIVENESS_PAIRS), bySeed(rows, baseline, GENERATIVENESS_PAIRS)));
        }
        return verdicts;
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) sum += values[i];
        return sum / (to - from);
    }

    /** An entry's mean CDM_L over the pairs, per seed of its complete runs (a run missing a pair is left out). */
    private static Map<Long, Double> bySeed(List<SweepResults.Row> rows, Entry entry, List<String[]> pairs) {
        return SweepResults.bySeed(rows, entry, metrics -> {
            double sum = 0;
            for (String[] p : pairs) {
                Double v = metrics.get(pair(p).key());
                if (v == null) return null;
                sum += v;
            }
            return sum / pairs.size();
        });
    }
}
