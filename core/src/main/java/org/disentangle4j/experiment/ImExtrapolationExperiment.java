package org.disentangle4j.experiment;

import org.disentangle4j.experiment.verdict.Claim;
import org.disentangle4j.experiment.verdict.ClaimVerdict;
import org.disentangle4j.experiment.verdict.ClaimsReport;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.disentangle4j.data.DSpritesSmall;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.intervene.LayerIntervention;
import org.disentangle4j.intervene.LayerIntervention.Layer;
import org.disentangle4j.intervene.LayerIntervention.Transform;
import org.disentangle4j.io.AtomicFiles;
import org.disentangle4j.metrics.MetricSuite;
import org.disentangle4j.metrics.SpectralIndependenceScore;
import org.disentangle4j.metrics.stats.Mmd;
import org.disentangle4j.model.Model;
import org.disentangle4j.model.objective.SpectralIndependenceTerm;
import org.disentangle4j.nn.ConvEncoder;
import org.disentangle4j.nn.GlorotUniform;
import org.disentangle4j.nn.Torch;
import org.disentangle4j.train.Run;
import org.disentangle4j.viz.ImageGrid;

/**
 * {@code experiment im-extrapolation} (issue 15, specs/im-extrapolation.md): does intervening on
 * one decoder layer realise an environment never seen in training, and does the independence
 * regulariser help?
 *
 * <ul>
 *   <li><b>Training environment:</b> {@code dsprites-small}, dSprites with scales 0.5–0.8 only.
 *       A VAE ({@code vae}, β = 1: the sharpest generator of the zoo) with and without
 *       {@code --im-weight} {@value #IM_WEIGHT}, over seeds.
 *   <li><b>Unseen environment:</b> sprites at scale 1.0. Its true renderings are the comparison set.
 *   <li><b>Intervention</b> (fixed in advance, never tuned on the result): sprites of scale 0.8 (the
 *       largest seen) are encoded and decoded with one convolutional layer's kernels stretched
 *       isotropically by the ratio of the scales, 1.0/0.8 = {@value #STRETCH}: a local mechanism
 *       whose support grows as the sprite should, positions kept. Every convolutional layer is
 *       reported (one line each), so no layer is chosen after the fact. Two references: no
 *       intervention (the 0.8 sprites as decoded) and the whole output zoomed ×1.25 about the
 *       centre ({@code scale} at the last layer; it also moves sprites away from the centre).
 *   <li><b>Score:</b> unbiased MMD² ({@link Mmd}, Gaussian kernel, σ = the median pairwise distance
 *       of the true scale-1.0 set) between the generated images and true renderings of the same
 *       shapes, orientations and positions at scale 1.0, {@value #EVAL_POINTS} of each, on pixels
 *       and on the features of a fixed encoder: the standard conv encoder with {@value #FEATURES}
 *       outputs, Glorot-initialised from seed {@value #FEATURE_SEED} and never trained (a fixed
 *       random conv feature map: no extra training, identical for every run and seed). The points
 *       are the same for every run (seed {@value #EVAL_SEED}).
 * </ul>
 */
public final class ImExtrapolationExperiment {
    public static final String MODEL = "vae";
    public static final String DATASET = DSpritesSmall.NAME;
    /**
     * The regulariser's weight, fixed in advance: with it a layer at |log ρ| = 0.5 (ρ ≈ 1.65 or 0.6)
     * costs 25 nats, the order of a trained model's reconstruction on dSprites, while an untrained
     * decoder's layers sit at ρ ≈ 1.05–1.17 (Σ (log ρ)² ≈ 0.01–0.05).
     */
    public static final double IM_WEIGHT = 100;
    public static final int DEFAULT_SEEDS = 3;
    /**
     * A step with the regulariser costs about 2.5 plain ones (the term's DFTs; measured on a loaded machine): 3 seeds × 600
     * steps are estimated at 25–30 min on 2 unloaded cores (a plain 600-step run about 3 min with start-up and scoring).
     */
    public static final long DEFAULT_STEPS = 600;
    public static final int BATCH_SIZE = 64;
    public static final double LEARNING_RATE = 5e-4;
    public static final int LATENT_DIM = 10;
    /** The ratio of the unseen scale to the largest seen one. */
    public static final double STRETCH = 1.25;
    public static final int SOURCE_SCALE_LEVEL = 3;   // 0.8
    public static final int TARGET_SCALE_LEVEL = 5;   // 1.0
    public static final int EVAL_POINTS = 256;
    public static final long EVAL_SEED = 15;
    public static final int FEATURES = 64;
    public static final long FEATURE_SEED = 1515;
    public static final List<String> METRICS = List.of(SpectralIndependenceScore.NAME);

