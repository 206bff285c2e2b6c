package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.disentangle4j.data.CausalGraph;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.model.architecture.Decoder;
import org.disentangle4j.model.architecture.Encoder;
import org.disentangle4j.model.architecture.LatentStructure;
import org.disentangle4j.model.architecture.Networks;
import org.disentangle4j.model.architecture.ObservationModel;
import org.disentangle4j.model.objective.ObjectiveTerm;
import org.disentangle4j.model.objective.TrainingStep;

/**
 * A model built from a {@link Composition}: encoder → latent structure → decoder → observation
 * model, and the objective terms. One step: encode the batch (a Gaussian encoder's posterior is
 * sampled once), decode what the structure makes of the codes, the reconstruction loss, the KL
 * (Gaussian encoders), then every term in order; the loss is reconstruction + the regulariser
 * terms' summands, then the penalty terms' (see {@link ObjectiveTerm}). Logs {@code recon},
 * {@code kl} and {@code elbo} (Gaussian encoders), every term's own, and {@code loss}.
 */
public final class ComposedModel extends Model {
    private final Composition composition;
    private final Encoder encoder;
    private final LatentStructure structure;
    private final Decoder decoder;
    private final ObservationModel observation;
    private final List<ObjectiveTerm> terms = new ArrayList<>();
    private final Networks networks;

    public ComposedModel(Composition declared, ModelSpec spec, NDManager parent, long initSeed) {
        super(spec, parent, initSeed);
        Composition composition = spec.parts().isEmpty() ? declared : PartChoices.apply(declared, spec.parts(), spec.method());
        this.composition = composition;
        Networks networks = new Networks() {
            @Override
            public <B extends Block> B add(String name, B block, Shape inputShape) {
                return addPart(name, block, inputShape);
            }

            @Override
            public NDArray forward(Block block, NDArray input, boolean training) {
                return ComposedModel.this.forward(block, input, training);
            }

            @Override
            public ParameterStore store() {
                return parameterStore();
            }

            @Override
            public NDManager manager() {
                return ComposedModel.this.manager();
            }

            @Override
            public long initSeed() {
                return initSeed;
            }
        };
        this.encoder = composition.encoder().build(spec, networks);
        this.structure = composition.structure().build(spec, networks);
        this.decoder = composition.decoder().build(spec, networks);
        this.observation = composition.observation().build(spec, networks);
        for (Part<ObjectiveTerm> part : composition.terms()) {
            ObjectiveTerm term = part.build(spec, networks);
            if (term.needsPosterior() && !encoder.gaussian()) {
                throw new UserInputException("method " + spec.method() + ": the term " + part.name() + " needs a Gaussian encoder, and "
                        + composition.encoder().name() + " gives codes");
            }
            terms.add(term);
        }
        this.networks = networks;
    }

    public Composition composition() {
        return composition;
    }

    public Encoder encoder() {
        return encoder;
    }

    public LatentStructure structure() {
        return structure;
    }

    public Decoder decoder() {
        return decoder;
    }

    /** The objective terms as built, in order. */
    public List<ObjectiveTerm> terms() {
        return List.copyOf(terms);
    }

    /** The first term of the given class, if the composition has one. */
    public <T extends ObjectiveTerm> Optional<T> term(Class<T> kind) {
        return terms.stream().filter(kind::isInstance).map(kind::cast).findFirst();
    }

    /** The posterior q(z|x) (Gaussian encoders). */
    public Posterior encode(NDArray observations, boolean training) {
        NDList halves = encoder.forward(observations, training).split(2, 1);
        return new Posterior(halves.get(0), halves.get(1));
    }

    @Override
    public BatchSampling batchSampling() {
        for (ObjectiveTerm term : terms) {
            if (term.batchSampling() != null) return term.batchSampling();
        }
        return BatchSampling.IID;
    }

    @Override
    public NDArray represent(NDArray observations) {
        return encoder.gaussian() ? encode(observations, false).mean() : encoder.forward(observations, false);
    }

    @Override
    public NDArray transformLatent(NDArray codes, boolean training) {
        return structure.transform(codes, training);
    }

    @Override
    public NDArray decode(NDArray decoderInput, boolean training) {
        return decoder.decode(decoderInput, training);
    }

    @Override
    public NDArray decode(NDArray decoderInput, boolean training, DecoderLayerHook hook) {
        if (decoder.layers().isEmpty()) return super.decode(decoderInput, training, hook);
        return decoder.decode(decoderInput, training, hook);
    }

    @Override
    public NDArray observationMean(NDArray decoderOutput) {
        return observation.mean(decoderOutput);
    }

