package org.disentangle4j.nn;

import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;

/** The multilayer perceptron of CDG-VAE (encoder, decoders) and of its CDM annotation classifier: flatten, two hidden layers of {@value #HIDDEN} ELU units, a linear output. */
public final class Mlps {
    /** Hidden units of every layer (the CDG-VAE paper's). */
    public static final int HIDDEN = 300;

    private Mlps() {}

    public static SequentialBlock of(int outputs) {
        SequentialBlock net = new SequentialBlock();
        net.add(Blocks.batchFlattenBlock());
        net.add(Linear.builder().setUnits(HIDDEN).build());
        net.add(Activation.eluBlock(1f));
        net.add(Linear.builder().setUnits(HIDDEN).build());
        net.add(Activation.eluBlock(1f));
        net.add(Linear.builder().setUnits(outputs).build());
        return net;
    }
}
