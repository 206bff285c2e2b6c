package org.disentangle4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.disentangle4j.model.BetaVae;
import org.disentangle4j.model.HyperParameter;
import org.disentangle4j.model.HyperParameter.Range;
import org.disentangle4j.model.Losses;
import org.disentangle4j.model.Method;
import org.disentangle4j.model.ModelSpec;
import org.disentangle4j.model.Posterior;
import org.disentangle4j.model.StepContext;
import org.disentangle4j.model.VaeModel;
import org.disentangle4j.nn.Scalars;

/**
 * A toy method, to show what adding one takes: a β-VAE whose decoder reads the code rotated by
 * {@code --angle} in the plane of its first two dimensions. One class overriding two hooks (the
 * latent transform and the regulariser) plus one registry line ({@code Methods.register(METHOD)}).
 */
final class RotatedBetaVae extends VaeModel {
    static final HyperParameter ANGLE = new HyperParameter("angle", 0.5,
            "rotation in radians of the code's first plane before decoding", new Range(-Math.PI, true, Math.PI, false));
    static final Method METHOD = new Method("rotated-beta-vae-test",
            "test: β-VAE whose decoder reads the code rotated in the plane of its first two dimensions",
            List.of(BetaVae.BETA, ANGLE), RotatedBetaVae::new);

    private final float beta;
    private final float[] rotation; // (d, d), row-major: decoder input = rotation · code

    RotatedBetaVae(ModelSpec spec, NDManager parent, long initSeed) {
        super(spec, parent, initSeed);
        this.beta = (float) spec.value(BetaVae.BETA);
        int d = spec.latentDim();
        double angle = spec.value(ANGLE);
        rotation = new float[d * d];
        for (int i = 0; i < d; i++) rotation[i * d + i] = 1f;
        rotation[0] = (float) Math.cos(angle);
        rotation[1] = (float) -Math.sin(angle);
        rotation[d] = (float) Math.sin(angle);
        rotation[d + 1] = (float) Math.cos(angle);
    }

    /** z ↦ R z for each row: (B, d) · Rᵀ. */
    @Override
    public NDArray transformLatent(NDArray codes, boolean training) {
        int d = latentDim();
        return codes.matMul(codes.getManager().create(rotation, new Shape(d, d)).transpose());
    }

    @Override
    protected NDArray regularizer(Losses losses, Posterior posterior, NDArray sampled, StepContext context) {
        return Scalars.mul(losses.term("kl"), beta);
    }
}