    public static final ExperimentTable TABLE = new ExperimentTable(List.of("model"), List.of(
            new ExperimentTable.Column(ExperimentTable.LOSS + "recon", "recon", "%.1f"),
            new ExperimentTable.Column(ExperimentTable.LOSS + "im", "im term", "%.3f"),
            new ExperimentTable.Column(SpectralIndependenceScore.NAME + "." + SpectralIndependenceScore.MEAN_ABS_LOG_RHO, "mean abs log ρ", "%.3f")));

    /** {@code experiment im-extrapolation}: its help text and what it computes. */
    public static final Experiment DECLARATION = new Experiment("im-extrapolation", List.of(
            "Independent mechanisms for extrapolation: trains a VAE on dsprites-small",
            "(scales 0.5-0.8 only) without and with --im-weight 100 (the spectral",
            "independence term) for N seeds (batch 64, Adam lr 5e-4, 10 latents), then",
            "encodes 256 sprites of scale 0.8 and decodes them with each conv layer's",
            "kernels stretched x1.25 (= 1.0/0.8, fixed in advance), and compares them",
            "with true renderings of the same sprites at the unseen scale 1.0: MMD^2 on",
            "pixels and on a fixed random conv encoder's features, mean +- standard",
            "error over seeds; references: no intervention, the output zoomed x1.25,",
            "the true 0.8 sprites. Also the spectral independence (mean |log rho|) of",
            "every run. The default (3 seeds, 600 steps) is estimated at 25-30 minutes",
            "on 2 unloaded cores (docs/experiments/im-extrapolation.md).",
            "",
            "The runs are a sweep: DIR/<run name> is a normal run directory, output in",
            "DIR/logs/; rerunning skips complete runs and resumes interrupted ones.",
            "Writes DIR/results.md, DIR/extrapolation.csv, DIR/results.csv,",
            "DIR/runs.csv and DIR/extrapolation-im-weight-<lambda>.png.",
            ""),
            DEFAULT_SEEDS, DEFAULT_STEPS, "setting", List.of(),
            new Experiment.Seeded(TABLE, ImExtrapolationExperiment::grid, ImExtrapolationExperiment::groups,
                    ImExtrapolationExperiment::write, true))
            .withBudgets(1, 100, 5, 300_000, "disentanglement_lib's 300,000 steps on dSprites; the method's own budget is not published with code; 5 seeds");

    private ImExtrapolationExperiment() {}

    /** λ = 0 and λ = {@link #IM_WEIGHT}, each over seeds 0 … seeds − 1. */
    public static SweepGrid grid(int seeds, long steps) {
        List<Setting> settings = java.util.stream.DoubleStream.of(0, IM_WEIGHT)
                .mapToObj(lambda -> new Setting(MODEL, Map.of(SpectralIndependenceTerm.IM_WEIGHT.name(), lambda))).toList();
        return SweepGrid.seeded(settings, DATASET, seeds, steps, BATCH_SIZE, LEARNING_RATE, LATENT_DIM, METRICS,
                MetricSuite.Votes.REFERENCE);
    }

    private record Setting(String model, Map<String, Double> hyperParameters) implements SweepGrid.Setting {}

    public static String label(double lambda) {
        return lambda == 0 ? "vae" : "vae, im-weight " + SweepRun.format(lambda);
    }

    /** One line per λ. */
    public static List<ExperimentTable.Group> groups() {
        List<ExperimentTable.Group> groups = new ArrayList<>();
        for (double lambda : new double[] {0, IM_WEIGHT}) {
            groups.add(new ExperimentTable.Group(List.of(label(lambda)),
                    run -> run.hyperParameters().getOrDefault(SpectralIndependenceTerm.IM_WEIGHT.name(), 0.0) == lambda));
        }
        return groups;
    }

    /** The evaluation set: the same shapes, orientations and positions at scale 0.8 (sources) and 1.0 (targets). */
    public record EvaluationSet(float[] sources, float[] targets, float[] trueSmaller, int count) {
        public static EvaluationSet of(GroundTruthDataset dataset, int count) {
            int[][] factors = dataset.factors().sample(count, new SplittableRandom(EVAL_SEED));
            int[][] source = new int[count][], target = new int[count][];
            for (int i = 0; i < count; i++) {
                source[i] = factors[i].clone();
                source[i][DSpritesSmall.SCALE_FACTOR] = SOURCE_SCALE_LEVEL;
                target[i] = factors[i].clone();
                target[i][DSpritesSmall.SCALE_FACTOR] = TARGET_SCALE_LEVEL;
            }
            float[] s = dataset.render(source);
            return new EvaluationSet(s, dataset.render(target), s, count);
        }
    }

