package org.disentangle4j.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.disentangle4j.data.Datasets;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.data.RenderSpeed;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.metrics.MetricsBenchmark;
import org.disentangle4j.metrics.ProgressListener;
import org.disentangle4j.model.Method;
import org.disentangle4j.model.Methods;
import org.disentangle4j.model.ComposedModel;
import org.disentangle4j.model.architecture.NetworkEncoder;
import org.disentangle4j.model.architecture.ConvImageDecoder;
import org.disentangle4j.nn.ComputePeak;
import org.disentangle4j.nn.FlopCounter;
import org.disentangle4j.nn.Torch;
import org.disentangle4j.train.Run;
import org.disentangle4j.train.StepPhases;
import org.disentangle4j.train.Trainer;
import org.disentangle4j.train.TrainingListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code disentangle bench}: what this machine can compute (its CPU's float32 peak, the engine's best
 * matrix product and convolution), the standard β-VAE's training step against each, the same model
 * through {@code train}'s own loop, and the training images/s of every registered model.
 *
 * <p>Every training figure is measured the same way: the loop of {@code train} itself, timed from the
 * end of the warm-up steps to the last step's end, so start-up and first-call costs are left out.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure this machine's float32 peak (theoretical, and the engine's best matmul",
            "and convolution), training images/s and GFLOP/s of the standard β-VAE against",
            "each, the same model through train's own loop (logging, checkpoints, progress",
            "bar), the training images/s of every registered model, dataset rendering",
            "speed, and the seconds of each array metric on the standard case."})
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--steps", paramLabel = "N", description = "timed training steps per model; default ${DEFAULT-VALUE}")
    int steps = 60;

    @Option(names = "--warmup", paramLabel = "N", description = "untimed steps first; default ${DEFAULT-VALUE}")
    int warmup = 10;

    @Option(names = "--batch-size", paramLabel = "N", description = "batch of the β-VAE cases; default ${DEFAULT-VALUE}")
    int batchSize = 64;

    @Option(names = "--train-steps", paramLabel = "N", description = {"timed steps of β-VAE through train's own loop",
        "(log every 50, checkpoint every 500); default ${DEFAULT-VALUE}; 0 skips it"})
    int trainSteps = 500;

    @Option(names = "--models", paramLabel = "all|NAME,...", description = {"models whose images/s to measure (each at its",
        "own default batch size, on dsprites); default ${DEFAULT-VALUE}; none skips"})
    String models = "all";

    @Option(names = "--dataset", paramLabel = "NAME", description = "dataset of the every-model table; default ${DEFAULT-VALUE}")
    String dataset = "dsprites";

    @Option(names = "--skip-metrics", description = "skip the metric-suite case")
    boolean skipMetrics;

    @Option(names = "--skip-rendering", description = "skip the dataset rendering speeds")
    boolean skipRendering;

    @Spec
    CommandSpec spec;

    /** The command's own output stream (the console, or a test's writer); flushed line by line. */
    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        out = new PrintWriter(spec.commandLine().getOut(), true);
        if (steps < 1 || warmup < 1) throw new UserInputException("--steps and --warmup must be at least 1");
        if (trainSteps < 0) throw new UserInputException("--train-steps must be at least 0, got " + trainSteps);
        List<String> selected = selectedModels();
        if (!Datasets.names().contains(dataset)) {
            throw new UserInputException("unknown --dataset '" + dataset + "'; the datasets are " + String.join(", ", Datasets.names()));
        }
        out.printf("machine: %d cores, %s, %d engine threads%n",
                Runtime.getRuntime().availableProcessors(), Torch.description(), Torch.threads());
        Peaks peaks = peaks();
        Path dir = Files.createTempDirectory("disentangle-bench");
        try {
            double benchLoop = benchStandardModel(peaks, dir);
            if (trainSteps > 0) benchTrainLoop(benchLoop, dir);
            if (!selected.isEmpty()) benchModels(selected, dir);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        if (!skipRendering) benchRendering();
        if (!skipMetrics) benchMetrics();
        return 0;
    }

    private List<String> selectedModels() {
        if (models.equals("none")) return List.of();
        if (models.equals("all")) return Methods.all().stream().map(Method::name).toList();
        List<String> names = new ArrayList<>();
        for (String name : models.split(",")) {
            Methods.get(name.trim()); // one line naming the registered models if unknown
            names.add(name.trim());
        }
        return names;
    }

    /** The theoretical float32 peak (0 where /proc/cpuinfo cannot be read) and the engine's measured bests. */
    private record Peaks(double cpu, double matmul, double convolution) {}

    private Peaks peaks() {
        var cpu = ComputePeak.ofThisMachine();
        out.println("CPU float32 peak: " + cpu.map(ComputePeak.CpuPeak::toString).orElse("unknown (no /proc/cpuinfo)"));
        double matmul, conv;
        try (NDManager m = Torch.newManager()) {
            matmul = ComputePeak.bestMatmulGflops(m, 2048, 8);
            conv = ComputePeak.bestConvolutionGflops(m, 8);
        }
        double peak = cpu.map(ComputePeak.CpuPeak::gflops).orElse(0.0);
        out.printf("engine's best: matmul 2048×2048 %.1f GFLOP/s%s; 3×3 convolution 64→64 channels, batch 64 of 32×32: %.1f GFLOP/s%s%n",
                matmul, ofPeak(matmul, peak), conv, ofPeak(conv, peak));
        return new Peaks(peak, matmul, conv);
    }

    private static String ofPeak(double gflops, double peak) {
        return peak > 0 ? String.format(" (%.0f%% of the CPU peak)", 100 * gflops / peak) : "";
    }

    /** β-VAE at --batch-size: images/s, its FLOPs from the architecture, and the fraction of each peak. Returns its images/s. */
    private double benchStandardModel(Peaks peaks, Path dir) throws Exception {
        try (NDManager manager = Torch.newManager();
                Run run = trainCommand(List.of("--model", "beta-vae", "--batch-size", Integer.toString(batchSize)), warmup + steps,
                        1_000_000, dir.resolve("beta-vae-standard")).createRun(manager)) {
            ComposedModel vae = (ComposedModel) run.model();
            FlopCounter.Count enc = FlopCounter.forward(((NetworkEncoder) vae.encoder()).network(), new Shape(1, 1, 64, 64));
            FlopCounter.Count dec = FlopCounter.forward(((ConvImageDecoder) vae.decoder()).network(), new Shape(1, 10));
            long forwardMacs = enc.macs() + dec.macs();
            long stepFlops = FlopCounter.trainingFlops(forwardMacs, enc.firstLayerMacs()) * batchSize;
            Timing timing = Timing.train(run, warmup, warmup + steps, new TrainingListener() {});
            double seconds = timing.seconds();
            double imagesPerSecond = steps * (double) batchSize / seconds;
            double gflops = stepFlops * (steps / seconds) / 1e9;
            out.printf("β-VAE forward: %.2f M multiply-adds per image (encoder %.2f, decoder %.2f)%n",
                    forwardMacs / 1e6, enc.macs() / 1e6, dec.macs() / 1e6);
            out.printf("training step (batch %d): %.2f GFLOP (forward + both backward products)%n", batchSize, stepFlops / 1e9);
            out.printf("training: %.0f images/s, %.1f ms/step, %.1f GFLOP/s = %s%.0f%% of the best matmul, %.0f%% of the best convolution%n",
                    imagesPerSecond, 1000 * seconds / steps, gflops,
                    peaks.cpu() > 0 ? String.format("%.0f%% of the CPU peak, ", 100 * gflops / peaks.cpu()) : "",
                    100 * gflops / peaks.matmul(), 100 * gflops / peaks.convolution());
            out.println("  where a step's time goes: " + timing.phases());
            return imagesPerSecond;
        }
    }

    /** The same model through train's own loop: its default log and checkpoint intervals and its progress bar. */
    private void benchTrainLoop(double benchLoop, Path dir) throws Exception {
        try (NDManager manager = Torch.newManager();
                Run run = trainCommand(List.of("--model", "beta-vae", "--batch-size", Integer.toString(batchSize)), warmup + trainSteps,
                        0, dir.resolve("beta-vae-train-loop")).createRun(manager)) {
            Timing timing;
            try (CommandLineEvents bar = new CommandLineEvents(out).forRun(run.directory().path())) {
                timing = Timing.train(run, warmup, warmup + trainSteps, bar);
            }
            double imagesPerSecond = trainSteps * (double) batchSize / timing.seconds();
            StepPhases phases = timing.phases();
            out.printf("train's own loop (log every %d, checkpoint every %d, progress bar; %d timed steps): %.0f images/s = %.0f%% of the above;"
                    + " the engine's forward, backward and update take %.1f%% of its time%n",
                    run.config().logEvery(), run.config().checkpointEvery(), trainSteps, imagesPerSecond, 100 * imagesPerSecond / benchLoop,
                    100 * phases.engineFraction());
            out.println("  where a step's time goes: " + phases);
        }
    }

    private void benchModels(List<String> names, Path dir) throws Exception {
        out.printf("every model on %s at its own default batch size (%d warm-up + %d timed steps); engine %%: the share of the loop's"
                + " time in forward, backward and update; producer: CPU the batch renderer took beside it, %% of one core:%n",
                dataset, warmup, steps);
        out.printf("  %-14s %6s %10s %9s %9s %11s %12s %9s%n", "model", "batch", "images/s", "ms/step", "engine %", "forward ms",
                "backward ms", "producer");
        for (String name : names) {
            try (NDManager manager = Torch.newManager();
                    Run run = trainCommand(List.of("--model", name, "--dataset", dataset), warmup + steps, 1_000_000, dir.resolve(name))
                            .createRun(manager)) {
                Timing timing = Timing.train(run, warmup, warmup + steps, new TrainingListener() {});
                int batch = run.config().batchSize();
                StepPhases phases = timing.phases();
                out.printf("  %-14s %6d %10.0f %9.1f %9.1f %11.1f %12.1f %8.0f%%%n", name, batch, steps * (double) batch / timing.seconds(),
                        1000 * timing.seconds() / steps, 100 * phases.engineFraction(),
                        1000 * phases.seconds(StepPhases.Phase.FORWARD) / phases.steps(), 1000 * phases.seconds(StepPhases.Phase.BACKWARD) / phases.steps(),
                        100 * phases.producerCpuSeconds() / timing.seconds());
            } catch (UserInputException notForThisDataset) {
                out.printf("  %-14s not on %s: %s%n", name, dataset, notForThisDataset.getMessage());
            }
        }
    }

    /**
     * A {@code train} command parsed from {@code args} (defaults resolved as for a user), training
     * {@code totalSteps} into {@code out} without metrics or figures; {@code interval} sets log and
     * checkpoint intervals (0: train's own defaults).
     */
    private static TrainCommand trainCommand(List<String> args, long totalSteps, int interval, Path out) {
        List<String> all = new ArrayList<>(List.of("train"));
        all.addAll(args);
        all.addAll(List.of("--steps", Long.toString(totalSteps), "--out", out.toString(), "--no-evaluate", "--no-figures"));
        if (interval > 0) all.addAll(List.of("--log-every", Integer.toString(interval), "--checkpoint-every", Integer.toString(interval)));
        CommandLine root = Main.commandLine();
        root.parseArgs(all.toArray(String[]::new));
        return root.getSubcommands().get("train").getCommand();
    }

    /**
     * The wall time, and the loop's phases, from the end of step {@code from} to the end of step
     * {@code to}; every event also goes to {@code alongside} (a progress bar, or nothing).
     */
    private static final class Timing implements TrainingListener {
        private final long from, to;
        private final Trainer trainer;
        private final TrainingListener alongside;
        private long start, end;
        private StepPhases phasesAtStart;

        private Timing(long from, long to, Trainer trainer, TrainingListener alongside) {
            this.from = from;
            this.to = to;
            this.trainer = trainer;
            this.alongside = alongside;
        }

        /** Trains the run to its configured end, timing steps {@code from} to {@code to}. */
        static Timing train(Run run, long from, long to, TrainingListener alongside) {
            Trainer trainer = run.trainer();
            Timing timing = new Timing(from, to, trainer, alongside);
            trainer.train(timing);
            return timing;
        }

        @Override
        public void started(long completedSteps, long totalSteps) {
            alongside.started(completedSteps, totalSteps);
        }

        @Override
        public void stepped(long completed, Map<String, Float> terms, double imagesPerSecond) {
            if (completed == from) {
                start = System.nanoTime();
                phasesAtStart = trainer.phases();
            }
            if (completed == to) end = System.nanoTime();
            alongside.stepped(completed, terms, imagesPerSecond);
        }

        @Override
        public void checkpointed(long completedSteps) {
            alongside.checkpointed(completedSteps);
        }

        @Override
        public void interrupted(long completedSteps) {
            alongside.interrupted(completedSteps);
        }

        double seconds() {
            if (start == 0 || end == 0) throw new IllegalStateException("training stopped before step " + to);
            return (end - start) / 1e9;
        }

        /** The timed steps' phases (call after training). */
        StepPhases phases() {
            return trainer.phases().since(phasesAtStart);
        }
    }

    private void benchRendering() {
        for (String name : Datasets.names()) {
            GroundTruthDataset dataset = Datasets.open(name, null);
            out.printf("rendering %s: %,.0f images/s on one thread%n", name, RenderSpeed.imagesPerSecond(dataset, 50_000, 2));
        }
    }

    private void benchMetrics() {
        out.printf("metric suite on arrays (%,d train + %,d test points, %d code dims, factors of %s levels):%n",
                MetricsBenchmark.NUM_TRAIN, MetricsBenchmark.NUM_TEST, MetricsBenchmark.NUM_DIMS,
                java.util.Arrays.toString(MetricsBenchmark.FACTOR_SIZES));
        MetricsBenchmark.run(ProgressListener.NONE).forEach((metric, seconds) -> out.printf("  %-24s %6.1f s%n", metric, seconds));
    }
}
