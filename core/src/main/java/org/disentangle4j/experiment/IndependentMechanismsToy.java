package org.disentangle4j.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.disentangle4j.metrics.stats.GaussianWasserstein;
import org.disentangle4j.metrics.stats.SymmetricEigen;

/**
 * The toy of independent mechanisms for extrapolation (issue 15, specs/im-extrapolation.md), in
 * plain double: a linear two-layer generator x = A₂·A₁·z, z ~ N(0, I), so the observed
 * distribution is N(0, Σ_x) with Σ_x = A₂A₁A₁ᵀA₂ᵀ and the factorisation (A₁, A₂) is not
 * identifiable: (G·A₁, A₂·G⁻¹) gives the same data for any invertible G.
 *
 * <ul>
 *   <li><b>Truth.</b> A generic factorisation: A₁* (h* × d) and A₂* (D × h*) each U·diag(s)·Vᵀ with
 *       Haar-random orthogonal U, V and singular values uniform in [0.5, 1.5], drawn from a seed.
 *   <li><b>Model.</b> Over-parameterised, A₁ (h × d), A₂ (D × h) with h &gt; h*, fitted by full-batch
 *       gradient descent from a small seeded initialisation (entries N(0, σ₀²)) on the covariance
 *       loss L = ‖A₂A₁A₁ᵀA₂ᵀ − Σ_x‖²_F (the exact population covariance: no sampling noise).
 *   <li><b>Independence-regularised.</b> L + λ·(log r)², r the trace-condition ratio of the second
 *       layer with its input covariance Σ = A₁A₁ᵀ (Janzing et al.): r = τ(A₂ΣA₂ᵀ) / (τ(A₂A₂ᵀ)·τ(Σ)),
 *       τ the normalised trace tr/n. r ≈ 1 for a generic pair (a random A₂ with any Σ), r &gt; 1
 *       when A₂'s strong directions are those where Σ has its variance.
 *   <li><b>Interventions</b> on the second layer, applied to the true and the learned A₂ alike;
 *       scored by the 2-Wasserstein distance between the true intervened N(0, A₂'*Σ*A₂'*ᵀ) and
 *       the model's.
 * </ul>
 *
 * <p><b>Which intervention.</b> An output-space map A₂ ↦ T·A₂ (a scaling, a rotation of x) is no
 * test of extrapolation: the intervened covariance T·A₂A₁A₁ᵀA₂ᵀ·Tᵀ = T·Σ_x·Tᵀ depends on the
 * product alone, so every model that fits the data gets it right, whatever its factorisation.
 * {@link #outputTransform} is kept to show exactly that. The intervention that tells
 * factorisations apart must act on the mechanism itself: {@link #spectralPower}, A₂ = U·S·Vᵀ ↦
 * c·U·S^γ·Vᵀ (the mechanism's gains raised to a power, its directions and total gain kept). It
 * does not depend on the basis of the hidden layer (rotating the hidden layer, A₂·Qᵀ and Q·A₁,
 * gives the same result), so it is well defined for a model whose hidden layer is wider than the
 * truth's; it does depend on how the product is split between the layers, which the data do not
 * determine.
 *
 * <p><b>What r = 1 does not fix.</b> The trace condition is one scalar. Both extreme splits meet it
 * exactly: A₁ = I (Σ = I, all structure in A₂) and A₂ = I (all structure in A₁), and they
 * extrapolate the gains' power as differently as possible (the first turns Σ_x into a multiple of
 * Σ_x^γ, the second leaves Σ_x unchanged). With a hidden layer wider than the output, a generic A₂
 * also has a null space, and r = 1 asks for part of Σ's variance to lie in it.
 */
public final class IndependentMechanismsToy {
    /** The measured setting: latent 5, true hidden 5, model hidden 10 (twice the truth's), output 5. */
    public static final Dimensions DIMENSIONS = new Dimensions(5, 5, 10, 5);
    /**
     * 20,000 full-batch steps of 0.01 from entries N(0, 0.1²), λ = 1: both fits reach a relative
     * covariance error below 10⁻¹² (the truth's covariance has eigenvalues of order 0.1 to 5); from
     * N(0, 0.01²) the plain fit is still far from the data after 20,000 steps and the penalty's
     * gradient, which grows as 1/‖A‖ near 0, can diverge.
     */
    public static final Training TRAINING = new Training(20_000, 0.01, 0.1, 1.0);

