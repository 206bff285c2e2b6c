package org.disentangle4j.model.objective;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.disentangle4j.model.HyperParameter;
import org.disentangle4j.model.HyperParameter.Range;
import org.disentangle4j.model.Losses;
import org.disentangle4j.model.OptimizerSettings;
import org.disentangle4j.model.Part;
import org.disentangle4j.model.StepContext;
import org.disentangle4j.model.architecture.Networks;
import org.disentangle4j.nn.Scalars;

/**
 * FactorVAE's γ·TC (Kim &amp; Mnih 2018, Eq. 2), the total correlation estimated by a discriminator
 * D that tells sampled codes z from their dimension-wise shuffle (each column permuted
 * independently across the batch, which keeps every marginal and breaks the dependence between
 * dimensions): TC ≈ mean(D(z)₀ − D(z)₁), the log density ratio.
 *
 * <p>D (six dense layers of 1000 units with leaky ReLU, slope 0.2, then two logits) is the term's
 * network {@value #GROUP}, trained in the same step with its own Adam ({@link #OPTIMIZER}) on
 * −½(mean log p₀(z) + mean log p₁(shuffled z)), as in disentanglement_lib. The trainer
 * back-propagates the sum of all objectives once, so the gradients are kept apart: the VAE's TC
 * runs D with detached copies of its weights (it moves the encoder but not D), and D's loss sees
 * detached codes (it moves D but not the encoder). Logs {@code tc}, {@code disc_loss} and
 * {@code disc_accuracy} (the fraction of real and shuffled codes D classifies correctly).
 */
public final class DiscriminatorTcTerm implements ObjectiveTerm {
    /** The discriminator's network and optimiser group. */
    public static final String GROUP = "discriminator";
    /** disentanglement_lib's discriminator Adam (unsupervised_study_v1/model_configs/shared.gin). */
    public static final OptimizerSettings OPTIMIZER = OptimizerSettings.adam(1e-4).withBetas(0.5, 0.9);
    public static final HyperParameter GAMMA = new HyperParameter("gamma", 40.0, "weight γ of the TC term", Range.WEIGHT)
            .withGrid(10, 20, 30, 40, 50, 100);
    public static final Part<ObjectiveTerm> PART = new Part<>("γ·TC by a discriminator (own Adam)", List.of(GAMMA),
            (spec, networks) -> new DiscriminatorTcTerm((float) spec.value(GAMMA), networks, spec.latentDim()));

    private static final int HIDDEN_LAYERS = 6;
    private static final int HIDDEN_UNITS = 1000;
    private static final float LEAKY_SLOPE = 0.2f; // TensorFlow's tf.nn.leaky_relu default

    private final float gamma;
    private final SequentialBlock discriminator;
    private final ParameterStore store;

    private DiscriminatorTcTerm(float gamma, Networks networks, int latentDim) {
        this.gamma = gamma;
        this.discriminator = networks.add(GROUP, newNetwork(), new Shape(1, latentDim));
        this.store = networks.store();
    }

    private static SequentialBlock newNetwork() {
        SequentialBlock d = new SequentialBlock();
        for (int i = 0; i < HIDDEN_LAYERS; i++) {
            d.add(Linear.builder().setUnits(HIDDEN_UNITS).build());
            d.add(Activation.leakyReluBlock(LEAKY_SLOPE));
        }
        d.add(Linear.builder().setUnits(2).build());
        return d;
    }

    @Override
    public OwnGroup ownGroup() {
        return new OwnGroup(GROUP, OPTIMIZER);
    }

    @Override
    public List<NDArray> contribute(TrainingStep step, Losses losses) {
        NDArray sampled = step.codes();
        StepContext context = step.context();
        long b = sampled.getShape().get(0);
        // TC for the VAE: gradients reach z (and the encoder), never D's weights
        NDArray frozenLogits = discriminator.forward(new DetachedStore(context.manager()), new NDList(sampled), true).singletonOrThrow();
        NDArray tc = frozenLogits.get(":, 0").sub(frozenLogits.get(":, 1")).mean();

        // D's loss: gradients reach D's weights, never z
        NDArray real = sampled.stopGradient();
        NDArray shuffled = permuteDimensions(real, context);
        NDArray logits = discriminator.forward(store, new NDList(NDArrays.concat(new NDList(real, shuffled), 0)), true).singletonOrThrow();
        NDArray logProbabilities = logits.logSoftmax(1);
        NDArray realLogP = logProbabilities.get("0:" + b + ", 0").mean();
        NDArray shuffledLogP = logProbabilities.get(b + ":, 1").mean();
        NDArray discLoss = Scalars.mul(realLogP.add(shuffledLogP), -0.5f);

        NDArray realRight = logits.get("0:" + b + ", 0").gt(logits.get("0:" + b + ", 1")).toType(DataType.FLOAT32, false);
        NDArray shuffledRight = logits.get(b + ":, 1").gt(logits.get(b + ":, 0")).toType(DataType.FLOAT32, false);
        NDArray accuracy = Scalars.mul(realRight.mean().add(shuffledRight.mean()), 0.5f);

        losses.term("tc", tc).term("disc_loss", discLoss).term("disc_accuracy", accuracy.stopGradient());
        losses.objective(GROUP, discLoss);
        return List.of(Scalars.mul(tc, gamma));
    }

    /**
     * Each column of {@code z} (B, d) permuted across the batch by its own permutation:
     * out[i, j] = z[perms[j][i], j].
     */
    public static NDArray permuteDimensions(NDArray z, int[][] perms) {
        int b = Math.toIntExact(z.getShape().get(0));
        int d = Math.toIntExact(z.getShape().get(1));
        if (perms.length != d) throw new IllegalArgumentException("need " + d + " permutations, got " + perms.length);
        long[] index = new long[b * d];
        for (int j = 0; j < d; j++) {
            if (perms[j].length != b) throw new IllegalArgumentException("permutation " + j + " has length " + perms[j].length);
            for (int i = 0; i < b; i++) index[i * d + j] = (long) perms[j][i] * d + j;
        }
        NDArray flatIndex = z.getManager().create(index);
        return z.reshape(-1).take(flatIndex).reshape(b, d);
    }

    /** A dimension-wise shuffle with the step's randomness (so a resumed run draws the same). */
    public static NDArray permuteDimensions(NDArray z, StepContext context) {
        int b = Math.toIntExact(z.getShape().get(0));
        int d = Math.toIntExact(z.getShape().get(1));
        int[][] perms = new int[d][];
        for (int j = 0; j < d; j++) perms[j] = context.permutation(b);
        return permuteDimensions(z, perms);
    }

    /**
     * Hands blocks detached copies of their parameters (owned by the step's manager, cached for
     * the step), so a forward pass through them back-propagates to its input only.
     */
    static final class DetachedStore extends ParameterStore {
        private final NDManager stepManager;
        private final Map<String, NDArray> copies = new HashMap<>();

        DetachedStore(NDManager stepManager) {
            super(stepManager, false);
            this.stepManager = stepManager;
        }

        @Override
        public NDArray getValue(Parameter parameter, Device device, boolean training) {
            return copies.computeIfAbsent(parameter.getId(), id -> {
                NDArray detached = parameter.getArray().stopGradient();
                detached.attach(stepManager);
                return detached;
            });
        }
    }
}
