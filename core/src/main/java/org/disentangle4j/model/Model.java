package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;
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
import org.disentangle4j.nn.GlorotUniform;

/**
 * A trainable model: named networks ("parts"), the loss of one training step, and the
 * representation that metrics read.
 *
 * <p>A method differs from another only by the hooks it overrides; the trainer, checkpoints and
 * metrics see nothing else. Parameters and optimiser state live in this model's manager; every
 * temporary of a step lives in the step's manager.
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

    /**
     * The optimiser groups. The default is one group over every trainable parameter with the
     * run's settings; methods with a second network and its own optimiser override this.
     */
    public List<ParameterGroup> parameterGroups(OptimizerSettings main) {
        return List.of(new ParameterGroup(MAIN_GROUP, parameterNamesOf(), main));
    }

    /** Runs a part on one input. */
    /** The store the parts' parameters are read through (for blocks with forward methods of their own). */
    protected final ParameterStore parameterStore() {
        return store;
    }

    protected final NDArray forward(Block block, NDArray input, boolean training) {
        return block.forward(store, new NDList(input), training).singletonOrThrow();
    }

    /** The named loss terms and per-group objectives of one training step. */
    public abstract Losses losses(Batch batch, StepContext context);

    /** The representation metrics score (a VAE's posterior mean), computed in inference mode. */
    public abstract NDArray represent(NDArray observations);

    @Override
    public void close() {
        manager.close();
    }
}
