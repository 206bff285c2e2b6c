package org.disentangle4j.examples;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.model.Model;
import org.disentangle4j.nn.Torch;
import org.disentangle4j.train.Run;

/**
 * Opens a trained run and uses its model: encodes observations of its dataset, decodes the codes,
 * and traverses the first latent (the images decoded as it moves from −2 to +2).
 *
 * <p>Usage: {@code OpenARun RUN_DIR}
 */
public final class OpenARun {
    public static void main(String[] args) {
        try (NDManager manager = Torch.newManager(); Run run = Run.open(Path.of(args[0]), manager)) {
            Model model = run.model();
            GroundTruthDataset data = run.dataset();
            int[][] factors = data.sampleFactors(8, new SplittableRandom(1));
            long[] shape = new long[data.observationShape().length + 1];
            shape[0] = factors.length;
            for (int i = 0; i < data.observationShape().length; i++) shape[i + 1] = data.observationShape()[i];
            try (NDManager scope = manager.newSubManager()) {
                NDArray images = scope.create(data.render(factors), new Shape(shape));
                NDArray codes = model.represent(images);                 // the posterior means
                NDArray decoded = model.generate(codes);                 // back to images, in [0, 1]
                System.out.printf("codes %s; mean absolute reconstruction error %.4f%n", codes.getShape(),
                        decoded.sub(images).abs().mean().getFloat());
                for (float z : new float[] {-2, 0, 2}) {
                    NDArray moved = Model.replaceColumn(codes, 0, scope.full(new Shape(codes.getShape().get(0)), z));
                    System.out.printf("latent 0 at %+.0f: mean pixel %.4f%n", z, model.generate(moved).mean().getFloat());
                }
            }
        }
    }
}
