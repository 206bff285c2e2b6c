package org.disentangle4j.model.architecture;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.disentangle4j.model.DatasetFacts;
import org.disentangle4j.model.ModelSpec;
import org.disentangle4j.nn.Mlps;

/**
 * CDG-VAE's decoders: one {@link Mlps MLP} (300-300 ELU) per block of latents, each producing a
 * whole observation, multiplied by its block's mask where the dataset has masks (pendulum: image
 * rows 0:20, 20:51, 51:64), the blocks' outputs summed. With one block it is a plain MLP decoder
 * over all latents ({@link #shared}); {@link #blockSeparable} takes the dataset's causal blocks and
 * masks, or, on a dataset without them, one unmasked block per latent (an additive decoder).
 */
public final class MlpImageDecoder implements Decoder {
    private final Networks networks;
    private final int[] observationShape;
    private final int[][] blocks;
    private final NDArray[] masks;
    private final List<SequentialBlock> decoders = new ArrayList<>();

    private MlpImageDecoder(ModelSpec spec, Networks networks, int[][] blocks, float[][] masks) {
        this.networks = networks;
        this.observationShape = spec.observationShape();
        this.blocks = blocks;
        int size = ImageShapes.size(observationShape);
        if (masks == null) {
            this.masks = null;
        } else {
            if (masks.length != blocks.length) throw new IllegalStateException(masks.length + " block masks for " + blocks.length + " blocks");
            this.masks = new NDArray[masks.length];
            for (int b = 0; b < masks.length; b++) {
                if (masks[b].length != size) throw new IllegalStateException("block mask " + b + " has " + masks[b].length + " values, observations " + size);
                this.masks[b] = networks.manager().create(masks[b], new Shape(1, size));
            }
        }
        for (int b = 0; b < blocks.length; b++) {
            decoders.add(networks.add(blocks.length == 1 ? "decoder" : "decoder" + b, Mlps.of(size), new Shape(1, blocks[b].length)));
        }
    }

    /** One MLP over all latents. */
    public static MlpImageDecoder shared(ModelSpec spec, Networks networks) {
        return new MlpImageDecoder(spec, networks, new int[][] {IntStream.range(0, spec.latentDim()).toArray()}, null);
    }

    /** One masked MLP per causal block of the dataset; one unmasked MLP per latent where the dataset has no blocks and masks. */
    public static MlpImageDecoder blockSeparable(ModelSpec spec, Networks networks) {
        DatasetFacts facts = spec.datasetFacts().orElse(null);
        if (facts != null && facts.causalGraph().isPresent() && facts.latentBlocks() != null && facts.blockMasks() != null) {
            return new MlpImageDecoder(spec, networks, facts.latentBlocks(), facts.blockMasks());
        }
        return new MlpImageDecoder(spec, networks, IntStream.range(0, spec.latentDim()).mapToObj(i -> new int[] {i}).toArray(int[][]::new), null);
    }

    /** The sum of the blocks' (masked) outputs, shaped as the observations. */
    @Override
    public NDArray decode(NDArray latents, boolean training) {
        NDArray sum = null;
        for (int b = 0; b < blocks.length; b++) {
            NDArray input = blocks.length == 1 ? latents : select(latents, blocks[b]);
            NDArray image = networks.forward(decoders.get(b), input, training);
            if (masks != null) image = image.mul(masks[b]);
            sum = sum == null ? image : sum.add(image);
        }
        long[] dims = new long[observationShape.length + 1];
        dims[0] = latents.getShape().get(0);
        for (int i = 1; i < dims.length; i++) dims[i] = observationShape[i - 1];
        return sum.reshape(new Shape(dims));
    }

    private static NDArray select(NDArray x, int[] columns) {
        NDList parts = new NDList();
        for (int c : columns) parts.add(x.get(new NDIndex(":, {}:{}", c, c + 1)));
        return parts.size() == 1 ? parts.singletonOrThrow() : NDArrays.concat(parts, 1);
    }

    @Override
    public Optional<int[][]> latentBlocks() {
        return blocks.length > 1 ? Optional.of(Arrays.stream(blocks).map(int[]::clone).toArray(int[][]::new)) : Optional.empty();
    }
}
