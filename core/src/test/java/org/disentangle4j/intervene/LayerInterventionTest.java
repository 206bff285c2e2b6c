package org.disentangle4j.intervene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.disentangle4j.intervene.LayerIntervention.Layer;
import org.disentangle4j.intervene.LayerIntervention.Transform;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.model.DecoderLayerHook;
import org.disentangle4j.model.Likelihood;
import org.disentangle4j.model.Methods;
import org.disentangle4j.model.Model;
import org.disentangle4j.nn.KernelStretch;
import org.disentangle4j.nn.SubPixelUpsample;
import org.disentangle4j.nn.Torch;
import org.junit.jupiter.api.Test;

class LayerInterventionTest {

    @Test
    void rotatingByNinetyDegreesTurnsTheMapCounterClockwise() {
        try (NDManager m = Torch.newManager()) {
            // 3×3 map, rows top to bottom: 1 2 3 / 4 5 6 / 7 8 9; turned 90° counter-clockwise: 3 6 9 / 2 5 8 / 1 4 7
            NDArray map = m.arange(1f, 10f).reshape(1, 1, 3, 3);
            double a = Math.toRadians(90);
            NDArray turned = LayerIntervention.resample(map, new double[][] {{Math.cos(a), Math.sin(a)}, {-Math.sin(a), Math.cos(a)}});
            assertArrayEquals(new float[] {3, 6, 9, 2, 5, 8, 1, 4, 7}, turned.toFloatArray(), 1e-5f);
        }
    }

    @Test
    void zoomingByTwoReadsTheCentreHalfAndIdentityChangesNothing() {
        try (NDManager m = Torch.newManager()) {
            // one row of 5: source col = (col − 2)/2 + 2 → 1, 1.5, 2, 2.5, 3
            NDArray row = m.create(new float[] {0, 10, 20, 30, 40}, new Shape(1, 1, 1, 5));
            assertArrayEquals(new float[] {10, 15, 20, 25, 30},
                    LayerIntervention.resample(row, new double[][] {{0.5, 0}, {0, 0.5}}).toFloatArray(), 1e-5f);
            // zoom 1/2: source col = 2(col − 2) + 2 → −2, 0, 2, 4, 6: outside is 0
            assertArrayEquals(new float[] {0, 0, 20, 40, 0},
                    LayerIntervention.resample(row, new double[][] {{2, 0}, {0, 2}}).toFloatArray(), 1e-5f);
            NDArray maps = m.randomNormal(new Shape(2, 3, 4, 5));
            assertArrayEquals(maps.toFloatArray(), LayerIntervention.resample(maps, new double[][] {{1, 0}, {0, 1}}).toFloatArray(), 0f);
        }
    }

    @Test
    void hueRotationByOneHundredTwentyDegreesCyclesTheChannels() {
        try (NDManager m = Torch.newManager()) {
            // Rodrigues about (1,1,1)/√3 by 120°: e_R → e_G → e_B → e_R
            NDArray maps = m.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(1, 3, 1, 2));
            assertArrayEquals(new float[] {5, 6, 1, 2, 3, 4}, LayerIntervention.hueRotation(maps, 120).toFloatArray(), 1e-5f);
        }
    }

    /**
     * A kernel stretched with its sum kept, on a constant input: away from the border, where the
     * wider kernel reads only the constant, each output is bias + c·Σh, the same as the original's.
     * Near the border the stretched kernel reaches more zero padding, so there it is smaller.
     */
    @Test
    void aStretchedKernelOnAConstantInputKeepsTheInteriorAndDimsTheBorder() {
        try (NDManager m = Torch.newManager()) {
            SubPixelUpsample layer = new SubPixelUpsample(2);
            layer.setInitializer(new ai.djl.training.initializer.NormalInitializer(0.3f), ai.djl.nn.Parameter.Type.WEIGHT);
            layer.initialize(m, DataType.FLOAT32, new Shape(1, 3, 12, 12));
            NDArray kernel = layer.kernel().getArray();
            NDArray input = m.full(new Shape(1, 3, 12, 12), 0.7f);
            NDArray stretched = KernelStretch.stretch(kernel, 3, 1, KernelStretch.Normalisation.KEEP_SUM, m);   // 3 → 9 wide
            assertEquals(9, stretched.getShape().get(3));
            NDArray original = layer.forwardWithKernel(input, kernel);
            NDArray wide = layer.forwardWithKernel(input, stretched);
            assertEquals(original.getShape(), wide.getShape());
            // pre-shuffle rows/cols 1..10 read no padding with 3×3; with 3×9 (padding 4 along x) cols 4..7 read none:
            // after depth-to-space (×2) the output columns 8..15 and rows 2..21 are interior for both
            float[] a = original.get(":, :, 2:22, 8:16").toFloatArray(), b = wide.get(":, :, 2:22, 8:16").toFloatArray();
            assertArrayEquals(a, b, 1e-5f);
            // the expected interior value per filter: bias + 0.7·Σ kernel over (C_in, k, k); filter 0 lands at (2i, 2j) of channel 0
            float expected = 0.7f * kernel.get(0).sum().getFloat() + layer.conv().getParameters().get("bias").getArray().getFloat(0);
            assertEquals(expected, wide.get(0, 0, 4, 8).getFloat(), 1e-5f);
            // at the left border the 9-wide kernel reads 4 padded zero columns: not the interior value unless those taps sum to 0
            float border = 0.7f * stretched.get("0, :, :, 4:9").sum().getFloat() + layer.conv().getParameters().get("bias").getArray().getFloat(0);
            assertEquals(border, wide.get(0, 0, 4, 0).getFloat(), 1e-5f);
        }
    }

    private static Model vae(NDManager m) {
        return Methods.create(Methods.spec("beta-vae", new int[] {3, 64, 64}, 4, Likelihood.BERNOULLI, Map.of()), m, 3);
    }

    @Test
    void theIdentityHookDecodesExactlyAsTheModelAndInterventionsOnlyChangeWhatFollowsTheLayer() {
        try (NDManager m = Torch.newManager(); Model model = vae(m)) {
            NDArray z = m.randomNormal(new Shape(3, 4));
            float[] plain = model.decode(z, false).toFloatArray();
            assertArrayEquals(plain, model.decode(z, false, DecoderLayerHook.IDENTITY).toFloatArray(), 0f);
            // stretch factor 1 is the same kernel: the same images to rounding
            List<Layer> convs = LayerIntervention.applicableLayers(model, Transform.STRETCH_X);
            assertEquals(4, convs.size());
            assertArrayEquals(model.generate(z).toFloatArray(),
                    LayerIntervention.generate(model, z, convs.get(1).index(), Transform.STRETCH_X, 1).toFloatArray(), 1e-6f);
            float[] stretched = LayerIntervention.generate(model, z, convs.get(1).index(), Transform.STRETCH_X, 2).toFloatArray();
            assertTrue(maxDifference(model.generate(z).toFloatArray(), stretched) > 1e-4);
            // colour applies only to the RGB output layer, the last
            List<Layer> colour = LayerIntervention.applicableLayers(model, Transform.COLOUR);
            assertEquals(List.of(model.interventionTargets().decoderLayers().size() - 1), colour.stream().map(Layer::index).toList());
            // a stretch asked of a dense layer is a one-line user error
            assertThrows(UserInputException.class, () -> LayerIntervention.generate(model, z, 0, Transform.STRETCH_Y, 2));
            assertThrows(UserInputException.class, () -> LayerIntervention.hook(1, Transform.STRETCH_X, 0.5));
        }
    }

    private static double maxDifference(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
        return d;
    }
}
