package org.disentangle4j.model.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import java.util.List;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.model.BatchSampling;
import org.disentangle4j.model.ExtraFigure;
import org.disentangle4j.model.HyperParameter;
import org.disentangle4j.model.HyperParameter.Range;
import org.disentangle4j.model.Losses;
import org.disentangle4j.model.Model;
import org.disentangle4j.model.OptimizerSettings;
import org.disentangle4j.model.Part;
import org.disentangle4j.model.Posterior;
import org.disentangle4j.model.Seeds;
import org.disentangle4j.model.StepContext;
import org.disentangle4j.model.SymmetriesFigure;
import org.disentangle4j.model.SymmetryCodebook;
import org.disentangle4j.model.architecture.Networks;
import org.disentangle4j.nn.MatrixExponential;
import org.disentangle4j.nn.Scalars;

/**
 * CFASL, composite factor-aligned symmetry learning (Jung et al., ICLR 2024; specs/cfasl.md), on
 * a base method's composition (any of the zoo's VAEs, {@code --base}): the base's terms plus
 * α(L_pd + L_pl + L_c + L_s) + γ·L_p + λ·L_ee + ε·L_de.
 *
 * <p><b>Parts.</b> The base's networks (built first, so they start from the base's initial
 * weights for the same seed), then the codebook {@value #CODEBOOK} ({@link SymmetryCodebook}: D
 * sections × S sub-symmetries, entries N(0, 1) cut at ±2 as in the reference) and the
 * composite-symmetry predictor {@value #PREDICTOR}, one linear map of [μ¹, σ¹, μ², σ²] to
 * (S + 2)·D outputs: first D pairs of switch logits (off, on), then D·S section-weight logits.
 *
 * <p><b>Pairs.</b> Each batch is split into halves, x¹ = rows 0 … B/2 − 1 and x² = the next B/2
 * (the reference's and the spec's pairing: i.i.d. batches make them random pairs). The template's
 * {@link BatchSampling#pairsOf} would encode 2B images per step for B pairs; halves cost nothing
 * extra and keep the base's terms those of the same batch (an odd last row pairs with nothing).
 *
 * <p><b>One step</b>, with z the sampled codes of the whole batch (the base VAE's own sample):
 * the alignment losses on z ({@link SymmetryCodebook}: {@code s} sparsity and {@code pd}
 * perpendicular on every code, {@code pl} parallel on the first {@code --parallel-codes} codes
 * only, since its cost is quadratic in the codes — 16 of 64 is 1/16 of the reference's work —
 * and {@code c} commutativity); the switch pseudo-labels 1[|z¹ − z²| &gt; threshold] and their
 * cross-entropy {@code p}; hard Gumbel-softmax switches (temperature 10⁻⁴, the reference's);
 * M = Σ w_ij A_ij; the encoder equivariance {@code ee} = MSE(z²e^{−M}, z¹) + MSE(z¹e^{M}, z²) and
 * the decoder equivariance {@code de}: the reconstruction loss of Dec([z²e^{−M}; z¹e^{M}])
 * against [x¹; x²] (one pass over both halves: the mean over the B images, as the reference's
 * sum over the batch divided by B). Logs every term by name, {@code cfasl} (their weighted sum)
 * and {@code switch_z0} … (the fraction of pairs whose switch of that dimension is on).
 *
 * <p><b>Scale of L_c.</b> The codebook's {@link SymmetryCodebook#commutativityLoss} sums
 * ‖A_a A_b − A_b A_a‖²_F over all D·S(D·S − 1)/2 pairs: 1.5·10⁷ at the reference's
 * initialisation for D = 10. The reference (models/group_action_layer.py, {@code commutative})
 * instead adds, for 120 pairs of a scrambled reshaping of the codebook, the <em>mean</em> squared
 * entry of a 1600 × 1600 difference: about 7 at initialisation. Here L_c is the mean over all
 * pairs and all D² entries of the squared commutator (about 12 at initialisation), the
 * reference's scale without its scrambling. The sparsity loss keeps the reference's scale (its
 * {@code F.mse_loss}: about 10⁶ at initialisation), as does everything else.
 *
 * <p><b>Optimisation</b> (the reference's src/train/training.py): Adam lr 10⁻⁴ for encoder,
 * decoder and codebook, lr 2·10⁻⁵ for the predictor (its own group), gradient norm clipped to
 * 1 ({@code --clip-norm}); the reference clips all parameters together, here each group's norm is
 * clipped. The discriminator keeps FactorVAE's own Adam.
 */
public final class SymmetryTerm implements ObjectiveTerm {
    /** The codebook's network name. */
    public static final String CODEBOOK = "codebook";
    /** The predictor's network and optimiser group. */
    public static final String PREDICTOR = "predictor";
    /** The predictor's learning rate (the reference's second Adam group). */
    public static final double PREDICTOR_LR = 2e-5;
    /** The Gumbel-softmax temperature of the switches (the reference's {@code tau=0.0001}). */
    public static final float GUMBEL_TEMPERATURE = 1e-4f;

