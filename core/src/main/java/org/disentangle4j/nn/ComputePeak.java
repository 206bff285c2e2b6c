package org.disentangle4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What this machine can compute, for judging a training step's speed: the CPU's theoretical
 * float32 peak from its cores, clock and vector width, and the best the engine reaches on one large
 * matrix product and one large convolution.
 */
public final class ComputePeak {
    private ComputePeak() {}

    /**
     * cores × clock × float32 lanes per vector × 2 (a fused multiply-add is two operations) × FMA units.
     * Two FMA units per core is what current x86 server cores (AMD Zen 4/5, Intel since Skylake-SP
     * Gold) have; /proc/cpuinfo does not say it, so it is stated, not read.
     */
    public record CpuPeak(int cores, double gigahertz, int lanes, int fmaUnits, String vectorExtension) {
        public double gflops() {
            return cores * gigahertz * lanes * 2.0 * fmaUnits;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%d cores × %.2f GHz × %d float32 lanes (%s) × 2 (FMA) × %d FMA units = %.0f GFLOP/s",
                    cores, gigahertz, lanes, vectorExtension, fmaUnits, gflops());
        }
    }

    /** The peak of this machine from /proc/cpuinfo (Linux); empty where it cannot be read. */
    public static Optional<CpuPeak> ofThisMachine() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        try {
            if (!Files.isReadable(cpuinfo)) return Optional.empty();
            return fromCpuInfo(Files.readString(cpuinfo), Runtime.getRuntime().availableProcessors());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The peak from the text of /proc/cpuinfo: the highest "cpu MHz" of any processor (a virtual
     * machine reports its nominal clock; boost may exceed it) and the widest float32 vector its
     * flags name (avx512f: 16 lanes, avx2 or avx: 8, sse2: 4).
     */
    public static Optional<CpuPeak> fromCpuInfo(String text, int cores) {
        double mhz = 0;
        String flags = null;
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (key.equals("cpu MHz")) {
                try {
                    mhz = Math.max(mhz, Double.parseDouble(value));
                } catch (NumberFormatException ignored) {
                    // a malformed line says nothing about the clock
                }
            } else if (key.equals("flags") && flags == null) {
                flags = " " + value + " ";
            }
        }
        if (mhz <= 0 || flags == null) return Optional.empty();
        int lanes;
        String extension;
        if (flags.contains(" avx512f ")) {
            lanes = 16;
            extension = "AVX-512";
        } else if (flags.contains(" avx2 ") || flags.contains(" avx ")) {
            lanes = 8;
            extension = flags.contains(" avx2 ") ? "AVX2" : "AVX";
        } else {
            lanes = 4;
            extension = "SSE";
        }
        return Optional.of(new CpuPeak(cores, mhz / 1000, lanes, 2, extension));
    }

    /** Best GFLOP/s of {@code reps} n×n float32 products. */
    public static double bestMatmulGflops(NDManager manager, int n, int reps) {
        try (NDManager m = manager.newSubManager()) {
            NDArray a = m.randomNormal(new Shape(n, n));
            NDArray b = m.randomNormal(new Shape(n, n));
            double best = 0;
            for (int rep = 0; rep < reps; rep++) {
                long t0 = System.nanoTime();
                try (NDArray c = a.matMul(b)) {
                    c.getFloat(0, 0); // the product is done once an element is read
                }
                best = Math.max(best, 2.0 * n * n * n / ((System.nanoTime() - t0) / 1e9) / 1e9);
            }
            return best;
        }
    }

    /**
     * Best GFLOP/s of {@code reps} forward 3×3 convolutions, batch 64, 64 → 64 channels on 32×32 maps
     * ("same" padding): the shape of a mid-sized layer of the standard encoder and decoder, large enough
     * for the engine's best kernel.
     */
    public static double bestConvolutionGflops(NDManager manager, int reps) {
        int batch = 64, channels = 64, size = 32, kernel = 3;
        try (NDManager m = manager.newSubManager()) {
            NDArray input = m.randomNormal(new Shape(batch, channels, size, size));
            NDArray weight = m.randomNormal(new Shape(channels, channels, kernel, kernel));
            double flops = 2.0 * batch * channels * size * size * channels * kernel * kernel;
            double best = 0;
            for (int rep = 0; rep < reps; rep++) {
                long t0 = System.nanoTime();
                try (NDArray out = Conv2d.conv2d(input, weight, null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1)).singletonOrThrow()) {
                    out.getFloat(0, 0, 0, 0);
                }
                best = Math.max(best, flops / ((System.nanoTime() - t0) / 1e9) / 1e9);
            }
            return best;
        }
    }
}
