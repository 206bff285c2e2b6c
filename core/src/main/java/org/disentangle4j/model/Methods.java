package org.disentangle4j.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.model.HyperParameter.Range;
import org.disentangle4j.model.architecture.AdditiveImageDecoder;
import org.disentangle4j.model.architecture.CausalStructure;
import org.disentangle4j.model.objective.CapacityTerm;
import org.disentangle4j.model.objective.DipTerm;
import org.disentangle4j.model.objective.DiscriminatorTcTerm;
import org.disentangle4j.model.objective.InfoMaxTerm;
import org.disentangle4j.model.objective.KlTerm;
import org.disentangle4j.model.objective.LabelAlignmentTerm;
import org.disentangle4j.model.objective.MeanTcTerm;
import org.disentangle4j.model.objective.MinibatchTcTerm;
import org.disentangle4j.model.objective.SpectralIndependenceTerm;
import org.disentangle4j.model.objective.SymmetryTerm;
import org.disentangle4j.model.objective.ObjectiveTerm;
import org.disentangle4j.model.objective.WeightDecayTerm;

/**
 * The methods, each declared as a composition of parts with its defaults, and the registry of
 * methods by name. The zoo's defaults: disentanglement_lib leaves every method's weight
 * gin.REQUIRED (methods/unsupervised/vae.py), so each default is a value of its study grid
 * (config/unsupervised_study_v1/sweep.py) chosen as said in the description; fixed study
 * settings are copied as they are.
 */
public final class Methods {
    /** β-VAE's β (4 as in the paper's dSprites runs). */
    public static final HyperParameter BETA = new HyperParameter("beta", 4.0, "weight β of the KL term", Range.WEIGHT)
            .withGrid(1, 2, 4, 6, 8, 16);
    /** CDG-VAE's β (the paper's pendulum 0.1): the KL of the exogenous noise. */
    public static final HyperParameter CDG_BETA = new HyperParameter("beta", 0.1, "β: weight of the KL of the exogenous noise", Range.WEIGHT);

    private static final Part<ObjectiveTerm> IM = SpectralIndependenceTerm.PART;

    public static final Method VAE = Method.composed("vae", "VAE (Kingma & Welling 2014): reconstruction + KL (β-VAE with β = 1)",
            Composition.vae(List.of(KlTerm.KL, IM)));
    public static final Method BETA_VAE = Method.composed("beta-vae",
            "β-VAE (Higgins et al. 2017): reconstruction + β·KL; β = 4 as in the paper's dSprites runs",
            Composition.vae(List.of(KlTerm.weighted(BETA), IM)));
    public static final Method ANNEALED_VAE = Method.composed("annealed-vae", "AnnealedVAE (Burgess et al. 2018): reconstruction + γ·|KL − C(t)|, "
            + "C(t) = min(c_max, c_max·t/threshold) for t steps done; γ = 1000 and threshold 100,000 fixed in the study, "
            + "c_max = 25 nats as in the paper's dSprites runs", Composition.vae(List.of(CapacityTerm.PART, IM)));
    public static final Method FACTOR_VAE = Method.composed("factor-vae", "FactorVAE (Kim & Mnih 2018): reconstruction + KL + γ·TC, TC from a "
            + "discriminator on z vs dimension-wise shuffled z, trained in the same step with its own Adam (lr 1e-4, β1 0.5, β2 0.9); "
            + "γ = 40 from the study grid", Composition.vae(List.of(KlTerm.KL, DiscriminatorTcTerm.PART, IM)));
    public static final Method DIP_VAE_I = Method.composed("dip-vae-i", "DIP-VAE-I (Kumar et al. 2018): reconstruction + KL + "
            + "λ_od·Σ_{i≠j}Cov_ij² + λ_d·Σ_i(Cov_ii − 1)², Cov of the posterior means over the batch; λ_d = 10·λ_od as in the study, "
            + "λ_od = 10 from its grid", Composition.vae(List.of(KlTerm.KL, DipTerm.TYPE_I, IM)));
    public static final Method DIP_VAE_II = Method.composed("dip-vae-ii", "DIP-VAE-II (Kumar et al. 2018): as DIP-VAE-I with Cov of the "
            + "aggregate posterior, E[Cov q(z|x)] + Cov(means); λ_d = λ_od as in the study, λ_od = 10 from its grid",
            Composition.vae(List.of(KlTerm.KL, DipTerm.TYPE_II, IM)));
    public static final Method BETA_TCVAE = Method.composed("beta-tcvae", "β-TCVAE (Chen et al. 2018): reconstruction + KL + (β − 1)·TC, TC "
            + "by the minibatch-weighted sampling estimate on the batch; β = 6 from the study grid",
            Composition.vae(List.of(KlTerm.KL, MinibatchTcTerm.PART, IM)));

