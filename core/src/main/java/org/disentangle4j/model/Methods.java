package org.disentangle4j.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.model.HyperParameter.Range;

/** The registry of methods by name; one line registers a method. */
public final class Methods {
    private static final Map<String, Method> REGISTRY = new LinkedHashMap<>();

    // Defaults: disentanglement_lib leaves every method's weight gin.REQUIRED (methods/unsupervised/
    // vae.py), so each default below is a value of its study grid (config/unsupervised_study_v1/
    // sweep.py) chosen as said in the description; fixed study settings are copied as they are.
    static {
        register(new Method("vae", "VAE (Kingma & Welling 2014): reconstruction + KL (β-VAE with β = 1)",
                List.of(), (spec, parent, seed) -> new BetaVae(spec, parent, seed, 1f)));
        register(new Method("beta-vae", "β-VAE (Higgins et al. 2017): reconstruction + β·KL; β = 4 as in the paper's dSprites runs",
                List.of(new HyperParameter("beta", 4.0, "weight β of the KL term (study grid 1, 2, 4, 6, 8, 16)", Range.WEIGHT)),
                BetaVae::new));
        register(new Method("annealed-vae", "AnnealedVAE (Burgess et al. 2018): reconstruction + γ·|KL − C(t)|, "
                + "C(t) = min(c_max, c_max·t/threshold) for t steps done; γ = 1000 and threshold 100,000 fixed in the study, "
                + "c_max = 25 nats as in the paper's dSprites runs",
                List.of(new HyperParameter("c-max", 25.0, "final capacity C in nats (study grid 5, 10, 25, 50, 75, 100)", Range.WEIGHT),
                        new HyperParameter("gamma", 1000.0, "weight γ of |KL − C| (study: 1000)", Range.WEIGHT),
                        new HyperParameter("iteration-threshold", 100_000.0, "steps over which C grows from 0 to c_max (study: 100,000)", Range.POSITIVE)),
                AnnealedVae::new));
        register(new Method("factor-vae", "FactorVAE (Kim & Mnih 2018): reconstruction + KL + γ·TC, TC from a discriminator "
                + "on z vs dimension-wise shuffled z, trained in the same step with its own Adam (lr 1e-4, β1 0.5, β2 0.9); "
                + "γ = 40 from the study grid",
                List.of(new HyperParameter("gamma", 40.0, "weight γ of the TC term (study grid 10, 20, 30, 40, 50, 100)", Range.WEIGHT)),
                FactorVae::new));
        register(new Method("dip-vae-i", "DIP-VAE-I (Kumar et al. 2018): reconstruction + KL + λ_od·Σ_{i≠j}Cov_ij² + "
                + "λ_d·Σ_i(Cov_ii − 1)², Cov of the posterior means over the batch; λ_d = 10·λ_od as in the study, λ_od = 10 from its grid",
                List.of(new HyperParameter("lambda-od", 10.0, "weight λ_od of the off-diagonal penalty (study grid 1, 2, 5, 10, 20, 50)", Range.WEIGHT),
                        HyperParameter.relative("lambda-d", 10.0, "lambda-od", "weight λ_d of the diagonal penalty (study: 10·λ_od for DIP-VAE-I, λ_od for DIP-VAE-II)", Range.WEIGHT)),
                (spec, parent, seed) -> new DipVae(spec, parent, seed, DipVae.Type.I)));
        register(new Method("dip-vae-ii", "DIP-VAE-II (Kumar et al. 2018): as DIP-VAE-I with Cov of the aggregate posterior, "
                + "E[Cov q(z|x)] + Cov(means); λ_d = λ_od as in the study, λ_od = 10 from its grid",
                List.of(new HyperParameter("lambda-od", 10.0, "weight λ_od of the off-diagonal penalty (study grid 1, 2, 5, 10, 20, 50)", Range.WEIGHT),
                        HyperParameter.relative("lambda-d", 1.0, "lambda-od", "weight λ_d of the diagonal penalty (study: 10·λ_od for DIP-VAE-I, λ_od for DIP-VAE-II)", Range.WEIGHT)),
                (spec, parent, seed) -> new DipVae(spec, parent, seed, DipVae.Type.II)));
        register(new Method("beta-tcvae", "β-TCVAE (Chen et al. 2018): reconstruction + KL + (β − 1)·TC, TC by the minibatch-weighted "
                + "sampling estimate on the batch; β = 6 from the study grid",
                List.of(new HyperParameter("beta", 6.0, "β: the TC term's weight is β − 1 (study grid 1, 2, 4, 6, 8, 10)", Range.atLeast(1))),
                BetaTcVae::new));
        // Additive decoders (Lachapelle et al. 2023): deterministic autoencoders, Adam lr 1e-3 and weight
        // decay 5e-4 as in the reference (models/*.py, algorithms/*.py of its code); without --blocks or
        // --latent-dim their code has the dataset's blocks (balls-scalar 1,1, balls-block-* 2,2)
        register(new Method("ae", "autoencoder with the non-additive decoder of the additive-decoder paper: conv encoder, "
                + "batch-normalised code, MLP decoder with batch norm; loss: squared error on pixels; keeps the checkpoint "
                + "of the lowest validation loss (best.npz)",
                autoencoderHyperParameters(false), Autoencoder::new, Map.of("lr", 1e-3, "blocks", "dataset")));
        register(new Method("additive-ae", "additive autoencoder (Lachapelle et al. 2023): the decoder is a sum of one "
                + "network per latent block, f(z) = Σ_B f_B(z_B); otherwise as ae. --blocks 1,1 (ScalarLatents) or 2,2 "
                + "(BlockLatents) sets latent size and block size",
                autoencoderHyperParameters(true), AdditiveAutoencoder::new, Map.of("lr", 1e-3, "blocks", "dataset")));
    }

