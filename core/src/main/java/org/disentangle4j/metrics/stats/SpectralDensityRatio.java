package org.disentangle4j.metrics.stats;

/**
 * The spectral density ratio of a convolutional layer (spectral independence of a mechanism from
 * its input, issue 15): how much a kernel h is tuned to the spectrum of the feature maps x it
 * filters. In double, from the definition; {@code nn.SpectralIndependence} is the same quantity
 * on the engine, differentiable, for a training regulariser.
 *
 * <p>For one input map and one kernel slice, ρ = ⟨S_x·|ĥ|²⟩ / (⟨S_x⟩·⟨|ĥ|²⟩): ⟨·⟩ the mean over
 * the H×W frequency grid, S_x the power spectrum |x̂|² averaged over the batch, ĥ the DFT of the
 * kernel zero-padded to H×W. ρ is the output power over the output power the same kernel would
 * give on a flat (white) spectrum of the same total power: ≈ 1 when kernel and input spectrum are
 * generic with respect to each other, ≫ 1 when the kernel passes the frequencies where the input
 * has its power, ≪ 1 when it suppresses them. It is invariant to scaling x or h.
 *
 * <p><b>Channels.</b> A layer has C_in input maps and a kernel (C_out, C_in, k, k). Per output
 * channel o, summed over input channels:
 * <pre>
 *   ρ_o = Σ_i ⟨S_i·|ĥ_oi|²⟩ / Σ_i ⟨S_i⟩·⟨|ĥ_oi|²⟩
 * </pre>
 * the output channel's power (cross-spectra between input channels left out) over its power on
 * flat input spectra of the same per-channel power. Why this and not the mean of per-pair ratios
 * ρ_oi: it is the spec's "per output channel, summed over input channels"; it is the power-weighted
 * mean of the ρ_oi (weights ⟨S_i⟩⟨|ĥ_oi|²⟩, each pair's share of the output power on flat input),
 * so a pair that carries no power — a dead (all-zero, e.g. after ReLU) input channel, a near-zero
 * kernel slice — has no say, where an unweighted mean would count its ratio (noise, or 0/0) as
 * much as the pairs that make the output. White noise gives ρ_o = 1 in expectation for any
 * kernel, as for one channel. The layer's value pools the same way over output channels:
 * ρ = Σ_o numerator_o / Σ_o denominator_o. An output channel with an all-zero kernel, or a layer
 * with all-zero input, gives 0/0 = NaN.
 *
 * <p>S_x includes the maps' mean (frequency (0, 0)); maps after a ReLU have a large mean, which a
 * kernel with a large sum then "matches". Centre the maps first to leave it out.
 *
 * <p>Cost: the DFTs are separable, O(H·W·(H + W)) per map, in double.
 */
public final class SpectralDensityRatio {
    private SpectralDensityRatio() {}

    /** Numerator Σ_i ⟨S_i|ĥ_oi|²⟩ and denominator Σ_i ⟨S_i⟩⟨|ĥ_oi|²⟩ of each output channel o. */
    public record Terms(double[] numerators, double[] denominators) {
        /** ρ_o, one per output channel. */
        public double[] perOutputChannel() {
            double[] rho = new double[numerators.length];
            for (int o = 0; o < rho.length; o++) rho[o] = numerators[o] / denominators[o];
            return rho;
        }

        /** The layer's ρ, pooled over output channels: Σ numerators / Σ denominators. */
        public double layer() {
            double n = 0, d = 0;
            for (int o = 0; o < numerators.length; o++) {
                n += numerators[o];
                d += denominators[o];
            }
            return n / d;
        }
    }

    /**
     * The terms of a layer with input feature maps (B, C_in, H, W) and kernel (C_out, C_in, k_h, k_w),
     * k_h ≤ H and k_w ≤ W.
     */
    public static Terms of(double[][][][] inputs, double[][][][] kernel) {
        int channels = inputs[0].length, height = inputs[0][0].length, width = inputs[0][0][0].length;
        if (kernel[0].length != channels) {
            throw new IllegalArgumentException("kernel has " + kernel[0].length + " input channels, the maps " + channels);
        }
        double[][][] s = inputSpectrum(inputs);
        double grid = (double) height * width;
        double[] meanS = new double[channels];
        for (int i = 0; i < channels; i++) meanS[i] = sum(s[i]) / grid;
        double[] numerators = new double[kernel.length];
        double[] denominators = new double[kernel.length];
        for (int o = 0; o < kernel.length; o++) {
            for (int i = 0; i < channels; i++) {
                double[][] g = kernelSpectrum(kernel[o][i], height, width);
                double product = 0;
                for (int u = 0; u < height; u++) {
                    for (int v = 0; v < width; v++) product += s[i][u][v] * g[u][v];
                }
                numerators[o] += product / grid;
                denominators[o] += meanS[i] * sum(g) / grid;
            }
        }
        return new Terms(numerators, denominators);
    }