    /** A line of the extrapolation table: what was generated, and how. */
    public record Probe(String label, int layerIndex, Transform transform, double strength) {}

    /**
     * The probes of a model: the true 0.8 sprites (how far apart the environments are), the 0.8
     * sprites decoded as they are, each convolutional layer stretched ×{@value #STRETCH}, the output
     * zoomed ×{@value #STRETCH}.
     */
    public static List<Probe> probes(Model model) {
        List<Probe> probes = new ArrayList<>();
        probes.add(new Probe("true scale-0.8 sprites", -2, null, 0));
        probes.add(new Probe("no intervention", -1, null, 0));
        for (Layer l : LayerIntervention.applicableLayers(model, Transform.STRETCH)) {
            probes.add(new Probe("stretch ×" + SweepRun.format(STRETCH) + " at layer " + (l.index() + 1) + " (" + l.name() + ", "
                    + l.output().get(2) + "×" + l.output().get(3) + " out)", l.index(), Transform.STRETCH, STRETCH));
        }
        int last = model.interventionTargets().decoderLayers().size() - 1;
        probes.add(new Probe("output zoom ×" + SweepRun.format(STRETCH) + " (scale at layer " + (last + 1) + ")", last, Transform.SCALE, STRETCH));
        return probes;
    }

    /** MMD² on pixels and on the fixed encoder's features of each probe of one trained run, and the images of its first 8 points. */
    public record RunScores(List<Probe> probes, double[] pixels, double[] features, List<float[]> previews) {}

    /** A fixed random conv encoder's features of images (n, C, 64, 64). */
    public static final class FixedFeatures implements AutoCloseable {
        private final NDManager manager;
        private final ConvEncoder encoder = new ConvEncoder(FEATURES);
        private final ParameterStore store;

        public FixedFeatures(NDManager parent, int[] observationShape) {
            manager = parent.newSubManager();
            encoder.setInitializer(new GlorotUniform(FEATURE_SEED), Parameter.Type.WEIGHT);
            encoder.initialize(manager, DataType.FLOAT32, new Shape(1, observationShape[0], observationShape[1], observationShape[2]));
            store = new ParameterStore(manager, false);
        }

        public double[][] of(float[] images, int count, int[] shape) {
            try (NDManager m = manager.newSubManager()) {
                NDArray x = m.create(images, new Shape(count, shape[0], shape[1], shape[2]));
                float[] f = encoder.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();
                return rows(f, count);
            }
        }

        @Override
        public void close() {
            manager.close();
        }
    }

    /** Scores one trained run on the evaluation set. */
    public static RunScores score(Path runDir, NDManager parent, EvaluationSet set, FixedFeatures features) {
        try (NDManager manager = parent.newSubManager(); Run run = Run.open(runDir, manager)) {
            Model model = run.model();
            int[] shape = run.dataset().observationShape();
            int n = set.count();
            double[][] targetPixels = rows(set.targets(), n);
            double[][] targetFeatures = features.of(set.targets(), n, shape);
            double sigmaPixels = Mmd.medianDistance(targetPixels), sigmaFeatures = Mmd.medianDistance(targetFeatures);
            List<Probe> probes = probes(model);
            double[] pix = new double[probes.size()], feat = new double[probes.size()];
            List<float[]> previews = new ArrayList<>();
            NDArray codes = model.represent(manager.create(set.sources(), new Shape(n, shape[0], shape[1], shape[2])));
            for (int p = 0; p < probes.size(); p++) {
                Probe probe = probes.get(p);
                float[] images;
                if (probe.layerIndex() == -2) {
                    images = set.trueSmaller();
                } else {
                    try (NDManager m = manager.newSubManager()) {
                        NDArray z = codes.duplicate();
                        z.attach(m);
                        images = probe.layerIndex() == -1 ? model.generate(z).toFloatArray()
                                : LayerIntervention.generate(model, z, probe.layerIndex(), probe.transform(), probe.strength()).toFloatArray();
                    }
                }
                pix[p] = Mmd.squared(rows(images, n), targetPixels, sigmaPixels);
                feat[p] = Mmd.squared(features.of(images, n, shape), targetFeatures, sigmaFeatures);
                previews.add(java.util.Arrays.copyOf(images, 8 * shape[0] * shape[1] * shape[2]));
            }
            return new RunScores(probes, pix, feat, previews);
        }
    }

