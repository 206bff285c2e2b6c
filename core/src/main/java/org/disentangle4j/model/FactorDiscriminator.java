package org.disentangle4j.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.HashMap;
import java.util.Map;
import org.disentangle4j.nn.Scalars;

/**
 * FactorVAE's total-correlation discriminator (Kim &amp; Mnih 2018), shared by {@link FactorVae} and
 * by methods that put FactorVAE's regulariser under something else ({@link Cfasl} on
 * {@code --base factor-vae}). D (six dense layers of 1000 units with leaky ReLU, slope 0.2, then
 * two logits) tells sampled codes z from their dimension-wise shuffle; TC ≈ mean(D(z)₀ − D(z)₁).
 * It is trained in the same step with its own Adam ({@link #OPTIMIZER}) on
 * −½(mean log p₀(z) + mean log p₁(shuffled z)), as in disentanglement_lib.
 *
 * <p>The owning model registers {@link #newBlock()} as its part {@value #GROUP} (so its
 * parameters are named and initialised where the model's other parts are) and calls
 * {@link #penalty} from its regulariser. The gradients are kept apart: the VAE's TC term runs D
 * with detached copies of its weights (it moves the encoder but not D), and D's loss sees detached
 * codes (it moves D but not the encoder). Logs {@code tc}, {@code disc_loss} and
 * {@code disc_accuracy}.
 */
public final class FactorDiscriminator {
    /** The discriminator's part and optimiser group. */
    public static final String GROUP = "discriminator";
    /** disentanglement_lib's discriminator Adam (unsupervised_study_v1/model_configs/shared.gin). */
    public static final OptimizerSettings OPTIMIZER = OptimizerSettings.adam(1e-4).withBetas(0.5, 0.9);

    private static final int HIDDEN_LAYERS = 6;
    private static final int HIDDEN_UNITS = 1000;
    private static final float LEAKY_SLOPE = 0.2f; // TensorFlow's tf.nn.leaky_relu default

    private FactorDiscriminator() {}

    /** A new, uninitialised discriminator for the model to register as its part {@value #GROUP}. */
    public static SequentialBlock newBlock() {
        SequentialBlock d = new SequentialBlock();
        for (int i = 0; i < HIDDEN_LAYERS; i++) {
            d.add(Linear.builder().setUnits(HIDDEN_UNITS).build());
            d.add(Activation.leakyReluBlock(LEAKY_SLOPE));
        }
        d.add(Linear.builder().setUnits(2).build());
        return d;
    }

    /**
     * KL + γ·TC for sampled codes (the batch's {@code kl} read from {@code losses}); adds
     * {@code tc}, {@code disc_loss} and {@code disc_accuracy} to {@code losses} and the
     * discriminator's objective to group {@value #GROUP}.
     *
     * @param store the model's parameter store (D's own loss trains D's parameters through it)
     */
    public static NDArray penalty(SequentialBlock discriminator, ParameterStore store, Losses losses, NDArray sampled,
            StepContext context, float gamma) {
        long b = sampled.getShape().get(0);
        // TC for the VAE: gradients reach z (and the encoder), never D's weights
        NDArray frozenLogits = discriminator.forward(new DetachedStore(context.manager()), new NDList(sampled), true)
                .singletonOrThrow();
        NDArray tc = frozenLogits.get(":, 0").sub(frozenLogits.get(":, 1")).mean();

        // D's loss: gradients reach D's weights, never z
        NDArray real = sampled.stopGradient();
        NDArray shuffled = FactorVae.permuteDimensions(real, context);
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
        return losses.term("kl").add(Scalars.mul(tc, gamma));
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
