package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.nn.MatrixExponential;
import org.disentangle4j.nn.Scalars;

/**
 * CFASL's codebook of latent symmetries (specs/cfasl.md) and the loss functions on it.
 *
 * <p><b>The block.</b> One parameter {@value #PARAMETER} of shape (D·S, D, D): D sections (one
 * per latent dimension) of S sub-symmetries, each a D×D Lie-algebra element A_n; element
 * n = i·S + j is sub-symmetry j of section i (the reference's layout: a (D·S, …) tensor reshapes
 * to (D, S, …)). The group element is exp(A_n) ({@link MatrixExponential}); codes are row vectors
 * and act as z ↦ z·exp(A). {@code forward} ignores its input (beyond its device) and returns the
 * elements through the parameter store, so a model reads them as {@code forward(codebook, z,
 * training)}. The parameter has type {@link Parameter.Type#OTHER} with its own initializer, so
 * {@code Model.addPart}'s Glorot initialiser (for weights) leaves it alone: entries are drawn from
 * a normal distribution truncated at ±2 standard deviations (the reference: PyTorch's
 * {@code trunc_normal_}, std 1, cut at ±2), seeded, in row-major order.
 *
 * <p><b>The losses</b> are static functions on arrays, each on its own so they can be tested and
 * weighted apart. On codes z (B, D) (the reference uses the sampled codes of the whole batch) the
 * displacement of element n is Δ_n(z) = z − z·exp(A_n), {@link #displacements} (N = D·S, B, D);
 * the three alignment losses read it:
 * <ul>
 *   <li>{@link #sparsityLoss}: mean over (n, z) of (Σ_d Δ_d² − max_d Δ_d²)²: zero when each
 *       symmetry moves one coordinate only (the reference's {@code F.mse_loss(sum, max)});
 *   <li>{@link #parallelLoss}: within each section, mean over all ordered pairs (a, b) of its S·B
 *       displacements (every sub-symmetry on every code, a pair with itself included) of
 *       −log(cos²(Δ_a, Δ_b) + 10⁻⁹): ≈ 0 (its minimum, −log(1 + 10⁻⁹)) when a section moves every
 *       code along one line;
 *   <li>{@link #perpendicularLoss}: one sampled sub-symmetry per section (the reference's
 *       sampling), the mean of cos² over all pairs of displacements from different sections: 0
 *       when sections move codes in orthogonal directions. The mean is over the cross-section
 *       pairs only, as the spec says ("mean cos² across sections"); the reference divides the same
 *       sum by all (D·B)² pairs, i.e. reports (D − 1)/D of this.
 * </ul>
 * cos² is computed from displacements normalised by √(‖Δ‖² + 10⁻¹²), so a zero displacement gives
 * cos² = 0 instead of 0/0. {@link #commutativityLoss} reads the codebook itself:
 * Σ_{a&lt;b} ‖A_a A_b − A_b A_a‖²_F over <em>all</em> unordered pairs of the D·S elements (the
 * spec's sum; the reference's loop is a scrambled variant of it). It grows with the number of
 * pairs (12,720 for D = 10, S = 16): divide by D·S(D·S − 1)/2 for the mean per pair.
 *
 * <p><b>The composite symmetry</b> of a pair of codes (z¹, z²): {@link #switchLabels} are the
 * pseudo-labels 1[|z¹_i − z²_i| &gt; threshold]; {@link #switchLoss} the cross-entropy of the
 * predictor's switch logits against them (of the logits themselves: the reference applies a
 * softmax before {@code F.cross_entropy}, which applies another; that slip is not copied);
 * {@link #switchValues} the "on" component of a hard Gumbel-softmax with a straight-through
 * gradient; {@link #sectionWeights} w_ij = switch_i · softmax_j(c_i·); {@link #compositeAlgebra}
 * M = Σ_ij w_ij A_ij, whose exponentials exp(M) and exp(−M) carry z¹ to z² and back
 * ({@link #act}).
 *
 * <p><b>Scale and cost.</b> At the reference's initialisation (D = 10, S = 16, std 1) on 64
 * standard-normal codes the terms are about: sparsity 1.7·10⁶, parallel 3.3, perpendicular 0.09,
 * commutativity 1.5·10⁷ (exp(A) of such elements has norms of tens), so weights of 1 let the first
 * and the last dominate. Forward and backward of all four took about 0.4 s at B = 64 (one thread on
 * this project's 2-core machine, another job running), nearly all of it the parallel loss's
 * (D, S·B, S·B) array: quadratic in the number of codes, so passing a subset of the batch cuts it.
 *
 * <p>Every constant is made in the engine (via {@link Scalars}, {@code eye}, {@code arange}) in the
 * manager of the arrays given, so the backward pass never reads Java memory. Wrong shapes are
 * programming errors ({@link IllegalArgumentException}); sizes a user chooses (latent size,
 * sub-symmetries) are checked with a one-line {@link UserInputException}.
 */