    /** The extrapolation table over complete runs, the preview figure of each λ's first complete seed; written into {@code out}. */
    public static String writeExtrapolation(Path out, List<SweepResults.Row> rows, NDManager manager, String wallTime, int seeds, long steps)
            throws IOException {
        GroundTruthDataset dataset = new DSpritesSmall();
        EvaluationSet set = EvaluationSet.of(dataset, EVAL_POINTS);
        Map<Double, List<RunScores>> byLambda = new LinkedHashMap<>();
        Map<Double, Map<Long, RunScores>> bySeed = new LinkedHashMap<>();
        try (FixedFeatures features = new FixedFeatures(manager, dataset.observationShape())) {
            for (double lambda : new double[] {0, IM_WEIGHT}) {
                Map<Long, RunScores> scores = new java.util.TreeMap<>();
                for (SweepResults.Row row : rows) {
                    if (!row.complete() || row.run().hyperParameters().getOrDefault(SpectralIndependenceTerm.IM_WEIGHT.name(), 0.0) != lambda) continue;
                    scores.put(row.run().seed(), score(out.resolve(row.run().name()), manager, set, features));
                }
                bySeed.put(lambda, scores);
                byLambda.put(lambda, new ArrayList<>(scores.values()));
            }
        }
        List<ClaimVerdict> verdicts = claims(bySeed.get(0.0), bySeed.get(IM_WEIGHT));
        ClaimsReport.write(out, verdicts);
        StringBuilder md = new StringBuilder("# Independent mechanisms: extrapolating dSprites to an unseen scale\n\n");
        md.append(String.format(Locale.ROOT, "%s trained on %s (scales 0.5–0.8) for %,d steps, batch %d, Adam lr %s, %d latent dimensions, "
                + "without and with --im-weight %s, %d seeds. Sprites at scale 0.8 (%d, the same for every run) are encoded and decoded "
                + "with each intervention; MMD² (unbiased, Gaussian kernel, σ the median distance of the true set) to true renderings "
                + "of the same sprites at the unseen scale 1.0, on pixels and on a fixed random conv encoder's %d features; mean ± "
                + "standard error over complete runs (lower is better; ≈ 0 when indistinguishable). %s\n\n",
                MODEL, DATASET, steps, BATCH_SIZE, SweepRun.format(LEARNING_RATE), LATENT_DIM, SweepRun.format(IM_WEIGHT), seeds,
                EVAL_POINTS, FEATURES, wallTime));
        List<RunScores> plain = byLambda.get(0.0), reg = byLambda.get(IM_WEIGHT);
        List<Probe> probes = !plain.isEmpty() ? plain.get(0).probes() : !reg.isEmpty() ? reg.get(0).probes() : List.of();
        md.append("| generated | runs | MMD² pixels | MMD² pixels, im | MMD² features | MMD² features, im |\n|---|---|---|---|---|---|\n");
        StringBuilder csv = new StringBuilder("probe,im_weight,runs,mmd2_pixels_mean,mmd2_pixels_se,mmd2_features_mean,mmd2_features_se\n");
        for (int p = 0; p < probes.size(); p++) {
            md.append("| ").append(probes.get(p).label()).append(" | ").append(plain.size()).append(" / ").append(reg.size());
            for (boolean pixels : new boolean[] {true, false}) {
                for (List<RunScores> runs : List.of(plain, reg)) md.append(" | ").append(cell(values(runs, p, pixels)));
            }
            md.append(" |\n");
            for (double lambda : new double[] {0, IM_WEIGHT}) {
                List<RunScores> runs = byLambda.get(lambda);
                double[] a = SweepResults.meanAndStandardError(boxed(values(runs, p, true))), b = SweepResults.meanAndStandardError(boxed(values(runs, p, false)));
                csv.append(String.format(Locale.ROOT, "\"%s\",%s,%d,%.6g,%.6g,%.6g,%.6g\n", probes.get(p).label(), SweepRun.format(lambda),
                        runs.size(), a[0], a[1], b[0], b[1]));
            }
        }
        AtomicFiles.writeString(out.resolve("extrapolation.csv"), csv.toString());
        // previews: rows = probes then the true scale-1.0 sprites, columns = the first 8 points; one figure per λ (first complete seed)
        List<String> figures = new ArrayList<>();
        int[] shape = dataset.observationShape();
        for (double lambda : new double[] {0, IM_WEIGHT}) {
            List<RunScores> runs = byLambda.get(lambda);
            if (runs.isEmpty()) continue;
            RunScores first = runs.get(0);
            ImageGrid grid = new ImageGrid(first.probes().size() + 1, 8, shape[0], shape[1], shape[2], 1, 440);
            for (int p = 0; p < first.probes().size(); p++) {
                grid.labelRow(p, first.probes().get(p).label());
                for (int i = 0; i < 8; i++) grid.put(p, i, first.previews().get(p), i * shape[0] * shape[1] * shape[2]);
            }
            grid.labelRow(first.probes().size(), "true scale-1.0 sprites (target)");
            for (int i = 0; i < 8; i++) grid.put(first.probes().size(), i, set.targets(), i * shape[0] * shape[1] * shape[2]);
            String file = "extrapolation-im-weight-" + SweepRun.format(lambda) + ".png";
            grid.writePng(out.resolve(file));
            figures.add(file);
        }
        md.append("\nFigures (first complete seed; rows as in the table, last row the target): ").append(String.join(", ", figures)).append('\n');
        md.append("\n## Claims (computed; claims.md)\n\n").append(ClaimsReport.markdown(verdicts));
        return md.toString();
    }

