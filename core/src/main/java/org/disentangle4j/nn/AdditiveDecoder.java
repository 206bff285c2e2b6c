package org.disentangle4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * An additive decoder f(z) = Σ_B f_B(z_B): the code is cut into {@code numBlocks} consecutive
 * blocks of {@code blockSize} dimensions, each block is decoded by its own network, and the
 * outputs are summed (no mask, no output activation).
 */
public final class AdditiveDecoder extends AbstractBlock {
    private final int blockSize;
    private final List<Block> decoders = new ArrayList<>();

    /** @param decoder makes one block's network (called {@code numBlocks} times) */
    public AdditiveDecoder(int numBlocks, int blockSize, Supplier<Block> decoder) {
        if (numBlocks < 1 || blockSize < 1) throw new IllegalArgumentException("need at least one block of at least one dimension");
        this.blockSize = blockSize;
        for (int b = 0; b < numBlocks; b++) decoders.add(addChildBlock("block" + b, decoder.get()));
    }

    public int numBlocks() {
        return decoders.size();
    }

    public int blockSize() {
        return blockSize;
    }

    /** The code's blocks, (B, blockSize) each. */
    public NDList split(NDArray codes) {
        if (codes.getShape().get(1) != (long) blockSize * decoders.size()) {
            throw new IllegalArgumentException("codes of shape " + codes.getShape() + " for " + decoders.size() + " blocks of " + blockSize);
        }
        return codes.split(decoders.size(), 1);
    }

    /** Each block's own output f_B(z_B) for codes (B, d), in block order; their sum is the decoder's output. */
    public List<NDArray> forwardBlocks(ParameterStore store, NDArray codes, boolean training, PairList<String, Object> params) {
        NDList blocks = split(codes);
        List<NDArray> outputs = new ArrayList<>();
        for (int b = 0; b < decoders.size(); b++) {
            outputs.add(decoders.get(b).forward(store, new NDList(blocks.get(b)), training, params).singletonOrThrow());
        }
        return outputs;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray sum = null;
        for (NDArray out : forwardBlocks(store, inputs.singletonOrThrow(), training, params)) sum = sum == null ? out : sum.add(out);
        return new NDList(sum);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape block = new Shape(inputShapes[0].get(0), blockSize);
        for (Block d : decoders) d.initialize(manager, dataType, block);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return decoders.get(0).getOutputShapes(new Shape[] {new Shape(inputShapes[0].get(0), blockSize)});
    }
}