public final class SymmetryCodebook extends AbstractBlock {
    /** The parameter's name. */
    public static final String PARAMETER = "algebra";
    /** The reference's sub-symmetries per section. */
    public static final int DEFAULT_SUB_SYMMETRIES = 16;
    /** The reference's initial standard deviation of the entries ({@code trunc_normal_} default). */
    public static final double DEFAULT_INIT_STD = 1.0;
    /** Added to cos² inside the parallel loss's logarithm (the reference's). */
    public static final float PARALLEL_EPSILON = 1e-9f;
    /** Added to ‖Δ‖² before normalising a displacement. */
    public static final float NORM_EPSILON = 1e-12f;

    private final int latentDim;
    private final int subSymmetries;
    private final Parameter algebra;

    /** The reference's codebook: 16 sub-symmetries per section, entries N(0, 1) truncated at ±2. */
    public SymmetryCodebook(int latentDim, long seed) {
        this(latentDim, DEFAULT_SUB_SYMMETRIES, DEFAULT_INIT_STD, seed);
    }

    public SymmetryCodebook(int latentDim, int subSymmetries, double initStd, long seed) {
        if (latentDim < 1) throw new UserInputException("symmetry codebook: the latent size must be at least 1, got " + latentDim);
        if (subSymmetries < 1) throw new UserInputException("symmetry codebook: sub-symmetries per section must be at least 1, got " + subSymmetries);
        if (!(initStd >= 0) || Double.isInfinite(initStd)) {
            throw new UserInputException("symmetry codebook: the initial standard deviation must be a finite number ≥ 0, got " + initStd);
        }
        this.latentDim = latentDim;
        this.subSymmetries = subSymmetries;
        this.algebra = addParameter(Parameter.builder()
                .setName(PARAMETER)
                .setType(Parameter.Type.OTHER)
                .optShape(new Shape((long) latentDim * subSymmetries, latentDim, latentDim))
                .optInitializer(new TruncatedNormal(initStd, seed))
                .build());
    }

    public int latentDim() {
        return latentDim;
    }

    public int sections() {
        return latentDim;
    }

    public int subSymmetries() {
        return subSymmetries;
    }

    /** D·S, the number of elements. */
    public int size() {
        return latentDim * subSymmetries;
    }

    /** The parameter (D·S, D, D). */
    public Parameter parameter() {
        return algebra;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray value = store.getValue(algebra, inputs.head().getDevice(), training);
        // Every array computed from the codebook must belong to the caller's scope: DJL attaches a
        // result to its first operand's manager, and the parameter's is the model's, which lives as
        // long as the model. A view (differentiable: its gradient reaches the parameter) moved into the
        // input's manager becomes the first operand instead.
        NDArray scoped = value.reshape(value.getShape());
        scoped.attach(inputs.head().getManager());
        return new NDList(scoped);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {algebra.getShape()};
    }