    /**
     * The claim, one per layer stretch (every layer, none chosen after the fact): trained with the
     * independence penalty, the decoder's stretched layer renders the unseen scale closer to the
     * truth (lower MMD² on the fixed features) than without it; runs of one seed paired.
     */
    public static List<ClaimVerdict> claims(Map<Long, RunScores> plain, Map<Long, RunScores> regularised) {
        RunScores any = !plain.isEmpty() ? plain.values().iterator().next()
                : !regularised.isEmpty() ? regularised.values().iterator().next() : null;
        List<ClaimVerdict> verdicts = new ArrayList<>();
        if (any == null) return verdicts;
        for (int p = 0; p < any.probes().size(); p++) {
            Probe probe = any.probes().get(p);
            if (probe.transform() != Transform.STRETCH) continue;
            int index = p;
            verdicts.add(ClaimVerdict.judge(new Claim("im-stretch-layer-" + (probe.layerIndex() + 1), "with the independence penalty, "
                    + probe.label() + " comes closer to the unseen scale", "MMD² features", "im-weight " + SweepRun.format(IM_WEIGHT),
                    "im-weight 0", Claim.Direction.A_LESS_THAN_B, null, null, true),
                    featuresOf(regularised, index), featuresOf(plain, index)));
        }
        return verdicts;
    }

    private static Map<Long, Double> featuresOf(Map<Long, RunScores> runs, int probe) {
        Map<Long, Double> out = new java.util.TreeMap<>();
        runs.forEach((seed, scores) -> {
            if (probe < scores.features().length && Double.isFinite(scores.features()[probe])) out.put(seed, scores.features()[probe]);
        });
        return out;
    }

    private static double[] values(List<RunScores> runs, int probe, boolean pixels) {
        double[] v = new double[runs.size()];
        for (int i = 0; i < v.length; i++) v[i] = pixels ? runs.get(i).pixels()[probe] : runs.get(i).features()[probe];
        return v;
    }

    private static String cell(double[] v) {
        if (v.length == 0) return "–";
        double[] me = SweepResults.meanAndStandardError(boxed(v));
        return v.length == 1 ? String.format(Locale.ROOT, "%.4f", me[0]) : String.format(Locale.ROOT, "%.4f ± %.4f", me[0], me[1]);
    }

    /** Writes results.md (the sweep's table and the extrapolation table), results.csv, extrapolation.csv, runs.csv and the figures. */
    public static void write(Path out, List<SweepResults.Row> rows, List<ExperimentTable.Summary> summaries, int seeds, long steps,
            String wallTime) throws IOException {
        Files.createDirectories(out);
        String extrapolation;
        try (NDManager manager = Torch.newManager()) {
            extrapolation = writeExtrapolation(out, rows, manager, wallTime, seeds, steps);
        }
        TABLE.writeResults(out, rows, summaries, extrapolation + "\n## Training\n\nLast logged terms and the spectral independence "
                + "of the decoder's 4 conv layers (mean abs log ρ: the mean of |log ρ| over them, 64 encoded training images).\n\n" + TABLE.markdown(summaries));
    }

    private static List<Double> boxed(double[] v) {
        return java.util.Arrays.stream(v).boxed().toList();
    }

    static double[][] rows(float[] flat, int count) {
        int size = flat.length / count;
        double[][] out = new double[count][size];
        for (int i = 0; i < count; i++) for (int j = 0; j < size; j++) out[i][j] = flat[i * size + j];
        return out;
    }
}
