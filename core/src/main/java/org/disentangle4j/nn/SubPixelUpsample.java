package org.disentangle4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * ×2 upsampling by sub-pixel convolution (Shi et al. 2016): a 3×3 convolution to 4·C channels,
 * then a depth-to-space rearrangement of each group of four channels into a 2×2 block.
 *
 * <p>It stands in for the 4×4 stride-2 transposed convolution of the reference architecture,
 * which the engine lacks; every such transposed convolution is one particular sub-pixel
 * convolution with a 3×3 kernel, so the layer can represent at least as much.
 *
 * <p>The 3×3 convolution is a DJL {@link Conv2d} child (its parameters, names and initialisation)
 * evaluated through {@link BlockAlignedConvolution}.
 */
public final class SubPixelUpsample extends AbstractBlock implements ConvolutionMechanism {
    private final int outChannels;
    private final Conv2d conv;

    public SubPixelUpsample(int outChannels) {
        this.outChannels = outChannels;
        this.conv = addChildBlock("conv", Conv2d.builder()
                .setKernelShape(new Shape(3, 3))
                .optPadding(new Shape(1, 1))
                .setFilters(4 * outChannels)
                .build());
    }

    public Conv2d conv() {
        return conv;
    }

    @Override
    public ai.djl.nn.Parameter kernel() {
        return conv.getParameters().get("weight");
    }

    @Override
    public NDArray forwardWithKernel(NDArray input, NDArray kernel) {
        Shape k = kernel.getShape();
        if (k.dimension() != 4 || k.get(0) != 4L * outChannels || k.get(2) % 2 == 0 || k.get(3) % 2 == 0) {
            throw new IllegalArgumentException("need a kernel (" + 4 * outChannels + ", C_in, odd, odd), got " + k);
        }
        NDArray bias = conv.getParameters().get("bias").getArray();
        NDArray y = BlockAlignedConvolution.conv2d(input, kernel, bias, new Shape(1, 1), new Shape((k.get(2) - 1) / 2, (k.get(3) - 1) / 2));
        return depthToSpace(y, outChannels);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        // the convolution's own parameters, applied block-aligned: 4·C filters is rarely a whole
        // number of oneDNN channel blocks (see BlockAlignedConvolution)
        NDArray x = inputs.singletonOrThrow();
        NDArray weight = store.getValue(conv.getParameters().get("weight"), x.getDevice(), training);
        NDArray bias = store.getValue(conv.getParameters().get("bias"), x.getDevice(), training);
        NDArray y = BlockAlignedConvolution.conv2d(x, weight, bias, new Shape(1, 1), new Shape(1, 1));
        return new NDList(depthToSpace(y, outChannels));
    }

    /** (B, 4C, H, W) → (B, C, 2H, 2W); channel 4c + 2i + j lands at offset (i, j) of each 2×2 block. */
    public static NDArray depthToSpace(NDArray x, int channels) {
        Shape s = x.getShape();
        long b = s.get(0), h = s.get(2), w = s.get(3);
        return x.reshape(b, channels, 2, 2, h, w).transpose(0, 1, 4, 2, 5, 3).reshape(b, channels, 2 * h, 2 * w);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv.initialize(manager, dataType, inputShapes);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), outChannels, 2 * in.get(2), 2 * in.get(3))};
    }
}
