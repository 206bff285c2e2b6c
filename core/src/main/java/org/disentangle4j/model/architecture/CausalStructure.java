package org.disentangle4j.model.architecture;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.disentangle4j.data.CausalGraph;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.model.DatasetFacts;
import org.disentangle4j.model.ExtraFigure;
import org.disentangle4j.model.HyperParameter;
import org.disentangle4j.model.InterventionGridFigure;
import org.disentangle4j.model.Model;
import org.disentangle4j.model.ModelSpec;
import org.disentangle4j.model.Part;
import org.disentangle4j.model.Seeds;
import org.disentangle4j.nn.CausalLayer;

/**
 * CDG-VAE's causal layer between codes (exogenous noise ε) and decoder: z = f((I − B̃ᵀ)⁻¹ε) over
 * the dataset's DAG ({@link CausalLayer}). One latent per causal node, named by the dataset's
 * factors; on a dataset without a graph the nodes are independent (B̃ = 0) and named z0, z1, ….
 * An intervention sets a node's value and recomputes its descendants from their own noise.
 */
public final class CausalStructure implements LatentStructure {
    public static final HyperParameter MECHANISM = HyperParameter.choice("mechanism", "linear",
            "the causal layer's invertible mechanism f: linear a·e + b, or a planar flow e + u·ELU(w·e + c)", "linear", "planar");
    public static final Part<LatentStructure> PART = new Part<>("causal layer over the dataset's DAG", List.of(MECHANISM), CausalStructure::new);

    private final Networks networks;
    private final CausalLayer layer;
    private final CausalGraph graph;
    private final List<String> nodeNames;

    public CausalStructure(ModelSpec spec, Networks networks) {
        this.networks = networks;
        int d = spec.latentDim();
        DatasetFacts facts = spec.datasetFacts().orElse(null);
        Optional<CausalGraph> datasetGraph = facts == null ? Optional.empty() : facts.causalGraph();
        if (datasetGraph.isPresent() && datasetGraph.get().numNodes() != d) {
            throw new UserInputException("--latent-dim " + d + ": " + spec.method() + " has one latent per causal node, and the dataset's "
                    + "graph has " + datasetGraph.get().numNodes() + " nodes; drop --latent-dim or give " + datasetGraph.get().numNodes());
        }
        this.graph = datasetGraph.orElseGet(() -> new CausalGraph(new boolean[d][d]));
        this.nodeNames = datasetGraph.isPresent() ? facts.factors().names() : IntStream.range(0, d).mapToObj(i -> "z" + i).toList();
        CausalLayer.Mechanism mechanism = CausalLayer.Mechanism.valueOf(spec.choice(MECHANISM).toUpperCase(Locale.ROOT));
        this.layer = networks.add("causal", new CausalLayer(graph, mechanism, Seeds.mix(networks.initSeed(), 7, 0)), new Shape(1, d));
    }

    public CausalLayer layer() {
        return layer;
    }

    @Override
    public NDArray transform(NDArray codes, boolean training) {
        return networks.forward(layer, codes, training);
    }

    @Override
    public Optional<CausalGraph> graph() {
        return Optional.of(graph);
    }

    @Override
    public List<String> nodeNames(int latentDim) {
        return nodeNames;
    }

    /** The nodes' values are the causal layer's output. */
    @Override
    public NDArray nodeValues(NDArray codes) {
        return transform(codes, false);
    }

    /**
     * do(z_node = v): the node's endogenous value becomes e* = f⁻¹(v), its noise ε* = e* − Σ B̃·e of
     * its parents, so that the causal layer gives z_node = v (to float rounding) and recomputes its
     * descendants from their own noise; other nodes' noise, and so their values, are untouched.
     */
    @Override
    public NDArray intervene(NDArray codes, int node, NDArray values) {
        NDArray e = layer.endogenous(codes);
        double[][] p = layer.hostParameters();
        float[] v = values.toType(DataType.FLOAT32, false).toFloatArray();
        float[] target = new float[v.length];
        for (int r = 0; r < v.length; r++) target[r] = (float) layer.inverse(p, node, v[r]); // a scalar root per row
        NDArray eStar = codes.getManager().create(target, new Shape(v.length));
        NDArray noise = layer.parents(node).length == 0 ? eStar : eStar.sub(layer.parentSum(e, node));
        return Model.replaceColumn(codes, node, noise);
    }

    /** {@code interventions.png}: each latent node set from its smallest to its largest value, one row per node. */
    @Override
    public List<ExtraFigure> figures(Model model) {
        return List.of(new InterventionGridFigure(model));
    }
}
