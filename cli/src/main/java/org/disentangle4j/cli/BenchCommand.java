package org.disentangle4j.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.disentangle4j.data.Datasets;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.data.RenderSpeed;
import org.disentangle4j.metrics.MetricsBenchmark;
import org.disentangle4j.metrics.ProgressListener;
import org.disentangle4j.model.VaeModel;
import org.disentangle4j.nn.FlopCounter;
import org.disentangle4j.nn.Torch;
import org.disentangle4j.train.Run;
import org.disentangle4j.train.TrainingConfig;
import org.disentangle4j.train.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code disentangle bench}: training throughput of the standard β-VAE, its FLOPs counted from
 * the architecture, and how that compares with this machine's matrix-multiply peak.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure training images/s, GFLOP/s and the fraction of this machine's matmul peak,",
            "dataset rendering speed, and the seconds of each array metric on the standard case."})
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--steps", paramLabel = "N", description = "timed training steps; default ${DEFAULT-VALUE}")
    int steps = 60;

    @Option(names = "--warmup", paramLabel = "N", description = "untimed steps first; default ${DEFAULT-VALUE}")
    int warmup = 10;

    @Option(names = "--batch-size", paramLabel = "N", description = "default ${DEFAULT-VALUE}")
    int batchSize = 64;

    @Option(names = "--skip-metrics", description = "skip the metric-suite case")
    boolean skipMetrics;

    @Option(names = "--skip-rendering", description = "skip the dataset rendering speeds")
    boolean skipRendering;

    @Override
    public Integer call() throws Exception {
        System.out.printf("machine: %d cores, %s, %d engine threads%n",
                Runtime.getRuntime().availableProcessors(), Torch.description(), Torch.threads());
        double peak = matmulPeakGflops();
        System.out.printf("matmul peak (2048×2048 float32): %.1f GFLOP/s%n", peak);
        benchTraining(peak);
        if (!skipRendering) benchRendering();
        if (!skipMetrics) benchMetrics();
        return 0;
    }

    private static void benchRendering() {
        for (String name : Datasets.names()) {
            GroundTruthDataset dataset = Datasets.open(name, null);
            System.out.printf("rendering %s: %,.0f images/s on one thread%n", name, RenderSpeed.imagesPerSecond(dataset, 50_000, 2));
        }
    }

    private static void benchMetrics() {
        System.out.printf("metric suite on arrays (%,d train + %,d test points, %d code dims, factors of %s levels):%n",
                MetricsBenchmark.NUM_TRAIN, MetricsBenchmark.NUM_TEST, MetricsBenchmark.NUM_DIMS,
                java.util.Arrays.toString(MetricsBenchmark.FACTOR_SIZES));
        MetricsBenchmark.run(ProgressListener.NONE).forEach((metric, seconds) -> System.out.printf("  %-24s %6.1f s%n", metric, seconds));
    }

    private void benchTraining(double peak) throws IOException {
        Path dir = Files.createTempDirectory("disentangle-bench");
        try (NDManager manager = Torch.newManager()) {
            TrainingConfig config = new TrainingConfig("beta-vae", "dsprites", null, warmup + steps, batchSize, 1e-4, 10,
                    "bernoulli", 0, Map.of(), 1_000_000, 1_000_000);
            try (Run run = Run.create(config, dir.resolve("run"), manager)) {
                VaeModel vae = (VaeModel) run.model();
                FlopCounter.Count enc = FlopCounter.forward(vae.encoder(), new Shape(1, 1, 64, 64));
                FlopCounter.Count dec = FlopCounter.forward(vae.decoder(), new Shape(1, 10));
                long forwardMacs = enc.macs() + dec.macs();
                long stepFlops = FlopCounter.trainingFlops(forwardMacs, enc.firstLayerMacs()) * batchSize;
                long[] timed = new long[2];
                run.trainer().train(new TrainingListener() {
                    @Override
                    public void stepped(long completed, Map<String, Float> terms, double imagesPerSecond) {
                        if (completed == warmup) timed[0] = System.nanoTime();
                        if (completed == warmup + steps) timed[1] = System.nanoTime();
                    }
                });
                double seconds = (timed[1] - timed[0]) / 1e9;
                double imagesPerSecond = steps * (double) batchSize / seconds;
                double gflops = stepFlops * (steps / seconds) / 1e9;
                System.out.printf("β-VAE forward: %.2f M multiply-adds per image (encoder %.2f, decoder %.2f)%n",
                        forwardMacs / 1e6, enc.macs() / 1e6, dec.macs() / 1e6);
                System.out.printf("training step (batch %d): %.2f GFLOP (forward + both backward products)%n", batchSize, stepFlops / 1e9);
                System.out.printf("training: %.0f images/s, %.1f ms/step, %.1f GFLOP/s = %.0f%% of matmul peak%n",
                        imagesPerSecond, 1000 * seconds / steps, gflops, 100 * gflops / peak);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Best of several 2048×2048 float32 products. */
    static double matmulPeakGflops() {
        int n = 2048;
        try (NDManager m = Torch.newManager()) {
            NDArray a = m.randomNormal(new Shape(n, n));
            NDArray b = m.randomNormal(new Shape(n, n));
            double best = 0;
            for (int rep = 0; rep < 8; rep++) {
                long t0 = System.nanoTime();
                try (NDArray c = a.matMul(b)) {
                    c.getFloat(0, 0); // make sure the product is done
                }
                double s = (System.nanoTime() - t0) / 1e9;
                best = Math.max(best, 2.0 * n * n * n / s / 1e9);
            }
            return best;
        }
    }
}
