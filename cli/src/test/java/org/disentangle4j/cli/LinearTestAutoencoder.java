package org.disentangle4j.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import org.disentangle4j.model.Model;
import org.disentangle4j.model.ModelSpec;

/**
 * The test models' shared body: a linear encoder and a linear decoder with a sigmoid (no
 * convolution, so gradients are exact whatever oneDNN does), with the figures' hooks. Subclasses
 * give the loss and whatever fault they script.
 */
abstract class LinearTestAutoencoder extends Model {
    private final Linear encoder;
    private final Linear decoder;
    private final int pixels;

    LinearTestAutoencoder(ModelSpec spec, ai.djl.ndarray.NDManager parent, long seed) {
        super(spec, parent, seed);
        int size = 1;
        for (int d : spec.observationShape()) size *= d;
        pixels = size;
        encoder = addPart("encoder", Linear.builder().setUnits(spec.latentDim()).build(), new Shape(1, pixels));
        decoder = addPart("decoder", Linear.builder().setUnits(pixels).build(), new Shape(1, spec.latentDim()));
    }

    /** Observations as rows of pixels. */
    final NDArray flatten(NDArray observations) {
        return observations.reshape(-1, pixels);
    }

    final NDArray encode(NDArray rows, boolean training) {
        return forward(encoder, rows, training);
    }

    /** Reconstructed rows of pixels, in [0, 1]. */
    final NDArray decodeRows(NDArray codes, boolean training) {
        return Activation.sigmoid(forward(decoder, codes, training));
    }

    /** Logits shaped as observations. */
    @Override
    public NDArray decode(NDArray codes, boolean training) {
        long[] shape = new long[spec().observationShape().length + 1];
        shape[0] = codes.getShape().get(0);
        for (int i = 1; i < shape.length; i++) shape[i] = spec().observationShape()[i - 1];
        return forward(decoder, codes, training).reshape(new Shape(shape));
    }

    @Override
    public NDArray observationMean(NDArray decoderOutput) {
        return Activation.sigmoid(decoderOutput);
    }

    @Override
    public NDArray represent(NDArray observations) {
        return encode(flatten(observations), false);
    }

    @Override
    public NDArray latentUsage(NDArray observations) {
        return represent(observations).square().mean(new int[] {0});
    }
}