    /** S_i = |x̂_i|² averaged over the batch, (C_in, H, W). */
    public static double[][][] inputSpectrum(double[][][][] inputs) {
        int batch = inputs.length, channels = inputs[0].length, height = inputs[0][0].length, width = inputs[0][0][0].length;
        double[][][] s = new double[channels][height][width];
        Tables t = new Tables(height, width, height, width);
        for (double[][][] sample : inputs) {
            for (int i = 0; i < channels; i++) {
                double[][] p = power(sample[i], t);
                for (int u = 0; u < height; u++) {
                    for (int v = 0; v < width; v++) s[i][u][v] += p[u][v] / batch;
                }
            }
        }
        return s;
    }

    /** |ĥ|² of one kernel slice (k_h, k_w) zero-padded to height × width. */
    public static double[][] kernelSpectrum(double[][] kernel, int height, int width) {
        if (kernel.length > height || kernel[0].length > width) {
            throw new IllegalArgumentException("a " + kernel.length + "×" + kernel[0].length + " kernel does not fit " + height + "×" + width + " maps");
        }
        return power(kernel, new Tables(height, width, kernel.length, kernel[0].length));
    }

    /** The cos/sin tables of maps (h, w) zero-padded to (height, width), computed once for many maps. */
    private record Tables(int height, int width, double[][] cosW, double[][] sinW, double[][] cosH, double[][] sinH) {
        Tables(int height, int width, int h, int w) {
            this(height, width, table(width, w, true), table(width, w, false), table(height, h, true), table(height, h, false));
        }
    }

    /** |DFT|² of a map (h, w) zero-padded to (height, width), separably: rows, then columns. */
    private static double[][] power(double[][] x, Tables t) {
        int h = x.length, w = x[0].length, height = t.height(), width = t.width();
        double[][] cosW = t.cosW(), sinW = t.sinW(), cosH = t.cosH(), sinH = t.sinH();
        // along rows: Y[m][v] = Σ_n x[m][n]·e^{−2πi·vn/W}
        double[][] yr = new double[h][width], yi = new double[h][width];
        for (int m = 0; m < h; m++) {
            for (int v = 0; v < width; v++) {
                double re = 0, im = 0;
                for (int n = 0; n < w; n++) {
                    re += x[m][n] * cosW[v][n];
                    im -= x[m][n] * sinW[v][n];
                }
                yr[m][v] = re;
                yi[m][v] = im;
            }
        }
        // along columns: X[u][v] = Σ_m Y[m][v]·e^{−2πi·um/H}
        double[][] p = new double[height][width];
        for (int u = 0; u < height; u++) {
            for (int v = 0; v < width; v++) {
                double re = 0, im = 0;
                for (int m = 0; m < h; m++) {
                    re += yr[m][v] * cosH[u][m] + yi[m][v] * sinH[u][m];
                    im += yi[m][v] * cosH[u][m] - yr[m][v] * sinH[u][m];
                }
                p[u][v] = re * re + im * im;
            }
        }
        return p;
    }

    /** cos or sin of 2π·u·m/n, (n × size), u·m reduced mod n first. */
    private static double[][] table(int n, int size, boolean cosine) {
        double[][] t = new double[n][size];
        for (int u = 0; u < n; u++) {
            for (int m = 0; m < size; m++) {
                double angle = 2 * Math.PI * (((long) u * m) % n) / n;
                t[u][m] = cosine ? Math.cos(angle) : Math.sin(angle);
            }
        }
        return t;
    }

    private static double sum(double[][] a) {
        double s = 0;
        for (double[] row : a) for (double v : row) s += v;
        return s;
    }
}