    public static final HyperParameter ALPHA = new HyperParameter("symmetry-weight", 1.0,
            "cfasl: weight α of the codebook losses pd + pl + c + s (paper 1)", Range.WEIGHT);
    public static final HyperParameter SWITCH_WEIGHT = new HyperParameter("switch-weight", 1.0,
            "cfasl: weight γ of the switch cross-entropy p (paper 1)", Range.WEIGHT);
    public static final HyperParameter ENCODER_EQUIVARIANCE = new HyperParameter("encoder-equivariance", 1.0,
            "cfasl: weight λ of the encoder equivariance ee (paper 1)", Range.WEIGHT);
    public static final HyperParameter DECODER_EQUIVARIANCE = new HyperParameter("decoder-equivariance", 0.1,
            "cfasl: weight ε of the decoder equivariance de", Range.WEIGHT).withGrid(0.1, 0.01);
    public static final HyperParameter THRESHOLD = new HyperParameter("switch-threshold", 0.2,
            "cfasl: a pair's switch label of dimension i is 1 when |z¹_i − z²_i| exceeds this (reference 0.2)", Range.POSITIVE)
            .withGrid(0.2, 0.5);
    public static final HyperParameter SUB_SYMMETRIES = new HyperParameter("sub-symmetries", 16,
            "cfasl: sub-symmetries per section of the codebook (reference 16)", Range.COUNT);
    public static final HyperParameter PARALLEL_CODES = new HyperParameter("parallel-codes", 16,
            "cfasl: codes of the batch the parallel loss reads (its cost is quadratic in them; the reference reads all)", Range.COUNT);
    public static final HyperParameter CLIP_NORM = new HyperParameter("clip-norm", 1.0,
            "cfasl: clip each optimiser group's gradient norm to this (reference 1); 0: no clipping", Range.WEIGHT);

    public static final Part<ObjectiveTerm> PART = new Part<>("CFASL symmetry codebook, switch predictor, equivariances (own Adam)",
            List.of(ALPHA, SWITCH_WEIGHT, ENCODER_EQUIVARIANCE, DECODER_EQUIVARIANCE, THRESHOLD, SUB_SYMMETRIES, PARALLEL_CODES, CLIP_NORM),
            SymmetryTerm::new);

    private final float alpha;
    private final float switchWeight;
    private final float encoderEquivariance;
    private final float decoderEquivariance;
    private final float threshold;
    private final int parallelCodes;
    private final double clipNorm;
    private final SymmetryCodebook codebook;
    private final Linear predictor;
    private final Networks networks;

    private SymmetryTerm(org.disentangle4j.model.ModelSpec spec, Networks networks) {
        int d = spec.latentDim();
        if (d < 2) throw new UserInputException("--latent-dim must be at least 2 for cfasl (sections must be perpendicular to one another), got " + d);
        this.alpha = (float) spec.value(ALPHA);
        this.switchWeight = (float) spec.value(SWITCH_WEIGHT);
        this.encoderEquivariance = (float) spec.value(ENCODER_EQUIVARIANCE);
        this.decoderEquivariance = (float) spec.value(DECODER_EQUIVARIANCE);
        this.threshold = (float) spec.value(THRESHOLD);
        this.parallelCodes = spec.count(PARALLEL_CODES);
        this.clipNorm = spec.value(CLIP_NORM);
        this.networks = networks;
        int s = spec.count(SUB_SYMMETRIES);
        // the codebook has its own seeded initialiser; the predictor comes last
        this.codebook = networks.add(CODEBOOK, new SymmetryCodebook(d, s, SymmetryCodebook.DEFAULT_INIT_STD,
                Seeds.mix(networks.initSeed(), Seeds.INIT, CODEBOOK.hashCode())), new Shape(1, d));
        this.predictor = networks.add(PREDICTOR, Linear.builder().setUnits((long) (s + 2) * d).build(), new Shape(1, 4L * d));
    }

    /** The codebook (its algebra elements are {@code codebook().parameter()}). */
    public SymmetryCodebook codebook() {
        return codebook;
    }

    /** The codebook trains with the main group (clipped); the predictor has its own Adam, clipped alike. */
    @Override
    public OwnGroup ownGroup() {
        return new OwnGroup(PREDICTOR, OptimizerSettings.adam(PREDICTOR_LR).withClipNorm(clipNorm));
    }

    @Override
    public OptimizerSettings adjustMain(OptimizerSettings main) {
        return main.withClipNorm(clipNorm);
    }

    @Override
    public List<ExtraFigure> figures(Model model) {
        return List.of(new SymmetriesFigure(model, codebook));
    }

