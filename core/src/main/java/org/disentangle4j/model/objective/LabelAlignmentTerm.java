package org.disentangle4j.model.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.List;
import org.disentangle4j.model.Batch;
import org.disentangle4j.model.BatchSampling;
import org.disentangle4j.model.DatasetFacts;
import org.disentangle4j.model.HyperParameter;
import org.disentangle4j.model.HyperParameter.Range;
import org.disentangle4j.model.Losses;
import org.disentangle4j.model.Part;
import org.disentangle4j.nn.Scalars;

/**
 * CDG-VAE's supervision: λ·Σ_j BCE(sigmoid(z̄_j), u_j), z̄ what the decoder reads for the posterior
 * mean (after the latent structure) and u the factor labels scaled to [0, 1] (the dataset's level
 * values, min-max), read only for the labelled rows of the batch ({@code --labelled-fraction},
 * averaged over those rows). The first min(d, factors) latents are aligned with the factors.
 * Logs {@code align}.
 */
public final class LabelAlignmentTerm implements ObjectiveTerm {
    public static final HyperParameter LAMBDA = new HyperParameter("alignment-weight", 5,
            "λ: weight of the alignment BCE(sigmoid(z̄_j), u_j) of latents with the [0, 1]-scaled labels", Range.WEIGHT);
    public static final HyperParameter LABELLED = new HyperParameter("labelled-fraction", 1.0,
            "fraction of each batch whose labels the alignment reads (1: supervised, 0.1: the paper's semi-supervised setting)",
            new Range(0, true, 1, false));
    public static final Part<ObjectiveTerm> PART = new Part<>("λ·alignment of latents with labels", List.of(LAMBDA, LABELLED),
            (spec, networks) -> new LabelAlignmentTerm((float) spec.value(LAMBDA), spec.value(LABELLED), spec.datasetFacts().orElse(null)));

    private final float lambda;
    private final double labelledFraction;
    private final DatasetFacts facts;

    private LabelAlignmentTerm(float lambda, double labelledFraction, DatasetFacts facts) {
        this.lambda = lambda;
        this.labelledFraction = labelledFraction;
        this.facts = facts;
    }

    @Override
    public Placement placement() {
        return Placement.PENALTY;
    }

    @Override
    public BatchSampling batchSampling() {
        return BatchSampling.labelled(labelledFraction);
    }

    @Override
    public List<NDArray> contribute(TrainingStep step, Losses losses) {
        NDArray zbar = step.decoding().transform(step.requirePosterior().mean());
        NDArray align = alignment(step.batch(), zbar, facts, step.manager());
        losses.term("align", align);
        return List.of(Scalars.mul(align, lambda));
    }

    /**
     * Σ_j BCE(sigmoid(z̄_j), u_j) = Σ_j softplus(z̄_j) − u_j·z̄_j averaged over the labelled rows (0
     * when none is labelled or there are no factors to read).
     */
    public static NDArray alignment(Batch batch, NDArray zbar, DatasetFacts facts, NDManager m) {
        int rows = Math.toIntExact(batch.size());
        int latentDim = Math.toIntExact(zbar.getShape().get(1));
        int aligned = facts == null ? 0 : Math.min(latentDim, facts.factors().numFactors());
        float[] weight = new float[rows];
        float[] labels = new float[rows * Math.max(1, aligned)];
        int count = 0;
        for (int i = 0; i < rows && aligned > 0; i++) {
            if (!batch.isLabelled(i)) continue;
            weight[i] = 1f;
            count++;
            for (int j = 0; j < aligned; j++) labels[i * aligned + j] = (float) facts.factors().scaledValue(j, batch.factors()[i][j]);
        }
        if (count == 0) return m.zeros(new Shape());
        NDArray z = aligned == latentDim ? zbar : zbar.get(new NDIndex(":, :{}", aligned));
        NDArray u = m.create(labels, new Shape(rows, aligned));
        NDArray perRow = Activation.softPlus(z).sub(z.mul(u)).sum(new int[] {1});
        return Scalars.div(perRow.mul(m.create(weight, new Shape(rows))).sum(), (float) count);
    }
}
