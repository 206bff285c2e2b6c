package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.disentangle4j.data.CausalGraph;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.model.HyperParameter.Range;
import org.disentangle4j.nn.CausalLayer;
import org.disentangle4j.nn.Scalars;

/**
 * CDG-VAE (An et al., causally disentangled generation, issue 12; spec cdg.md): exogenous noise
 * ε ~ q(ε|x) = N(μ(x), σ²(x)) from an MLP encoder (300-300 ELU on the flattened observation), the
 * {@link CausalLayer} over the dataset's DAG in {@link #transformLatent} (z = f((I − B̃ᵀ)⁻¹ε)), and
 * a block-separable decoder: one MLP (300-300 ELU) per causal block of the dataset (pendulum:
 * {light}, {angle}, {length, position}) reading its block's latents and producing a whole
 * observation, multiplied by the block's mask (pendulum: image rows 0:20, 20:51, 51:64), the
 * blocks summed, tanh. {@code --decoder shared} is the paper's baseline with one MLP over all
 * latents (the causal layer and the encoder's supervision kept: "VAE" in the paper's tables).
 *
 * <p>Images: the paper's images and decoder output are in [−1, 1]; our observations are in [0, 1].
 * The loss compares the tanh output x̂ with 2x − 1, ½Σ(x̂ − (2x − 1))², and the mean observation is
 * (x̂ + 1)/2 (the run's likelihood option is not used).
 *
 * <p>Loss ½Σ(x̂ − x)² + β·KL(q(ε|x) ‖ N(0, I)) + λ·Σ_j BCE(sigmoid(z̄_j), u_j), summed over pixels
 * and latents, averaged over the batch; z̄ is the latent of the posterior mean and u the factor
 * labels scaled to [0, 1] (the dataset's level values, min-max), read only for the labelled rows
 * of the batch ({@code --labelled-fraction}, averaged over those rows). Latent j is factor j: the
 * latent size is the number of factors when the dataset has a causal graph. Defaults: the paper's
 * pendulum settings, β 0.1, λ 5, batch 128, Adam 1e-3, linear mechanisms, fully supervised.
 *
 * <p>On a dataset without a causal graph the nodes are independent (B̃ = 0), each latent its own
 * decoder block without mask (an additive decoder), and the first min(d, factors) latents are
 * aligned with the factors.
 *
 * <p>{@link #PLAIN} ({@code mlp-vae}) is the plain-VAE baseline of {@code experiment cdg}: the same
 * encoder, one shared MLP decoder, no causal layer and no supervision, the same image loss and β.
 */
public final class CdgVae extends Model {
    /** Hidden units of every MLP (encoder, decoders), the paper's. */
    public static final int HIDDEN = 300;

    public static final HyperParameter BETA = new HyperParameter("beta", 0.1, "β: weight of the KL of the exogenous noise", Range.WEIGHT);
    public static final HyperParameter LAMBDA = new HyperParameter("alignment-weight", 5,
            "λ: weight of the alignment BCE(sigmoid(z̄_j), u_j) of latents with the [0, 1]-scaled labels", Range.WEIGHT);
    public static final HyperParameter LABELLED = new HyperParameter("labelled-fraction", 1.0,
            "fraction of each batch whose labels the alignment reads (1: supervised, 0.1: the paper's semi-supervised setting)",
            new Range(0, true, 1, false));
    public static final HyperParameter MECHANISM = HyperParameter.choice("mechanism", "linear",
            "the causal layer's invertible mechanism f: linear a·e + b, or a planar flow e + u·ELU(w·e + c)", "linear", "planar");
    public static final HyperParameter DECODER = HyperParameter.choice("decoder", "blocks",
            "blocks: one masked MLP per causal block, summed (CDG-VAE); shared: one MLP over all latents (the paper's baseline)",
            "blocks", "shared");

    /** Training options the paper uses: Adam 1e-3, batch 128, one latent per factor. */
    public static final Map<String, Object> TRAINING_DEFAULTS = Map.of("lr", 1e-3, "batch-size", 128, "latent-dim", "factors");

    public static final Method METHOD = new Method("cdg-vae", "CDG-VAE (An et al., causally disentangled generation): MLP encoder of "
            + "exogenous noise, causal layer z = f((I − B̃ᵀ)⁻¹ε) over the dataset's DAG, block-separable masked decoder, alignment "
            + "of latents with the [0, 1]-scaled labels; one latent per factor; pendulum defaults of the paper",
            List.of(BETA, LAMBDA, LABELLED, MECHANISM, DECODER), (spec, parent, seed) -> new CdgVae(spec, parent, seed, false),
            TRAINING_DEFAULTS);

    public static final Method PLAIN = new Method("mlp-vae", "plain VAE with CDG-VAE's MLP encoder and one MLP decoder (300-300 ELU), "
            + "tanh images, ½Σ(x̂ − x)² + β·KL, no causal layer, no labels: the plain-VAE baseline of experiment cdg",
            List.of(BETA), (spec, parent, seed) -> new CdgVae(spec, parent, seed, true), TRAINING_DEFAULTS);