    @Override
    public List<NDArray> contribute(TrainingStep step, Losses losses) {
        NDArray z = step.codes();
        Posterior posterior = step.requirePosterior();
        StepContext context = step.context();
        long b = step.batchSize(2, "it pairs the batch's two halves");
        int d = Math.toIntExact(z.getShape().get(1));
        int s = codebook.subSymmetries();
        long half = b / 2;

        // the codebook's alignment losses on every sampled code
        NDArray algebra = networks.forward(codebook, z, true);
        NDArray displacements = SymmetryCodebook.displacements(z, SymmetryCodebook.symmetries(algebra));
        NDArray sparsity = SymmetryCodebook.sparsityLoss(displacements);
        NDArray parallel = SymmetryCodebook.parallelLoss(
                displacements.get(":, 0:" + Math.min(parallelCodes, b) + ", :"), d);
        NDArray perpendicular = SymmetryCodebook.perpendicularLoss(displacements, d,
                SymmetryCodebook.sampleOnePerSection(d, s, context.random()));
        NDArray commutativity = meanCommutator(algebra);

        // the composite symmetry between the halves
        NDArray z1 = z.get("0:" + half), z2 = z.get(half + ":" + 2 * half);
        NDArray sigma = Scalars.mul(posterior.logVar(), 0.5f).exp();
        NDArray features = NDArrays.concat(new NDList(posterior.mean().get("0:" + half), sigma.get("0:" + half),
                posterior.mean().get(half + ":" + 2 * half), sigma.get(half + ":" + 2 * half)), 1);
        NDArray outputs = networks.forward(predictor, features, true);
        NDArray switchLogits = outputs.get(":, 0:" + 2 * d).reshape(half, d, 2);
        NDArray weightLogits = outputs.get(":, " + 2 * d + ":").reshape(half, d, s);
        NDArray labels = SymmetryCodebook.switchLabels(z1, z2, threshold);
        NDArray switchLoss = SymmetryCodebook.switchLoss(switchLogits, labels);
        NDArray switches = SymmetryCodebook.switchValues(switchLogits, gumbel(context, new Shape(half, d, 2)), GUMBEL_TEMPERATURE);
        NDArray composite = SymmetryCodebook.compositeAlgebra(SymmetryCodebook.sectionWeights(switches, weightLogits), algebra);
        Equivariance equivariance = encoderEquivariance(z1, z2, composite);
        NDArray encoderLoss = equivariance.loss();
        NDArray moved = NDArrays.concat(new NDList(equivariance.z2Moved(), equivariance.z1Moved()), 0);
        NDArray decoderLoss = step.decoding().reconstructionLoss(step.decoding().decode(moved), step.observations().get("0:" + 2 * half));

        NDArray cfasl = Scalars.mul(perpendicular.add(parallel).add(commutativity).add(sparsity), alpha)
                .add(Scalars.mul(switchLoss, switchWeight))
                .add(Scalars.mul(encoderLoss, encoderEquivariance))
                .add(Scalars.mul(decoderLoss, decoderEquivariance));
        losses.term("pd", perpendicular).term("pl", parallel).term("c", commutativity).term("s", sparsity)
                .term("p", switchLoss).term("ee", encoderLoss).term("de", decoderLoss).term("cfasl", cfasl);
        NDArray rates = switches.stopGradient().mean(new int[] {0});
        for (int i = 0; i < d; i++) losses.term("switch_z" + i, rates.get(i));
        return List.of(cfasl);
    }

    /** The codes moved by the composite symmetry, z¹·e^{M} (≈ z²) and z²·e^{−M} (≈ z¹), and L_ee. */
    public record Equivariance(NDArray z1Moved, NDArray z2Moved, NDArray loss) {}

    /**
     * L_ee = MSE(z²·e^{−M}, z¹) + MSE(z¹·e^{M}, z²) for code pairs (P, D) and composite algebra
     * elements M (P, D, D), each MSE the mean over the P·D entries (the reference's
     * {@code F.mse_loss}).
     */
    public static Equivariance encoderEquivariance(NDArray z1, NDArray z2, NDArray composite) {
        NDArray z1Moved = SymmetryCodebook.act(z1, MatrixExponential.exp(composite));
        NDArray z2Moved = SymmetryCodebook.act(z2, MatrixExponential.exp(composite.neg()));
        NDArray loss = z2Moved.sub(z1).square().mean().add(z1Moved.sub(z2).square().mean());
        return new Equivariance(z1Moved, z2Moved, loss);
    }

    /**
     * L_c: the mean over all unordered pairs of algebra elements (N, D, D) and over the D² entries
     * of the squared commutator, i.e. {@link SymmetryCodebook#commutativityLoss} / (N(N − 1)/2 · D²).
     */
    public static NDArray meanCommutator(NDArray algebra) {
        long n = algebra.getShape().get(0), d = algebra.getShape().get(1);
        double pairs = n * (n - 1) / 2.0;
        if (pairs == 0) return Scalars.mul(algebra.sum(), 0f);
        return Scalars.div(SymmetryCodebook.commutativityLoss(algebra), (float) (pairs * d * d));
    }

    /** Gumbel noise −log(−log u) of the given shape from the step's randomness (u kept inside (0, 1)). */
    private static NDArray gumbel(StepContext context, Shape shape) {
        float[] g = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < g.length; i++) {
            double u = Math.min(Math.max(context.random().nextDouble(), 1e-12), 1 - 1e-12);
            g[i] = (float) -Math.log(-Math.log(u));
        }
        return context.manager().create(g, shape);
    }
}