    private static List<HyperParameter> autoencoderHyperParameters(boolean additive) {
        List<HyperParameter> h = new ArrayList<>();
        if (additive) h.add(new HyperParameter("block-size", 1, "latent dimensions per decoder block (1: ScalarLatents, 2: BlockLatents)", Range.COUNT));
        h.add(new HyperParameter("weight-decay", 5e-4, "Adam's L2 weight decay (reference: 5e-4)", Range.WEIGHT));
        h.add(new HyperParameter("validate-every", 250, "steps between validations; best.npz keeps the lowest validation loss", Range.COUNT));
        return h;
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
        Method m = get(method);
        Map<String, Double> values = new HashMap<>();
        for (HyperParameter h : m.hyperParameters()) {
            if (h.relativeTo() == null) values.put(h.name(), h.defaultValue());
        }
        for (Map.Entry<String, Double> e : given.entrySet()) {
            if (m.hyperParameters().stream().noneMatch(h -> h.name().equals(e.getKey()))) {
                String known = m.hyperParameters().stream().map(h -> "--" + h.name()).collect(Collectors.joining(", "));
                throw new UserInputException("model " + method + " has no hyper-parameter --" + e.getKey()
                        + (known.isEmpty() ? "; it has none" : "; it has " + known));
            }
            values.put(e.getKey(), e.getValue());
        }
        for (HyperParameter h : m.hyperParameters()) {
            if (h.relativeTo() != null && !given.containsKey(h.name())) {
                Double base = values.get(h.relativeTo());
                if (base == null) throw new IllegalStateException(method + ": --" + h.name() + " is relative to an unknown --" + h.relativeTo());
                values.put(h.name(), h.defaultValue() * base);
            }
        }
        if (latentDim <= 0) throw new UserInputException("--latent-dim must be positive, got " + latentDim);
        List<String> violations = new ArrayList<>();
        for (HyperParameter h : m.hyperParameters()) {
            String violation = h.violation(values.get(h.name()));
            if (violation != null) violations.add(violation);
        }
        if (!violations.isEmpty()) throw new UserInputException(String.join("\n", violations));
        return new ModelSpec(method, observationShape, latentDim, likelihood, values);
    }

    public static Model create(ModelSpec spec, ai.djl.ndarray.NDManager parent, long initSeed) {
        return get(spec.method()).factory().create(spec, parent, initSeed);
    }
}