    /** The additive-decoder paper's models: Adam lr 1e-3 as its reference; latent size and blocks from the dataset's. */
    private static final TrainingDefaults ADDITIVE_PAPER = TrainingDefaults.NONE.withLearningRate(1e-3).withBlocksFromDataset();
    private static final Composition AUTOENCODER = new Composition(Parts.CONV_CODE_ENCODER, Parts.IDENTITY, Parts.CODE_DECODER,
            Parts.AUTOENCODER_LOSS, List.of(WeightDecayTerm.PART), true, List.of());
    public static final Method AE = Method.composed("ae", "autoencoder with the non-additive decoder of the additive-decoder paper: "
            + "conv encoder, batch-normalised code, MLP decoder with batch norm; loss: squared error on pixels; keeps the checkpoint "
            + "of the lowest validation loss (best.npz)", AUTOENCODER, ADDITIVE_PAPER);
    public static final Method ADDITIVE_AE = Method.composed("additive-ae", "additive autoencoder (Lachapelle et al. 2023): the decoder is "
            + "a sum of one network per latent block, f(z) = Σ_B f_B(z_B); otherwise as ae. --blocks 1,1 (ScalarLatents) or 2,2 "
            + "(BlockLatents) sets latent size and block size", AUTOENCODER.withDecoder(AdditiveImageDecoder.PART), ADDITIVE_PAPER);
    public static final Method MEAN_TC_VAE = Method.composed("mean-tc-vae", "β-TCVAE + γ·TC(μ) (factorised mean representation, issue 14; "
            + "our design from the paper's abstract): the Gaussian TC of the batch covariance of the posterior means, "
            + "log det by a differentiable Cholesky; β = 6 as beta-tcvae, γ = 10 from a small sweep (docs/experiments/meantc.md)",
            Composition.vae(List.of(KlTerm.KL, MinibatchTcTerm.PART, MeanTcTerm.PART, IM)));

    /** CFASL's base: any of the zoo's VAEs (the first four in the order earlier runs stored them). */
    public static final HyperParameter CFASL_BASE = HyperParameter.choice("base", "beta-vae",
            "the method whose terms CFASL's are added to (the paper's main results: beta-vae)",
            "vae", "beta-vae", "beta-tcvae", "factor-vae", "annealed-vae", "dip-vae-i", "dip-vae-ii", "mean-tc-vae");
    public static final Method CFASL = Method.extending("cfasl", "CFASL (Jung et al. 2024): a base VAE's terms + a codebook of latent "
            + "symmetries (Lie algebra, matrix exponential), a composite-symmetry predictor between the batch's two halves, "
            + "encoder and decoder equivariance; Adam lr 1e-4 (predictor 2e-5), gradient norm clipped to 1, latent 10 (6 on "
            + "shapes3d) as in the paper", CFASL_BASE,
            List.of(VAE, BETA_VAE, BETA_TCVAE, FACTOR_VAE, ANNEALED_VAE, DIP_VAE_I, DIP_VAE_II, MEAN_TC_VAE),
            TrainingDefaults.NONE.withLearningRate(1e-4).withLatentDimOn("shapes3d", 6), SymmetryTerm.PART);

