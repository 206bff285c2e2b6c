package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.disentangle4j.nn.GlorotUniform;

/**
 * The hooks every trainable model offers: named networks ("parts") and the hooks below. The
 * registered methods are {@link ComposedModel}s, which answer the hooks from their parts (see
 * {@link Composition}); a hand-written subclass that overrides the hooks works the same way. The
 * trainer, run directory, figures, metrics adapters and command line call the hooks and never ask
 * a model what it is.
 *
 * <p>The hooks, in the order data flows through them:
 * <ol>
 *   <li>{@link #batchSampling}: how the trainer draws a batch (i.i.d., pairs, a labelled fraction);
 *   <li>{@link #represent}: encode observations to codes (the representation metrics score);
 *   <li>{@link #transformLatent}: codes to what the decoder reads (identity by default);
 *   <li>{@link #decode}: the decoder's raw output, and {@link #observationMean} from it;
 *   <li>{@link #losses}: the named loss terms of a step and the objective of each parameter group;
 *   <li>{@link #parameterGroups}: extra parameter groups with their own optimiser settings;
 *   <li>{@link #extraFigures}: the method's own pictures, beside the standard ones;
 *   <li>{@link #interventionTargets}: the latent nodes and decoder layers that can be intervened on,
 *       and {@link #latentGraph}, {@link #latentNodeValues}, {@link #intervene}: how setting a node acts;
 *   <li>{@link #latentBlocks} and {@link #validation}: block-structured codes and best-checkpoint
 *       validation, for the methods that have them.
 * </ol>
 * Parameters and optimiser state live in this model's manager; every temporary of a step lives
 * in the step's manager.
 */
public abstract class Model implements AutoCloseable {
    /** The group that every method has: the networks trained on the main objective. */
    public static final String MAIN_GROUP = "model";

    private final ModelSpec spec;
    private final NDManager manager;
    private final ParameterStore store;
    private final GlorotUniform initializer;
    private final Map<String, Block> parts = new LinkedHashMap<>();

    protected Model(ModelSpec spec, NDManager parent, long initSeed) {
        this.spec = spec;
        this.manager = parent.newSubManager();
        this.store = new ParameterStore(manager, false);
        this.initializer = new GlorotUniform(initSeed);
    }

    public ModelSpec spec() {
        return spec;
    }

    /** Owns the parameters; a step's temporaries go in {@code manager().newSubManager()}. */
    public NDManager manager() {
        return manager;
    }

    /** The size of the code {@link #represent} gives and {@link #generate} reads. */
    public int latentDim() {
        return spec.latentDim();
    }

    // ---- hooks ----

    /** How the trainer draws each step's batch; i.i.d. observations without labels by default. */
    public BatchSampling batchSampling() {
        return BatchSampling.IID;
    }

    /** Codes (B, d) of observations, in inference mode: the representation metrics score (a VAE's posterior mean). */
    public abstract NDArray represent(NDArray observations);

    /**
     * What the decoder reads for codes (B, d): the identity unless the method puts a layer between
     * encoder and decoder (a causal layer, a learned symmetry). {@link #generate} applies it, and a
     * method's {@link #losses} should too.
     */
    public NDArray transformLatent(NDArray codes, boolean training) {
        return codes;
    }

    /** The decoder's raw output (logits, or images for decoders without an output activation) for what it reads. */
    public abstract NDArray decode(NDArray decoderInput, boolean training);

    /** Mean observations from the decoder's raw output; by default the output clamped to [0, 1]. */
    public NDArray observationMean(NDArray decoderOutput) {
        return decoderOutput.clip(0f, 1f);
    }

    /** Mean observations for codes (B, d) in inference mode: decode ∘ transform, the generator figures and metrics see. */
    public final NDArray generate(NDArray codes) {
        return observationMean(decode(transformLatent(codes, false), false));
    }

    /** The named loss terms and per-group objectives of one training step. */
    public abstract Losses losses(Batch batch, StepContext context);

    /**
     * The optimiser groups. The default is one group over every trainable parameter with the
     * run's settings; methods with a second network and its own optimiser override this.
     */
    public List<ParameterGroup> parameterGroups(OptimizerSettings main) {
        return List.of(new ParameterGroup(MAIN_GROUP, parameterNamesOf(), main));
    }

    /** The method's own figures, drawn into every run directory after the standard ones. None by default. */
    public List<ExtraFigure> extraFigures() {
        return List.of();
    }

    /**
     * What can be intervened on: by default each code dimension is a latent node ({@code z0},
     * {@code z1}, …) and no decoder layer is addressable.
     */
    public InterventionTargets interventionTargets() {
        return new InterventionTargets(IntStream.range(0, latentDim()).mapToObj(i -> "z" + i).toList(), List.of());
    }

    /**
     * {@link #decode} with each decoder layer of {@link #interventionTargets} run through {@code hook}
     * (issue 15: layer interventions, spectral independence). With {@link DecoderLayerHook#IDENTITY}
     * it is {@link #decode}. By default no layer is addressable and this throws.
     */
    public NDArray decode(NDArray decoderInput, boolean training, DecoderLayerHook hook) {
        throw new UnsupportedOperationException("method " + spec.method() + " has no addressable decoder layers");
    }