    @Override
    public Losses losses(Batch batch, StepContext context) {
        NDArray x = batch.observations();
        Posterior q = null;
        NDArray codes;
        if (encoder.gaussian()) {
            q = encode(x, true);
            codes = q.sample(context.normal(q.mean().getShape()));
        } else {
            codes = encoder.forward(x, true);
        }
        List<NDArray[]> probed = new ArrayList<>();
        boolean probe = terms.stream().anyMatch(ObjectiveTerm::readsDecoderLayers);
        NDArray decoded = probe ? decode(transformLatent(codes, true), true, SpectralProbe.collecting(probed))
                : decode(transformLatent(codes, true), true);
        NDArray recon = observation.loss(decoded, x);
        Losses losses = new Losses().term("recon", recon);
        NDArray kl = null;
        if (q != null) {
            kl = q.klPerDimension().sum();
            losses.term("kl", kl);
        }
        observation.log(losses, recon);

        TrainingStep step = new TrainingStep(spec(), batch, context, q, codes, kl, probed, new TrainingStep.Decoding() {
            @Override
            public NDArray transform(NDArray z) {
                return transformLatent(z, true);
            }

            @Override
            public NDArray decode(NDArray z) {
                return ComposedModel.this.decode(transformLatent(z, true), true);
            }

            @Override
            public NDArray reconstructionLoss(NDArray output, NDArray observations) {
                return observation.loss(output, observations);
            }
        }, networks);
        NDArray regularizer = null;
        List<NDArray> penalties = new ArrayList<>();
        for (ObjectiveTerm term : terms) {
            List<NDArray> summands = term.contribute(step, losses);
            if (term.placement() == ObjectiveTerm.Placement.PENALTY) {
                penalties.addAll(summands);
            } else {
                for (NDArray s : summands) regularizer = regularizer == null ? s : regularizer.add(s);
            }
        }
        NDArray loss = regularizer == null ? recon : recon.add(regularizer);
        for (NDArray p : penalties) loss = loss.add(p);
        if (kl != null) losses.term("elbo", recon.add(kl).neg());
        losses.term("loss", loss);
        return losses.objective(MAIN_GROUP, loss);
    }

    /** The main group holds every trainable parameter no term claims for a group of its own; terms adjust its settings. */
    @Override
    public List<ParameterGroup> parameterGroups(OptimizerSettings main) {
        List<ParameterGroup> own = new ArrayList<>();
        OptimizerSettings mainSettings = main;
        for (ObjectiveTerm term : terms) {
            ObjectiveTerm.OwnGroup group = term.ownGroup();
            if (group != null) own.add(new ParameterGroup(group.network(), parameterNamesOf(group.network()), group.optimizer()));
            mainSettings = term.adjustMain(mainSettings);
        }
        Set<String> claimed = new HashSet<>();
        own.forEach(g -> claimed.addAll(g.parameterNames()));
        List<String> mainNames = parameterNamesOf().stream().filter(n -> !claimed.contains(n)).toList();
        List<ParameterGroup> groups = new ArrayList<>();
        groups.add(new ParameterGroup(MAIN_GROUP, mainNames, mainSettings));
        groups.addAll(own);
        return groups;
    }

    @Override
    public List<ExtraFigure> extraFigures() {
        List<ExtraFigure> figures = new ArrayList<>(decoder.figures(this));
        figures.addAll(structure.figures(this));
        terms.forEach(t -> figures.addAll(t.figures(this)));
        composition.figures().forEach(f -> figures.add(f.apply(this)));
        return figures;
    }

    @Override
    public InterventionTargets interventionTargets() {
        return new InterventionTargets(structure.nodeNames(latentDim()), decoder.layers());
    }

    @Override
    public Optional<CausalGraph> latentGraph() {
        return structure.graph();
    }

    @Override
    public NDArray latentNodeValues(NDArray codes) {
        return structure.nodeValues(codes);
    }

    @Override
    public NDArray intervene(NDArray codes, int node, NDArray values) {
        NDArray intervened = structure.intervene(codes, node, values);
        return intervened != null ? intervened : super.intervene(codes, node, values);
    }

    /** Gaussian encoders: the mean KL of each dimension's posterior to the prior; else the codes' variance. */
    @Override
    public NDArray latentUsage(NDArray observations) {
        return encoder.gaussian() ? encode(observations, false).klPerDimension() : super.latentUsage(observations);
    }

    @Override
    public Optional<Posterior> posterior(NDArray observations) {
        return encoder.gaussian() ? Optional.of(encode(observations, false)) : Optional.empty();
    }

    @Override
    public boolean hasPrior() {
        return encoder.gaussian();
    }

    @Override
    public Optional<int[][]> latentBlocks() {
        return decoder.latentBlocks();
    }

    /** Validation on {@value Composition#VALIDATION_SIZE} observations, on the reconstruction loss in inference mode. */
    @Override
    public Optional<Validation> validation() {
        if (!composition.keepsBest()) return Optional.empty();
        return Optional.of(new Validation(spec().count(Composition.VALIDATE_EVERY), Composition.VALIDATION_SIZE,
                x -> observation.loss(decode(transformLatent(represent(x), false), false), x)));
    }
}