    /** The CDG-VAE paper's training: Adam 1e-3, batch 128, one latent per factor. */
    private static final TrainingDefaults CDG_PAPER = TrainingDefaults.NONE.withLearningRate(1e-3).withBatchSize(128).withLatentPerFactor();
    private static final Composition CDG = new Composition(Parts.MLP_GAUSSIAN_ENCODER, CausalStructure.PART,
            Parts.BLOCK_MASKED_OR_SHARED_DECODER, Parts.TANH_SQUARED_ERROR, List.of(KlTerm.weighted(CDG_BETA), LabelAlignmentTerm.PART),
            false, List.of());
    public static final Method CDG_VAE = Method.composed("cdg-vae", "CDG-VAE (An et al., causally disentangled generation): MLP encoder of "
            + "exogenous noise, causal layer z = f((I − B̃ᵀ)⁻¹ε) over the dataset's DAG, block-separable masked decoder, alignment "
            + "of latents with the [0, 1]-scaled labels; one latent per factor; pendulum defaults of the paper", CDG, CDG_PAPER);
    public static final Method MLP_VAE = Method.composed("mlp-vae", "plain VAE with CDG-VAE's MLP encoder and one MLP decoder (300-300 ELU), "
            + "tanh images, ½Σ(x̂ − x)² + β·KL, no causal layer, no labels (an unsupervised reference for CDG-VAE's architecture)",
            new Composition(Parts.MLP_GAUSSIAN_ENCODER, Parts.IDENTITY, Parts.MLP_DECODER, Parts.TANH_SQUARED_ERROR,
                    List.of(KlTerm.weighted(CDG_BETA)), false, List.of(InterventionGridFigure::new)), CDG_PAPER);

    /** The CDG-VAE paper's InfoMax baseline: its "VAE" (causal layer, alignment, one joint decoder) plus the InfoMax term. */
    public static final Method CDG_INFOMAX = Method.composed("cdg-infomax", "the InfoMax baseline of the CDG-VAE paper: cdg-vae's encoder, "
            + "causal layer and alignment with one joint MLP decoder (cdg-vae --decoder shared), plus γ·MI(x; z) by an NWJ critic with its "
            + "own Adam (lr 1e-4); γ = 5 as the paper's Table 6", CDG.withDecoder(Parts.MLP_DECODER).plus(InfoMaxTerm.PART), CDG_PAPER);

    /** A combination of existing parts, one line: β-TCVAE's terms on CDG-VAE's causal layer and block-masked decoder, without labels. */
    public static final Method CAUSAL_BETA_TCVAE = Method.composed("causal-beta-tcvae", "β-TCVAE's terms (KL + (β − 1)·TC) with CDG-VAE's "
            + "causal layer over the dataset's DAG and its block-masked decoder, the run's likelihood, no labels; one latent per factor",
            BETA_TCVAE.composition().withStructure(CausalStructure.PART).withDecoder(Parts.BLOCK_MASKED_DECODER), TrainingDefaults.NONE.withLatentPerFactor());

    private static final Map<String, Method> REGISTRY = new LinkedHashMap<>();

    // one line registers a method
    static {
        register(VAE);
        register(BETA_VAE);
        register(ANNEALED_VAE);
        register(FACTOR_VAE);
        register(DIP_VAE_I);
        register(DIP_VAE_II);
        register(BETA_TCVAE);
        register(AE);
        register(ADDITIVE_AE);
        register(MEAN_TC_VAE);
        register(CFASL);
        register(CDG_VAE);
        register(MLP_VAE);
        register(CDG_INFOMAX);
        register(CAUSAL_BETA_TCVAE);
    }

    private Methods() {}

    public static synchronized void register(Method method) {
        REGISTRY.put(method.name(), method);
    }