    private final boolean plain;
    private final float beta;
    private final float lambda;
    private final double labelledFraction;
    private final SequentialBlock encoder;
    private final CausalLayer causal;
    private final CausalGraph graph;
    private final List<SequentialBlock> decoders = new ArrayList<>();
    private final int[][] blocks;
    private final NDArray[] masks;
    private final DatasetFacts facts;
    private final List<String> nodeNames;

    private CdgVae(ModelSpec spec, NDManager parent, long initSeed, boolean plain) {
        super(spec, parent, initSeed);
        this.plain = plain;
        this.beta = (float) spec.value(BETA);
        this.lambda = plain ? 0f : (float) spec.value(LAMBDA);
        this.labelledFraction = plain ? 0 : spec.value(LABELLED);
        this.facts = spec.datasetFacts().orElse(null);
        int d = spec.latentDim();
        int size = Arrays.stream(spec.observationShape()).reduce(1, (a, b) -> a * b);
        Optional<CausalGraph> datasetGraph = facts == null ? Optional.empty() : facts.causalGraph();
        if (!plain && datasetGraph.isPresent() && datasetGraph.get().numNodes() != d) {
            throw new UserInputException("--latent-dim " + d + ": " + spec.method() + " has one latent per causal node, and the dataset's "
                    + "graph has " + datasetGraph.get().numNodes() + " nodes; drop --latent-dim or give " + datasetGraph.get().numNodes());
        }
        this.graph = plain ? null : datasetGraph.orElseGet(() -> new CausalGraph(new boolean[d][d]));
        this.nodeNames = !plain && facts != null && datasetGraph.isPresent() ? facts.factors().names()
                : IntStream.range(0, d).mapToObj(i -> "z" + i).toList();

        this.encoder = addPart("encoder", mlp(2 * d), new Shape(1, size));
        this.causal = plain ? null : addPart("causal", new CausalLayer(graph,
                CausalLayer.Mechanism.valueOf(spec.choice(MECHANISM).toUpperCase(java.util.Locale.ROOT)), Seeds.mix(initSeed, 7, 0)),
                new Shape(1, d));
        boolean shared = plain || spec.choice(DECODER).equals("shared");
        if (shared) {
            blocks = new int[][] {IntStream.range(0, d).toArray()};
            masks = null;
        } else if (facts != null && datasetGraph.isPresent() && facts.latentBlocks() != null && facts.blockMasks() != null) {
            blocks = facts.latentBlocks();
            float[][] m = facts.blockMasks();
            if (m.length != blocks.length) throw new IllegalStateException(m.length + " block masks for " + blocks.length + " blocks");
            masks = new NDArray[m.length];
            for (int b = 0; b < m.length; b++) {
                if (m[b].length != size) throw new IllegalStateException("block mask " + b + " has " + m[b].length + " values, observations " + size);
                masks[b] = manager().create(m[b], new Shape(1, size));
            }
        } else {
            blocks = IntStream.range(0, d).mapToObj(i -> new int[] {i}).toArray(int[][]::new);
            masks = null;
        }
        for (int b = 0; b < blocks.length; b++) {
            decoders.add(addPart(blocks.length == 1 ? "decoder" : "decoder" + b, mlp(size), new Shape(1, blocks[b].length)));
        }
    }

    private static SequentialBlock mlp(int outputs) {
        SequentialBlock net = new SequentialBlock();
        net.add(Blocks.batchFlattenBlock());
        net.add(Linear.builder().setUnits(HIDDEN).build());
        net.add(Activation.eluBlock(1f));
        net.add(Linear.builder().setUnits(HIDDEN).build());
        net.add(Activation.eluBlock(1f));
        net.add(Linear.builder().setUnits(outputs).build());
        return net;
    }

    @Override
    public BatchSampling batchSampling() {
        return BatchSampling.labelled(labelledFraction);
    }

    public Posterior encode(NDArray observations, boolean training) {
        NDList halves = forward(encoder, observations, training).split(2, 1);
        return new Posterior(halves.get(0), halves.get(1));
    }

    @Override
    public NDArray represent(NDArray observations) {
        return encode(observations, false).mean();
    }

    @Override
    public Optional<Posterior> posterior(NDArray observations) {
        return Optional.of(encode(observations, false));
    }

    @Override
    public boolean hasPrior() {
        return true;
    }

    @Override
    public NDArray latentUsage(NDArray observations) {
        return encode(observations, false).klPerDimension();
    }

    /** The causal layer: z = f((I − B̃ᵀ)⁻¹ε); the identity for {@code mlp-vae}. */
    @Override
    public NDArray transformLatent(NDArray codes, boolean training) {
        return plain ? codes : forward(causal, codes, training);
    }

    /** tanh of the sum of the blocks' masked images, in [−1, 1], shaped as the observations. */
    @Override
    public NDArray decode(NDArray latents, boolean training) {
        NDArray sum = null;
        for (int b = 0; b < blocks.length; b++) {
            NDArray image = blockImage(latents, b, training);
            sum = sum == null ? image : sum.add(image);
        }
        long[] dims = new long[spec().observationShape().length + 1];
        dims[0] = latents.getShape().get(0);
        for (int i = 1; i < dims.length; i++) dims[i] = spec().observationShape()[i - 1];
        return sum.tanh().reshape(new Shape(dims));
    }