    private IndependentMechanismsToy() {}

    /** Latent d, true hidden h*, model hidden h (&gt; h*), output D. */
    public record Dimensions(int latent, int trueHidden, int modelHidden, int output) {}

    /** Full-batch gradient descent: steps, learning rate, initial scale σ₀, independence weight λ (0: plain). */
    public record Training(int steps, double learningRate, double initScale, double independenceWeight) {
        public Training withIndependenceWeight(double lambda) {
            return new Training(steps, learningRate, initScale, lambda);
        }
    }

    /** A₁ (hidden × latent) and A₂ (output × hidden). */
    public record Factorisation(double[][] first, double[][] second) {
        /** The layer-2 input covariance Σ = A₁A₁ᵀ. */
        public double[][] hiddenCovariance() {
            return times(first, transpose(first));
        }

        /** The observed covariance A₂A₁A₁ᵀA₂ᵀ. */
        public double[][] covariance() {
            return sandwich(second, hiddenCovariance());
        }

        /** The covariance after replacing A₂ by the intervention's A₂'. */
        public double[][] intervenedCovariance(Intervention intervention) {
            return sandwich(intervention.apply(second), hiddenCovariance());
        }

        /** The trace-condition ratio r = τ(A₂ΣA₂ᵀ) / (τ(A₂A₂ᵀ)·τ(Σ)). */
        public double traceRatio() {
            return traceRatio(first, second);
        }

        private static double traceRatio(double[][] a1, double[][] a2) {
            double a = squaredNorm(times(a2, a1)), b = squaredNorm(a2), c = squaredNorm(a1);
            return a * a1.length / (b * c);   // (a/D) / ((b/D)·(c/h))
        }
    }

    /** A change of the second layer's mechanism, A₂ ↦ A₂'. */
    public interface Intervention {
        String name();

        double[][] apply(double[][] second);
    }

    /** A₂ ↦ T·A₂ (T output × output): the same for every fit of the data (see the class comment). */
    public static Intervention outputTransform(String name, double[][] t) {
        return new Intervention() {
            public String name() {
                return name;
            }

            public double[][] apply(double[][] second) {
                return times(t, second);
            }
        };
    }

    /**
     * A₂ = U·S·Vᵀ ↦ c·U·S^γ·Vᵀ with c such that ‖A₂'‖_F = ‖A₂‖_F: the gains' profile sharpened
     * (γ &gt; 1) or flattened (γ &lt; 1), the directions and the total gain kept. Computed as
     * A₂·(A₂ᵀA₂)^{(γ−1)/2}, the power taken on the non-zero eigenvalues only (directions A₂ maps
     * to 0 stay at 0). Why the norm is kept: U·S^γ·Vᵀ alone scales as c^γ when A₂ does, so the
     * result would depend on how the overall scale is split between the layers ((c·A₂, A₁/c) fit the
     * same data), which no independence criterion (all are scale-free) can pin down; with the norm
     * kept, A₂' scales as A₂ and the intervened distribution is the same for every such split.
     */
    public static Intervention spectralPower(double gamma) {
        if (!(gamma > 0)) throw new IllegalArgumentException("γ must be positive, got " + gamma);
        return new Intervention() {
            public String name() {
                return "gains^" + gamma;
            }

            public double[][] apply(double[][] second) {
                SymmetricEigen gram = SymmetricEigen.of(times(transpose(second), second));
                double largest = 0;
                for (double l : gram.values()) largest = Math.max(largest, l);
                double floor = 1e-12 * largest;
                double[][] powered = times(second, gram.apply(l -> l > floor ? Math.pow(l, (gamma - 1) / 2) : 0));
                return scale(powered, Math.sqrt(squaredNorm(second) / squaredNorm(powered)));
            }
        };
    }

