package org.disentangle4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.disentangle4j.model.Composition;
import org.disentangle4j.model.HyperParameter;
import org.disentangle4j.model.HyperParameter.Range;
import org.disentangle4j.model.Method;
import org.disentangle4j.model.Methods;
import org.disentangle4j.model.Part;
import org.disentangle4j.model.architecture.LatentStructure;
import org.disentangle4j.model.objective.KlTerm;

/**
 * A toy method, to show what adding one takes: a β-VAE whose decoder reads the code rotated by
 * {@code --angle} in the plane of its first two dimensions. One part (the latent structure), one
 * line composing it with β-VAE's term, one registry line ({@code Methods.register(METHOD)}).
 */
final class RotatedBetaVae implements LatentStructure {
    static final HyperParameter ANGLE = new HyperParameter("angle", 0.5,
            "rotation in radians of the code's first plane before decoding", new Range(-Math.PI, true, Math.PI, false));
    static final Part<LatentStructure> ROTATION = new Part<>("rotation of the code's first plane", List.of(ANGLE),
            (spec, networks) -> new RotatedBetaVae(spec.latentDim(), spec.value(ANGLE)));
    static final Method METHOD = Method.composed("rotated-beta-vae-test",
            "test: β-VAE whose decoder reads the code rotated in the plane of its first two dimensions",
            Composition.vae(List.of(KlTerm.weighted(Methods.BETA))).withStructure(ROTATION));

    private final int d;
    private final float[] rotation; // (d, d), row-major: decoder input = rotation · code

    private RotatedBetaVae(int d, double angle) {
        this.d = d;
        rotation = new float[d * d];
        for (int i = 0; i < d; i++) rotation[i * d + i] = 1f;
        rotation[0] = (float) Math.cos(angle);
        rotation[1] = (float) -Math.sin(angle);
        rotation[d] = (float) Math.sin(angle);
        rotation[d + 1] = (float) Math.cos(angle);
    }

    /** z ↦ R z for each row: (B, d) · Rᵀ. */
    @Override
    public NDArray transform(NDArray codes, boolean training) {
        return codes.matMul(codes.getManager().create(rotation, new Shape(d, d)).transpose());
    }
}
