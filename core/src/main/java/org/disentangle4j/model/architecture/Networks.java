package org.disentangle4j.model.architecture;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * What a part of a composed model builds its networks with: the model registers each network
 * under a name (checkpoints and parameter groups use it) and initialises it in the order parts are
 * built, so the same seed gives the same weights; a step runs them through the model's store.
 */
public interface Networks {
    /** Registers and initialises a network of the model; weights Glorot-uniform, biases zero. */
    <B extends Block> B add(String name, B block, Shape inputShape);

    /** Runs a registered network on one input. */
    NDArray forward(Block block, NDArray input, boolean training);

    /** The store parameters are read through (for blocks with forward methods of their own). */
    ParameterStore store();

    /** The model's manager: constants that live as long as the model (masks) go here. */
    NDManager manager();

    /** The seed the model's initial weights come from (parts with initialisers of their own mix it). */
    long initSeed();
}
