package org.disentangle4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.disentangle4j.data.CausalGraph;

/**
 * CDG-VAE's causal layer over a known DAG: exogenous noise ε (B, n) to latent nodes
 * z = f(e), e = (I − B̃ᵀ)⁻¹ε, where B̃ is the adjacency with each column divided by the node's
 * in-degree (a child is the mean of its parents plus its noise). e is computed node by node in
 * topological order, e_j = ε_j + Σ_{k→j} B̃_kj·e_k, so a node's value depends on its ancestors'
 * noise only (an intervention leaves non-descendants bit-identical). f is element-wise and
 * invertible, one per node:
 * <ul>
 *   <li>{@link Mechanism#LINEAR}: f(e) = a·e + b (the reference initialises a, b ~ U[0, 0.1));
 *   <li>{@link Mechanism#PLANAR}: one planar flow f(e) = e + û·ELU(w·e + c), with
 *       û = u + (softplus(w·u) − 1 − w·u)·w/w² so that w·û > −1 and f' ≥ min(1, 1 + w·û) > 0
 *       (w, c, u ~ N(0, 0.1²) as the reference).
 * </ul>
 * The inverse of f ({@link #inverse}) is computed on the host in double precision: closed form for
 * the linear mechanism, bisection to machine precision for the planar flow (the reference iterates
 * a fixed point 100 times, which need not converge when w·û is large; f is strictly increasing, so
 * bisection always does). It is used by interventions, never differentiated.
 */
public final class CausalLayer extends AbstractBlock {
    /** The element-wise invertible mechanism f. */
    public enum Mechanism {
        LINEAR, PLANAR
    }

    /** Keeps w² away from 0 in û's correction (w·û then tends to w·u, near 0, still > −1). */
    static final float W_EPSILON = 1e-8f;

    private final int nodes;
    private final double[][] weights;
    private final int[] order;
    private final int[][] parents;
    private final Mechanism mechanism;
    private final List<Parameter> parameters = new ArrayList<>();

    public CausalLayer(CausalGraph graph, Mechanism mechanism, long seed) {
        this.nodes = graph.numNodes();
        this.weights = scaledAdjacency(graph);
        this.order = graph.topologicalOrder();
        this.parents = new int[nodes][];
        for (int j = 0; j < nodes; j++) {
            List<Integer> p = new ArrayList<>();
            for (int k = 0; k < nodes; k++) if (graph.hasEdge(k, j)) p.add(k);
            parents[j] = p.stream().mapToInt(Integer::intValue).toArray();
        }
        this.mechanism = mechanism;
        SplittableRandom random = new SplittableRandom(seed);
        String[] names = mechanism == Mechanism.LINEAR ? new String[] {"scale", "shift"} : new String[] {"w", "bias", "u"};
        for (String name : names) {
            Initializer init = mechanism == Mechanism.LINEAR ? new HostInitializer(random.split(), false) : new HostInitializer(random.split(), true);
            parameters.add(addParameter(Parameter.builder().setName(name).setType(Parameter.Type.OTHER).optShape(new Shape(nodes))
                    .optInitializer(init).build()));
        }
    }

    /** B̃: {@code B̃[k][j] = 1 / in-degree(j)} when k → j, else 0. */
    public static double[][] scaledAdjacency(CausalGraph graph) {
        int n = graph.numNodes();
        double[][] w = new double[n][n];
        for (int j = 0; j < n; j++) {
            int degree = 0;
            for (int k = 0; k < n; k++) if (graph.hasEdge(k, j)) degree++;
            for (int k = 0; k < n; k++) if (graph.hasEdge(k, j)) w[k][j] = 1.0 / degree;
        }
        return w;
    }

    public int nodes() {
        return nodes;
    }

    public Mechanism mechanism() {
        return mechanism;
    }

    /** The scaled adjacency B̃ (a copy). */
    public double[][] weights() {
        double[][] copy = new double[nodes][];
        for (int k = 0; k < nodes; k++) copy[k] = weights[k].clone();
        return copy;
    }

    /** The parents of node j. */
    public int[] parents(int j) {
        return parents[j].clone();
    }

    /** e = (I − B̃ᵀ)⁻¹ε of noise (B, n), node by node in topological order. */
    public NDArray endogenous(NDArray eps) {
        NDArray[] e = new NDArray[nodes];
        for (int j : order) {
            e[j] = eps.get(new NDIndex(":, {}", j));
            for (int k : parents[j]) e[j] = e[j].add(Scalars.mul(e[k], (float) weights[k][j]));
        }
        return NDArrays.stack(new NDList(e), 1);
    }