    /**
     * The causal graph over the latent nodes of {@link #interventionTargets} (in their order) that an
     * intervention propagates through: a node's descendants change with it, every other node stays.
     * Empty by default: the nodes are independent (setting one changes no other), as in a plain VAE.
     */
    public Optional<org.disentangle4j.data.CausalGraph> latentGraph() {
        return Optional.empty();
    }

    /**
     * The values of the latent nodes for codes (B, d), shape (B, n), in inference mode: what an
     * intervention sets, and what its range (the smallest to the largest value over a data set) is
     * read from. The codes themselves by default.
     */
    public NDArray latentNodeValues(NDArray codes) {
        return codes;
    }

    /**
     * do(node = values): the codes (B, d) whose {@link #generate generation} is the intervention on
     * the units of {@code codes}, with latent node {@code node} set to {@code values} (B) and its
     * descendants in {@link #latentGraph} recomputed from their own noise; every other node is left
     * as it was, to the bit. By default the node is code dimension {@code node}, replaced.
     */
    public NDArray intervene(NDArray codes, int node, NDArray values) {
        return replaceColumn(codes, node, values);
    }

    /** Codes (B, d) with column {@code column} replaced by {@code values} (B); the other columns bit-identical. */
    public static NDArray replaceColumn(NDArray codes, int column, NDArray values) {
        long d = codes.getShape().get(1);
        if (column < 0 || column >= d) throw new IllegalArgumentException("latent node " + column + " outside 0.." + (d - 1));
        NDList parts = new NDList();
        if (column > 0) parts.add(codes.get(new ai.djl.ndarray.index.NDIndex(":, :{}", column)));
        parts.add(values.reshape(-1, 1).toType(codes.getDataType(), false));
        if (column < d - 1) parts.add(codes.get(new ai.djl.ndarray.index.NDIndex(":, {}:", column + 1)));
        return parts.size() == 1 ? parts.singletonOrThrow() : NDArrays.concat(parts, 1);
    }

    /**
     * How much each code dimension is used for these observations, shape (d), in inference mode;
     * orders traversals and picks the extrapolation grid's dimensions. By default the variance of
     * each code over the observations.
     */
    public NDArray latentUsage(NDArray observations) {
        NDArray z = represent(observations);
        NDArray centred = z.sub(z.mean(new int[] {0}, true));
        return centred.square().mean(new int[] {0});
    }

    /**
     * The Gaussian posterior q(z|x), means (what {@link #represent} gives) and log-variances, from one
     * encoder pass in inference mode; empty for models without one (deterministic autoencoders).
     */
    public Optional<Posterior> posterior(NDArray observations) {
        return Optional.empty();
    }

    /** Whether codes have a standard normal prior to sample from (figures sample it; else codes' own spread). */
    public boolean hasPrior() {
        return false;
    }

    /** The latent dimensions of each block when the decoder is block-structured (additive decoders); empty otherwise. */
    public Optional<int[][]> latentBlocks() {
        return Optional.empty();
    }

    /** The validation that keeps the best parameters in {@code best.npz}; empty for methods that keep the last ones. */
    public Optional<Validation> validation() {
        return Optional.empty();
    }

    // ---- for the methods ----

    /** Registers and initialises a network; weights Glorot-uniform, biases zero. */
    protected final <B extends Block> B addPart(String name, B block, Shape inputShape) {
        block.setInitializer(initializer, Parameter.Type.WEIGHT);
        block.initialize(manager, DataType.FLOAT32, inputShape);
        parts.put(name, block);
        return block;
    }

    public Map<String, Block> parts() {
        return Collections.unmodifiableMap(parts);
    }

    /** Every parameter as "part/path", in a fixed order (checkpoints rely on the names). */
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> named = new LinkedHashMap<>();
        for (Map.Entry<String, Block> part : parts.entrySet()) {
            for (Pair<String, Parameter> p : part.getValue().getParameters()) {
                named.put(part.getKey() + "/" + p.getKey(), p.getValue());
            }
        }
        return named;
    }

    /**
     * Names of the trainable parameters of the given parts (all parts when none are named).
     * Running statistics, such as batch normalisation's, are parameters without gradients: they
     * are checkpointed but no optimiser touches them.
     */
    protected final List<String> parameterNamesOf(String... partNames) {
        List<String> names = new ArrayList<>();
        for (String part : partNames.length == 0 ? parts.keySet().toArray(new String[0]) : partNames) {
            for (Pair<String, Parameter> p : parts.get(part).getParameters()) {
                if (p.getValue().requiresGradient()) names.add(part + "/" + p.getKey());
            }
        }
        return names;
    }

    /** The store the parts' parameters are read through (for blocks with forward methods of their own). */
    protected final ParameterStore parameterStore() {
        return store;
    }

    /** Runs a part on one input. */
    protected final NDArray forward(Block block, NDArray input, boolean training) {
        return block.forward(store, new NDList(input), training).singletonOrThrow();
    }

    @Override
    public void close() {
        manager.close();
    }
}
