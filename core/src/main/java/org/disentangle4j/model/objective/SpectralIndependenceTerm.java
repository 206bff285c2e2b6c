package org.disentangle4j.model.objective;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.disentangle4j.model.HyperParameter;
import org.disentangle4j.model.Losses;
import org.disentangle4j.model.Part;
import org.disentangle4j.model.SpectralProbe;
import org.disentangle4j.nn.Scalars;

/**
 * The independent-mechanisms penalty (issue 15): λ·Σ_k (log ρ_k)² over the decoder's
 * convolutional layers, ρ_k their spectral density ratio on the batch ({@link SpectralProbe});
 * λ = 0 switches it off and leaves the model as it was. Logged as {@code im}.
 */
public final class SpectralIndependenceTerm implements ObjectiveTerm {
    public static final HyperParameter IM_WEIGHT = new HyperParameter("im-weight", 0.0,
            "weight λ of the spectral independence term λ·Σ_k (log ρ_k)² of the decoder's conv layers (issue 15)",
            null, HyperParameter.Range.WEIGHT, List.of());
    public static final Part<ObjectiveTerm> PART = new Part<>("λ·spectral independence of decoder layers (off at λ = 0)", List.of(IM_WEIGHT),
            (spec, networks) -> new SpectralIndependenceTerm(spec.hyperParameters().getOrDefault(IM_WEIGHT.name(), 0.0)));

    private final double weight;

    private SpectralIndependenceTerm(double weight) {
        this.weight = weight;
    }

    @Override
    public Placement placement() {
        return Placement.PENALTY;
    }

    @Override
    public boolean readsDecoderLayers() {
        return weight > 0;
    }

    @Override
    public boolean needsPosterior() {
        return false;
    }

    @Override
    public List<NDArray> contribute(TrainingStep step, Losses losses) {
        if (!(weight > 0)) return List.of();
        NDArray im = SpectralProbe.penalty(step.probedLayers());
        losses.term("im", im);
        return List.of(Scalars.mul(im, (float) weight));
    }
}