    public static synchronized List<Method> all() {
        return new ArrayList<>(REGISTRY.values());
    }

    public static synchronized Method get(String name) {
        Method m = REGISTRY.get(name);
        if (m == null) {
            throw new UserInputException("unknown model '" + name + "'; expected one of: " + String.join(", ", REGISTRY.keySet()));
        }
        return m;
    }

    /**
     * A complete spec: the method's defaults overridden by {@code given}. Hyper-parameters the
     * method does not have are rejected, so a typo never silently trains the default.
     */
    public static ModelSpec spec(String method, int[] observationShape, int latentDim, Likelihood likelihood, Map<String, Double> given) {
        return spec(method, observationShape, latentDim, likelihood, given, null);
    }

    /**
     * As above, with the dataset's structure for the methods that read it (CDG-VAE); null for none.
     * For a method that extends a base ({@link Method#extending}), the chosen base's declarations
     * give the defaults of the hyper-parameters it has.
     */
    public static ModelSpec spec(String method, int[] observationShape, int latentDim, Likelihood likelihood, Map<String, Double> given,
            DatasetFacts facts) {
        return spec(method, observationShape, latentDim, likelihood, given, facts, Map.of());
    }

    /** As above, with architecture parts chosen in place of the method's ({@link PartChoices}); their hyper-parameters join the method's. */
    public static ModelSpec spec(String method, int[] observationShape, int latentDim, Likelihood likelihood, Map<String, Double> given,
            DatasetFacts facts, Map<String, String> parts) {
        Method m = get(method);
        Map<String, HyperParameter> declared = new LinkedHashMap<>();
        m.hyperParameters().forEach(h -> declared.put(h.name(), h));
        if (!parts.isEmpty()) {
            if (m.composition() == null && m.base() == null) {
                throw new UserInputException("--part: " + method + " is not a composition of parts; its architecture cannot be chosen");
            }
            PartChoices.hyperParameters(parts).forEach(h -> declared.putIfAbsent(h.name(), h));
        }
        for (Map.Entry<String, Double> e : given.entrySet()) {
            if (!declared.containsKey(e.getKey())) {
                String known = m.hyperParameters().stream().map(h -> "--" + h.name()).collect(Collectors.joining(", "));
                throw new UserInputException("model " + method + " has no hyper-parameter --" + e.getKey()
                        + (known.isEmpty() ? "; it has none" : "; it has " + known));
            }
        }
        if (m.base() != null) {
            String violation = m.base().violation(given.getOrDefault(m.base().name(), m.base().defaultValue()));
            if (violation != null) throw new UserInputException(violation);
            get(m.baseOf(given)).hyperParameters().forEach(h -> declared.put(h.name(), h));
        }
        Map<String, Double> values = new HashMap<>();
        for (HyperParameter h : declared.values()) {
            if (h.relativeTo() == null) values.put(h.name(), h.defaultValue());
        }
        values.putAll(given);
        for (HyperParameter h : declared.values()) {
            if (h.relativeTo() != null && !given.containsKey(h.name())) {
                Double base = values.get(h.relativeTo());
                if (base == null) throw new IllegalStateException(method + ": --" + h.name() + " is relative to an unknown --" + h.relativeTo());
                values.put(h.name(), h.defaultValue() * base);
            }
        }
        if (latentDim <= 0) throw new UserInputException("--latent-dim must be positive, got " + latentDim);
        List<String> violations = new ArrayList<>();
        for (HyperParameter h : declared.values()) {
            String violation = h.violation(values.get(h.name()));
            if (violation != null) violations.add(violation);
        }
        if (!violations.isEmpty()) throw new UserInputException(String.join("\n", violations));
        return new ModelSpec(method, observationShape, latentDim, likelihood, values, facts, parts);
    }

    public static Model create(ModelSpec spec, ai.djl.ndarray.NDManager parent, long initSeed) {
        return get(spec.method()).factory().create(spec, parent, initSeed);
    }
}