    /** N(0, std²) truncated to ±2 std by rejection, from a seeded Java generator (the same on every engine). */
    static final class TruncatedNormal implements Initializer {
        private final double std;
        private final SplittableRandom random;

        TruncatedNormal(double std, long seed) {
            this.std = std;
            this.random = new SplittableRandom(seed);
        }

        @Override
        public synchronized NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
            float[] values = new float[Math.toIntExact(shape.size())];
            for (int i = 0; i < values.length; i++) {
                double x;
                do {
                    x = random.nextGaussian();
                } while (Math.abs(x) > 2);
                values[i] = (float) (x * std);
            }
            return manager.create(values, shape).toType(dataType, false);
        }
    }

    // ---- the alignment losses ----

    /** The group elements exp(A_n) of algebra elements (N, D, D). */
    public static NDArray symmetries(NDArray algebra) {
        checkCodebook(algebra);
        return MatrixExponential.exp(algebra);
    }

    /** Δ_n(z) = z − z·G_n for codes z (B, D) and group elements G (N, D, D): shape (N, B, D). */
    public static NDArray displacements(NDArray z, NDArray symmetries) {
        checkCodebook(symmetries);
        long d = symmetries.getShape().get(2);
        if (z.getShape().dimension() != 2 || z.getShape().get(1) != d) {
            throw new IllegalArgumentException("codes of shape " + z.getShape() + " for " + d + "×" + d + " symmetries");
        }
        return z.sub(z.matMul(symmetries)); // (B, D)·(N, D, D) broadcasts to (N, B, D)
    }

    /** L_s = mean over (n, b) of (Σ_d Δ² − max_d Δ²)², for displacements (N, B, D). */
    public static NDArray sparsityLoss(NDArray displacements) {
        checkDisplacements(displacements);
        NDArray squared = displacements.square();
        NDArray excess = squared.sum(new int[] {2}).sub(squared.max(new int[] {2}));
        return excess.square().mean();
    }

    /**
     * L_pl = mean over sections and over all ordered pairs (a, b) of the section's S·B displacements
     * of −log(cos²(Δ_a, Δ_b) + 10⁻⁹); displacements (N = sections·S, B, D), element n = i·S + j.
     * Builds a (sections, S·B, S·B) array: 10 × 1024² for the reference's sizes at batch 64.
     */
    public static NDArray parallelLoss(NDArray displacements, int sections) {
        checkDisplacements(displacements);
        Shape s = displacements.getShape();
        int perSection = subSymmetries(s.get(0), sections);
        NDArray u = normalised(displacements).reshape(sections, perSection * s.get(1), s.get(2));
        NDArray cosine = u.matMul(u.transpose(0, 2, 1));
        return cosine.square().add(PARALLEL_EPSILON).log().neg().mean();
    }

    /**
     * L_pd = the mean of cos²(Δ_a, Δ_b) over all pairs (a, b) of displacements from different
     * sections, where section i contributes the displacements of its sub-symmetry
     * {@code chosen[i]} on every code; displacements (N = sections·S, B, D).
     */
    public static NDArray perpendicularLoss(NDArray displacements, int sections, int[] chosen) {
        checkDisplacements(displacements);
        Shape s = displacements.getShape();
        int perSection = subSymmetries(s.get(0), sections);
        if (chosen.length != sections) throw new IllegalArgumentException("need one sub-symmetry per section (" + sections + "), got " + chosen.length);
        if (sections < 2) throw new IllegalArgumentException("the perpendicular loss needs at least two sections");
        NDList picked = new NDList();
        for (int i = 0; i < sections; i++) {
            if (chosen[i] < 0 || chosen[i] >= perSection) throw new IllegalArgumentException("sub-symmetry " + chosen[i] + " of " + perSection);
            picked.add(displacements.get((long) i * perSection + chosen[i]));
        }
        long b = s.get(1);
        NDArray u = normalised(NDArrays.stack(picked).reshape(sections * b, s.get(2)));
        NDArray cosSquared = u.matMul(u.transpose()).square();
        // 1 where row and column belong to different sections, made by engine ops in the codes' manager
        NDManager m = displacements.getManager();
        NDArray section = m.arange(sections).reshape(sections, 1).broadcast(sections, b).reshape(-1);
        NDArray across = section.reshape(-1, 1).eq(section.reshape(1, -1)).logicalNot().toType(u.getDataType(), false);
        long pairs = (long) sections * b * (sections * b) - (long) sections * b * b;
        return Scalars.div(cosSquared.mul(across).sum(), (float) pairs);
    }

    /** One sub-symmetry per section, uniformly (the perpendicular loss's sample). */
    public static int[] sampleOnePerSection(int sections, int subSymmetries, RandomGenerator random) {
        int[] chosen = new int[sections];
        for (int i = 0; i < sections; i++) chosen[i] = random.nextInt(subSymmetries);
        return chosen;
    }

    /**
     * L_c = Σ_{a&lt;b} ‖A_a A_b − A_b A_a‖²_F over all unordered pairs of the algebra elements
     * (N, D, D). One (N·D, D)·(D, N·D) product holds every A_a A_b (2.6 million entries for N = 160,
     * D = 10).
     */
    public static NDArray commutativityLoss(NDArray algebra) {
        checkCodebook(algebra);
        Shape s = algebra.getShape();
        long n = s.get(0), d = s.get(1);
        NDArray rows = algebra.reshape(n * d, d);                        // block a of rows: A_a
        NDArray columns = algebra.transpose(1, 0, 2).reshape(d, n * d);  // block b of columns: A_b
        NDArray products = rows.matMul(columns).reshape(n, d, n, d).transpose(0, 2, 1, 3); // [a, b] = A_a A_b
        NDArray commutators = products.sub(products.transpose(1, 0, 2, 3));
        return Scalars.mul(commutators.square().sum(), 0.5f); // each unordered pair appears twice
    }

    // ---- the composite symmetry ----

    /** Pseudo-labels 1[|z¹ − z²| &gt; threshold] (B', D) as floats, without gradient. */
    public static NDArray switchLabels(NDArray z1, NDArray z2, float threshold) {
        if (!z1.getShape().equals(z2.getShape())) throw new IllegalArgumentException("codes of shapes " + z1.getShape() + " and " + z2.getShape());
        return z1.stopGradient().sub(z2.stopGradient()).abs().gt(threshold).toType(z1.getDataType(), false);
    }

    /**
     * L_p: the cross-entropy of switch logits (B', D, 2) (component 0 "off", 1 "on") against labels
     * (B', D) in {0, 1}, summed over dimensions and averaged over pairs (the reference's
     * {@code reduction="sum"} divided by the number of pairs).
     */
    public static NDArray switchLoss(NDArray logits, NDArray labels) {
        checkSwitchLogits(logits);
        if (!labels.getShape().equals(logits.getShape().slice(0, 2))) {
            throw new IllegalArgumentException("labels of shape " + labels.getShape() + " for logits " + logits.getShape());
        }
        NDArray logP = logits.logSoftmax(2);
        NDArray on = labels.toType(logits.getDataType(), false);
        NDArray off = on.neg().add(1f);
        NDArray logLikelihood = logP.get(":, :, 1").mul(on).add(logP.get(":, :, 0").mul(off));
        return logLikelihood.sum(new int[] {1}).mean().neg();
    }

    /**
     * The switch values (B', D) in {0, 1}: the "on" component of a hard Gumbel-softmax of switch
     * logits (B', D, 2) with Gumbel noise g (same shape; −log(−log u) of uniform u, drawn by the
     * caller from the step's randomness) at temperature τ. The value is hard (1 where logit + g
     * of "on" exceeds that of "off"); the gradient is that of the soft "on" component
     * softmax((logits + g)/τ)₁ (straight-through, PyTorch's {@code hard=True}).
     */
    public static NDArray switchValues(NDArray logits, NDArray gumbel, float temperature) {
        checkSwitchLogits(logits);
        if (!gumbel.getShape().equals(logits.getShape())) throw new IllegalArgumentException("noise of shape " + gumbel.getShape() + " for " + logits.getShape());
        if (!(temperature > 0)) throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        NDArray perturbed = logits.add(gumbel);
        NDArray soft = Scalars.div(perturbed, temperature).softmax(2).get(":, :, 1");
        NDArray hard = perturbed.get(":, :, 1").gt(perturbed.get(":, :, 0")).toType(logits.getDataType(), false);
        return hard.add(soft.sub(soft.stopGradient()));
    }

    /** w_ij = switch_i · softmax_j(c_ij): switches (B', D), weight logits (B', D, S); shape (B', D, S). */
    public static NDArray sectionWeights(NDArray switches, NDArray weightLogits) {
        Shape w = weightLogits.getShape();
        if (w.dimension() != 3 || switches.getShape().dimension() != 2 || switches.getShape().get(0) != w.get(0)
                || switches.getShape().get(1) != w.get(1)) {
            throw new IllegalArgumentException("switches of shape " + switches.getShape() + " for weight logits " + w);
        }
        return weightLogits.softmax(2).mul(switches.expandDims(2));
    }

    /** M = Σ_ij w_ij A_ij for weights (B', D, S) and algebra elements (D·S, D, D): shape (B', D, D). */
    public static NDArray compositeAlgebra(NDArray weights, NDArray algebra) {
        checkCodebook(algebra);
        Shape w = weights.getShape();
        long n = algebra.getShape().get(0), d = algebra.getShape().get(1);
        if (w.dimension() != 3 || w.get(1) * w.get(2) != n) {
            throw new IllegalArgumentException("weights of shape " + w + " for " + n + " algebra elements");
        }
        return weights.reshape(w.get(0), n).matMul(algebra.reshape(n, d * d)).reshape(w.get(0), d, d);
    }

    /** z·G for codes (B', D) and one matrix per code (B', D, D): the codes moved by their symmetries. */
    public static NDArray act(NDArray z, NDArray g) {
        if (z.getShape().dimension() != 2 || g.getShape().dimension() != 3 || g.getShape().get(0) != z.getShape().get(0)
                || g.getShape().get(1) != z.getShape().get(1)) {
            throw new IllegalArgumentException("codes of shape " + z.getShape() + " for matrices " + g.getShape());
        }
        return z.expandDims(1).matMul(g).squeeze(1);
    }

    // ---- helpers ----

    /** Rows divided by √(‖row‖² + 10⁻¹²) along the last axis. */
    private static NDArray normalised(NDArray x) {
        int last = x.getShape().dimension() - 1;
        return x.div(x.square().sum(new int[] {last}, true).add(NORM_EPSILON).sqrt());
    }

    private static int subSymmetries(long elements, int sections) {
        if (sections < 1 || elements % sections != 0) {
            throw new IllegalArgumentException(elements + " elements do not split into " + sections + " sections");
        }
        return Math.toIntExact(elements / sections);
    }

    private static void checkCodebook(NDArray a) {
        Shape s = a.getShape();
        if (s.dimension() != 3 || s.get(1) != s.get(2)) throw new IllegalArgumentException("need elements (N, D, D), got " + s);
    }

    private static void checkDisplacements(NDArray x) {
        if (x.getShape().dimension() != 3) throw new IllegalArgumentException("need displacements (N, B, D), got " + x.getShape());
    }

    private static void checkSwitchLogits(NDArray logits) {
        if (logits.getShape().dimension() != 3 || logits.getShape().get(2) != 2) {
            throw new IllegalArgumentException("need switch logits (B', D, 2), got " + logits.getShape());
        }
    }
}
