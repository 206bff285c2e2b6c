package org.disentangle4j.model.architecture;

import java.util.Arrays;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.model.ModelSpec;

/** Which observations the convolutional parts take. */
public final class ImageShapes {
    private ImageShapes() {}

    /** Whether observations are (C, 64, 64) images, what the convolutional networks are built for. */
    public static boolean is64(int[] observationShape) {
        return observationShape.length == 3 && observationShape[1] == 64 && observationShape[2] == 64;
    }

    /** The observation shape, or a one-line error naming the part when it is not (C, 64, 64). */
    static int[] require64(ModelSpec spec, String part) {
        int[] obs = spec.observationShape();
        if (!is64(obs)) {
            throw new UserInputException("method " + spec.method() + ": " + part + " needs 64×64 images; the dataset gives observations of shape "
                    + Arrays.toString(obs));
        }
        return obs;
    }

    /** Values per observation. */
    static int size(int[] observationShape) {
        return Arrays.stream(observationShape).reduce(1, (a, b) -> a * b);
    }
}