    /** The true generic factorisation of a seed. */
    public static Factorisation truth(Dimensions dims, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new Factorisation(randomWellConditioned(dims.trueHidden(), dims.latent(), random),
                randomWellConditioned(dims.output(), dims.trueHidden(), random));
    }

    /**
     * Fits the model to the covariance Σ_x by gradient descent from the seed's initialisation.
     * Fails on a non-finite parameter (a learning rate too large for the data's scale).
     */
    public static Factorisation train(double[][] target, Dimensions dims, Training training, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] a1 = gaussian(dims.modelHidden(), dims.latent(), training.initScale(), random);
        double[][] a2 = gaussian(dims.output(), dims.modelHidden(), training.initScale(), random);
        for (int step = 0; step < training.steps(); step++) {
            Gradient g = gradient(a1, a2, target, training.independenceWeight());
            a1 = plus(a1, scale(g.first(), -training.learningRate()));
            a2 = plus(a2, scale(g.second(), -training.learningRate()));
            if (step % 1000 == 999 && !Double.isFinite(squaredNorm(a1) + squaredNorm(a2))) {
                throw new IllegalStateException("gradient descent diverged by step " + (step + 1) + " (learning rate " + training.learningRate() + ")");
            }
        }
        return new Factorisation(a1, a2);
    }

    /** The objective and its gradients in A₁ and A₂. */
    record Gradient(double objective, double[][] first, double[][] second) {}

    /** L + λ·(log r)² at (A₁, A₂) and its gradient. */
    static Gradient gradient(double[][] a1, double[][] a2, double[][] target, double lambda) {
        double[][] m = times(a2, a1);
        double[][] error = minus(times(m, transpose(m)), target);        // E = MMᵀ − Σ_x (symmetric)
        double[][] em = times(error, m);
        // ∂L/∂A₂ = 4·E·M·A₁ᵀ, ∂L/∂A₁ = 4·A₂ᵀ·E·M
        double[][] g2 = scale(times(em, transpose(a1)), 4);
        double[][] g1 = scale(times(transpose(a2), em), 4);
        double objective = squaredNorm(error);
        if (lambda > 0) {
            // log r = log‖M‖² − log‖A₂‖² − log‖A₁‖² + log h, so ∂(log r)²/∂A₂ = 2·log r·(2M·A₁ᵀ/‖M‖² − 2A₂/‖A₂‖²)
            // and ∂(log r)²/∂A₁ = 2·log r·(2A₂ᵀM/‖M‖² − 2A₁/‖A₁‖²)
            double a = squaredNorm(m), b = squaredNorm(a2), c = squaredNorm(a1);
            double logR = Math.log(a * a1.length / (b * c));
            objective += lambda * logR * logR;
            double w = 4 * lambda * logR;
            g2 = plus(g2, plus(scale(times(m, transpose(a1)), w / a), scale(a2, -w / b)));
            g1 = plus(g1, plus(scale(times(transpose(a2), m), w / a), scale(a1, -w / c)));
        }
        return new Gradient(objective, g1, g2);
    }

    /** ‖model covariance − Σ_x‖_F / ‖Σ_x‖_F. */
    public static double relativeFitError(Factorisation model, double[][] target) {
        return Math.sqrt(squaredNorm(minus(model.covariance(), target)) / squaredNorm(target));
    }

    /** One seed: the truth, the plain and the regularised fits, and the W₂ of each intervention. */
    public record SeedResult(long seed, double truthRatio, double plainRatio, double regularisedRatio,
                             double plainFitError, double regularisedFitError,
                             double[] baselineW2, double[] plainW2, double[] regularisedW2) {}

    /**
     * Seed s draws the truth from s and the (shared) initialisation from s + 1 000 003; trains
     * plainly (λ = 0) and with the training's λ. For each intervention: W₂ from the true intervened
     * distribution to the plain model's, to the regularised model's, and to the observed one
     * (the baseline: predicting no change at all).
     */
    public static SeedResult run(Dimensions dims, Training regularised, List<Intervention> interventions, long seed) {
        Factorisation truth = truth(dims, seed);
        double[][] target = truth.covariance();
        Factorisation plain = train(target, dims, regularised.withIndependenceWeight(0), seed + 1_000_003);
        Factorisation independent = train(target, dims, regularised, seed + 1_000_003);
        int n = interventions.size();
        double[] baseline = new double[n], plainW2 = new double[n], regularisedW2 = new double[n];
        for (int i = 0; i < n; i++) {
            double[][] expected = truth.intervenedCovariance(interventions.get(i));
            baseline[i] = GaussianWasserstein.zeroMean(expected, target);
            plainW2[i] = GaussianWasserstein.zeroMean(expected, plain.intervenedCovariance(interventions.get(i)));
            regularisedW2[i] = GaussianWasserstein.zeroMean(expected, independent.intervenedCovariance(interventions.get(i)));
        }
        return new SeedResult(seed, truth.traceRatio(), plain.traceRatio(), independent.traceRatio(),
                relativeFitError(plain, target), relativeFitError(independent, target), baseline, plainW2, regularisedW2);
    }

    /** {@link #run} for seeds 0 … seeds − 1. */
    public static List<SeedResult> compare(Dimensions dims, Training regularised, List<Intervention> interventions, int seeds) {
        List<SeedResult> results = new ArrayList<>();
        for (long s = 0; s < seeds; s++) results.add(run(dims, regularised, interventions, s));
        return results;
    }

    // ---- small dense matrices ----

    private static double[][] randomWellConditioned(int rows, int cols, SplittableRandom random) {
        int k = Math.min(rows, cols);
        double[][] u = orthonormalColumns(rows, k, random), v = orthonormalColumns(cols, k, random);
        double[][] us = new double[rows][k];
        for (int i = 0; i < rows; i++) for (int j = 0; j < k; j++) us[i][j] = u[i][j];
        for (int j = 0; j < k; j++) {
            double s = 0.5 + random.nextDouble();
            for (int i = 0; i < rows; i++) us[i][j] *= s;
        }
        return times(us, transpose(v));
    }

    /** k Haar-random orthonormal columns in R^n: Gram–Schmidt of Gaussian vectors. */
    private static double[][] orthonormalColumns(int n, int k, SplittableRandom random) {
        double[][] q = new double[n][k];
        for (int j = 0; j < k; j++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = random.nextGaussian();
            for (int pass = 0; pass < 2; pass++) {           // twice, for orthogonality to rounding
                for (int c = 0; c < j; c++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) dot += v[i] * q[i][c];
                    for (int i = 0; i < n; i++) v[i] -= dot * q[i][c];
                }
            }
            double norm = 0;
            for (double x : v) norm += x * x;
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) q[i][j] = v[i] / norm;
        }
        return q;
    }

    private static double[][] gaussian(int rows, int cols, double sd, SplittableRandom random) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) for (int j = 0; j < cols; j++) row[j] = sd * random.nextGaussian();
        return a;
    }

    static double[][] times(double[][] a, double[][] b) {
        int n = a.length, k = b.length, m = b[0].length;
        if (a[0].length != k) throw new IllegalArgumentException("shapes " + n + "×" + a[0].length + " and " + k + "×" + m);
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < k; l++) {
                double x = a[i][l];
                for (int j = 0; j < m; j++) c[i][j] += x * b[l][j];
            }
        }
        return c;
    }

    static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) t[j][i] = a[i][j];
        return t;
    }

    /** A·S·Aᵀ. */
    static double[][] sandwich(double[][] a, double[][] s) {
        return times(times(a, s), transpose(a));
    }

    private static double[][] plus(double[][] a, double[][] b) {
        double[][] c = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) c[i][j] = a[i][j] + b[i][j];
        return c;
    }

    private static double[][] minus(double[][] a, double[][] b) {
        return plus(a, scale(b, -1));
    }

    private static double[][] scale(double[][] a, double s) {
        double[][] c = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) c[i][j] = s * a[i][j];
        return c;
    }

    private static double squaredNorm(double[][] a) {
        double s = 0;
        for (double[] row : a) for (double x : row) s += x * x;
        return s;
    }
}