    /** Block b's masked image (B, size) for latents (B, d), before the sum and tanh. */
    private NDArray blockImage(NDArray latents, int b, boolean training) {
        NDArray input = blocks.length == 1 ? latents : select(latents, blocks[b]);
        NDArray image = forward(decoders.get(b), input, training);
        return masks == null ? image : image.mul(masks[b]);
    }

    private static NDArray select(NDArray x, int[] columns) {
        NDList parts = new NDList();
        for (int c : columns) parts.add(x.get(new NDIndex(":, {}:{}", c, c + 1)));
        return parts.size() == 1 ? parts.singletonOrThrow() : NDArrays.concat(parts, 1);
    }

    /** (x̂ + 1)/2: the tanh image back in [0, 1]. */
    @Override
    public NDArray observationMean(NDArray decoderOutput) {
        return Scalars.mul(decoderOutput.add(1f), 0.5f);
    }

    @Override
    public Losses losses(Batch batch, StepContext context) {
        NDArray x = batch.observations();
        long n = batch.size();
        Posterior q = encode(x, true);
        NDArray eps = q.sample(context.normal(q.mean().getShape()));
        NDArray xhat = decode(transformLatent(eps, true), true);
        NDArray target = Scalars.mul(x, 2f).sub(1f);
        NDArray recon = Scalars.div(Scalars.mul(xhat.sub(target).square().sum(), 0.5f), (float) n);
        NDArray kl = q.klPerDimension().sum();
        Losses losses = new Losses().term("recon", recon).term("kl", kl);
        NDArray loss = recon.add(Scalars.mul(kl, beta));
        if (!plain) {
            NDArray align = alignment(batch, transformLatent(q.mean(), true), context.manager());
            losses.term("align", align);
            loss = loss.add(Scalars.mul(align, lambda));
        }
        losses.term("elbo", recon.add(kl).neg()).term("loss", loss);
        return losses.objective(MAIN_GROUP, loss);
    }

    /**
     * Σ_j BCE(sigmoid(z̄_j), u_j) = Σ_j softplus(z̄_j) − u_j·z̄_j averaged over the labelled rows (0
     * when none is labelled or the model was built without the dataset's factors).
     */
    NDArray alignment(Batch batch, NDArray zbar, NDManager m) {
        int rows = Math.toIntExact(batch.size());
        int aligned = facts == null ? 0 : Math.min(latentDim(), facts.factors().numFactors());
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
        NDArray z = aligned == latentDim() ? zbar : zbar.get(new NDIndex(":, :{}", aligned));
        NDArray u = m.create(labels, new Shape(rows, aligned));
        NDArray perRow = Activation.softPlus(z).sub(z.mul(u)).sum(new int[] {1});
        return Scalars.div(perRow.mul(m.create(weight, new Shape(rows))).sum(), (float) count);
    }

    /** Latent nodes named by the dataset's factors (a dataset with a causal graph), else z0, z1, …; no decoder layer. */
    @Override
    public InterventionTargets interventionTargets() {
        return new InterventionTargets(nodeNames, List.of());
    }

    @Override
    public Optional<CausalGraph> latentGraph() {
        return plain ? Optional.empty() : Optional.of(graph);
    }

    @Override
    public NDArray latentNodeValues(NDArray codes) {
        return transformLatent(codes, false);
    }

    /**
     * do(z_node = v): the node's endogenous value becomes e* = f⁻¹(v), its noise ε* = e* − Σ B̃·e of
     * its parents, so that the causal layer gives z_node = v (to float rounding) and recomputes its
     * descendants from their own noise; other nodes' noise, and so their values, are untouched.
     */
    @Override
    public NDArray intervene(NDArray codes, int node, NDArray values) {
        if (plain) return super.intervene(codes, node, values);
        NDArray e = causal.endogenous(codes);
        double[][] p = causal.hostParameters();
        float[] v = values.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
        float[] target = new float[v.length];
        for (int r = 0; r < v.length; r++) target[r] = (float) causal.inverse(p, node, v[r]); // a scalar root per row
        NDArray eStar = codes.getManager().create(target, new Shape(v.length));
        NDArray noise = causal.parents(node).length == 0 ? eStar : eStar.sub(causal.parentSum(e, node));
        return replaceColumn(codes, node, noise);
    }

    /** The decoder's blocks as latent indices (for the blocks decoder; one block of every latent when shared). */
    @Override
    public Optional<int[][]> latentBlocks() {
        return blocks.length > 1 ? Optional.of(Arrays.stream(blocks).map(int[]::clone).toArray(int[][]::new)) : Optional.empty();
    }

    /** {@code interventions.png}: each latent node set from its smallest to its largest value, one row per node. */
    @Override
    public List<ExtraFigure> extraFigures() {
        return List.of(new InterventionGridFigure(this));
    }

    /** The causal layer (null for {@code mlp-vae}). */
    public CausalLayer causalLayer() {
        return causal;
    }
}