    /** Σ_{k→j} B̃_kj·e_k (B) of the endogenous values e (B, n): what node j's noise is added to; zeros for a root. */
    public NDArray parentSum(NDArray e, int j) {
        NDArray sum = null;
        for (int k : parents[j]) {
            NDArray term = Scalars.mul(e.get(new NDIndex(":, {}", k)), (float) weights[k][j]);
            sum = sum == null ? term : sum.add(term);
        }
        return sum == null ? e.getManager().zeros(new Shape(e.getShape().get(0)), e.getDataType()) : sum;
    }

    /** z = f(e) element-wise, each column with its node's mechanism. */
    public NDArray mechanisms(ParameterStore store, NDArray e, boolean training) {
        NDArray first = store.getValue(parameters.get(0), e.getDevice(), training);
        NDArray second = store.getValue(parameters.get(1), e.getDevice(), training);
        if (mechanism == Mechanism.LINEAR) return e.mul(first).add(second);
        NDArray u = constrainedU(first, store.getValue(parameters.get(2), e.getDevice(), training));
        return e.add(u.mul(Activation.elu(e.mul(first).add(second), 1f)));
    }

    /** û = u + (softplus(w·u) − 1 − w·u)·w/(w² + ε): w·û > −1. */
    private static NDArray constrainedU(NDArray w, NDArray u) {
        NDArray wu = w.mul(u);
        NDArray correction = Activation.softPlus(wu).sub(1f).sub(wu);
        return u.add(correction.mul(w).div(w.square().add(W_EPSILON)));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(mechanisms(store, endogenous(inputs.head()), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    /** The mechanisms' current parameters on the host, {@code [parameter][node]} (linear: a, b; planar: w, c, û). */
    public double[][] hostParameters() {
        double[][] p = new double[parameters.size()][];
        for (int i = 0; i < p.length; i++) {
            float[] v = parameters.get(i).getArray().toFloatArray();
            p[i] = new double[v.length];
            for (int j = 0; j < v.length; j++) p[i][j] = v[j];
        }
        if (mechanism == Mechanism.PLANAR) {
            for (int j = 0; j < nodes; j++) {
                double w = p[0][j], u = p[2][j], wu = w * u;
                double softplus = wu > 0 ? wu + Math.log1p(Math.exp(-wu)) : Math.log1p(Math.exp(wu));
                p[2][j] = u + (softplus - 1 - wu) * w / (w * w + W_EPSILON);
            }
        }
        return p;
    }

    /** f_j(e) on the host for the parameters of {@link #hostParameters}. */
    public double forward(double[][] p, int j, double e) {
        if (mechanism == Mechanism.LINEAR) return p[0][j] * e + p[1][j];
        double x = p[0][j] * e + p[1][j];
        return e + p[2][j] * (x > 0 ? x : Math.expm1(x));
    }

    /** f_j⁻¹(z) for the parameters of {@link #hostParameters}: closed form (linear) or bisection (planar, strictly increasing). */
    public double inverse(double[][] p, int j, double z) {
        if (mechanism == Mechanism.LINEAR) return (z - p[1][j]) / p[0][j];
        double lo = z - 1, hi = z + 1;
        for (int i = 0; i < 2100 && forward(p, j, lo) > z; i++) lo -= (hi - lo);
        for (int i = 0; i < 2100 && forward(p, j, hi) < z; i++) hi += (hi - lo);
        for (int i = 0; i < 2200; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) break;
            if (forward(p, j, mid) < z) lo = mid;
            else hi = mid;
        }
        return Math.abs(forward(p, j, lo) - z) <= Math.abs(forward(p, j, hi) - z) ? lo : hi;
    }

    /** U[0, 0.1) (the reference's linear mechanism) or N(0, 0.1²) (its planar flow), from a seeded Java generator. */
    private static final class HostInitializer implements Initializer {
        private final SplittableRandom random;
        private final boolean normal;

        HostInitializer(SplittableRandom random, boolean normal) {
            this.random = random;
            this.normal = normal;
        }

        @Override
        public synchronized NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
            float[] v = new float[Math.toIntExact(shape.size())];
            for (int i = 0; i < v.length; i++) v[i] = (float) (normal ? 0.1 * random.nextGaussian() : 0.1 * random.nextDouble());
            return manager.create(v, shape).toType(dataType, false);
        }
    }
}
