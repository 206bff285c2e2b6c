package org.disentangle4j.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;

/**
 * Counts multiply-accumulates of the dense and convolution layers of a network from its
 * architecture (element-wise work such as activations is left out; it is small and memory-bound).
 */
public final class FlopCounter {
    private FlopCounter() {}

    /** The multiply-accumulates and output shape of running a block on an input of this shape. */
    public record Count(long macs, long firstLayerMacs, Shape output) {}

    public static Count forward(Block block, Shape input) {
        if (block instanceof SequentialBlock sequence) {
            long macs = 0;
            long first = -1;
            Shape shape = input;
            for (Block child : sequence.getChildren().values()) {
                Count c = forward(child, shape);
                if (first < 0 && c.macs() > 0) first = c.firstLayerMacs();
                macs += c.macs();
                shape = c.output();
            }
            return new Count(macs, Math.max(first, 0), shape);
        }
        if (block instanceof SubPixelUpsample up) {
            Count conv = forward(up.conv(), input);
            return new Count(conv.macs(), conv.macs(), up.getOutputShapes(new Shape[] {input})[0]);
        }
        Shape output = block.getOutputShapes(new Shape[] {input})[0];
        long macs = 0;
        if (block instanceof Conv2d || block instanceof Linear) {
            Shape weight = weightOf(block).getShape();
            // every output element takes one MAC per weight of its output channel/unit
            long perOutput = weight.size() / weight.get(0);
            macs = output.size() * perOutput;
        }
        return new Count(macs, macs, output);
    }

    /**
     * Floating-point operations of one training step: forward, gradient of the weights and
     * gradient of the inputs (2 FLOPs per MAC each), except the input gradient of the very first
     * layer, which nothing needs.
     */
    public static long trainingFlops(long forwardMacs, long firstLayerMacs) {
        return 2 * (3 * forwardMacs - firstLayerMacs);
    }

    private static Parameter weightOf(Block block) {
        for (var p : block.getDirectParameters()) {
            if (p.getValue().getType() == Parameter.Type.WEIGHT) return p.getValue();
        }
        throw new IllegalArgumentException(block + " has no weight");
    }
}
