package org.disentangle4j.data;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.disentangle4j.io.UserInputException;

/**
 * The registry of ground-truth datasets by name. Each name opens a procedural dataset (no
 * download needed) or, when the user gives a data file, the reader of the official file.
 * A new dataset is one {@code register} line in the static block.
 */
public final class Datasets {

    /** How one dataset is described and opened; {@code fromFile} is null for procedural-only datasets. */
    private record Entry(String description, Supplier<GroundTruthDataset> procedural,
                         Function<Path, GroundTruthDataset> fromFile) {}

    private static final Map<String, Entry> REGISTRY = new LinkedHashMap<>();

    static {
        register("dsprites", "2-D sprites: shape, scale, orientation, posX, posY; 737,280 binary 64x64 images "
                + "(file: dsprites_ndarray_co1sh3sc6or40x32y32_64x64.npz)", DSprites::new, DSpritesFile::open);
        register("shapes3d", "3-D scenes: floor, wall and object hue, scale, shape, orientation; 480,000 RGB 64x64 "
                + "images (file: 3dshapes.h5)", Shapes3D::new, Shapes3DFile::open);
        register(Balls.SCALAR, "two balls moving up and down (y1, y2; 64 levels in [0.1, 0.9] each), RGB 64x64; "
                + "trained on an L-shaped support, tested also on the left-out corner y1, y2 >= 0.5", Balls::scalar, null);
        register(Balls.BLOCK_INDEPENDENT, "two balls anywhere (x1, y1, x2, y2; 64 levels each), independent, "
                + "never overlapping; RGB 64x64", Balls::blockIndependent, null);
        register(Balls.BLOCK_DEPENDENT, "two balls (x1, y1, x2, y2; 64 levels each), the second ball's quadrant "
                + "set by the first (x1 + y1 >= 1 or not), never overlapping; RGB 64x64", Balls::blockDependent, null);
        register(Pendulum.NAME, "CausalVAE pendulum: light, angle -> shadow length, position (SCM with noise); "
                + "RGB 64x64", Pendulum::standard, null);
        register(Pendulum.DISTURBED_NAME, "pendulum whose shadow is U(0, 12) for 1 sample in 5", Pendulum::disturbed, null);
        register(Flow.NAME, "CausalVAE water flow: ball size -> water height -> water flow <- hole; RGB 64x64",
                Flow::new, null);
    }

    private Datasets() {}

    private static void register(String name, String description, Supplier<GroundTruthDataset> procedural,
                                 Function<Path, GroundTruthDataset> fromFile) {
        if (REGISTRY.putIfAbsent(name, new Entry(description, procedural, fromFile)) != null) {
            throw new IllegalStateException("dataset '" + name + "' registered twice");
        }
    }

    /** Registered names, in registration order. */
    public static List<String> names() {
        return new ArrayList<>(REGISTRY.keySet());
    }

    /** One line saying what the dataset is and which file it reads. */
    public static String description(String name) {
        return entry(name).description();
    }

    /**
     * Opens a dataset: the procedural one when {@code dataFileOrNull} is null, otherwise the reader
     * of the official file. Unknown names and missing, unreadable or malformed files are
     * {@link UserInputException}s with a one-line message. A dataset that keeps its file open
     * (e.g. {@link Shapes3DFile}) implements {@link Closeable}; {@link #close} it when done.
     */
    public static GroundTruthDataset open(String name, Path dataFileOrNull) {
        Entry entry = entry(name);
        if (dataFileOrNull == null) return entry.procedural().get();
        if (entry.fromFile() == null) {
            throw new UserInputException("dataset '" + name + "' is procedural and reads no data file (got "
                    + dataFileOrNull + ")");
        }
        try {
            return entry.fromFile().apply(dataFileOrNull);
        } catch (UserInputException e) {
            throw e;
        } catch (RuntimeException e) {
            // a reader bug or an unforeseen corruption: still one line that names the file (and no class name)
            String why = e.getMessage() == null || e.getMessage().isBlank() ? "unexpected content" : e.getMessage().replace('\n', ' ');
            throw new UserInputException(dataFileOrNull + ": cannot read as " + name + " data (" + why + ")", e);
        }
    }

    /** Closes a dataset that keeps its file open (see {@link #open}); procedural ones need nothing. */
    public static void close(GroundTruthDataset dataset) {
        if (dataset instanceof Closeable file) {
            try {
                file.close();
            } catch (IOException ignored) {
                // it was only read from
            }
        }
    }

    private static Entry entry(String name) {
        Entry entry = REGISTRY.get(name);
        if (entry == null) {
            throw new UserInputException("unknown dataset '" + name + "'; expected one of: " + String.join(", ", names()));
        }
        return entry;
    }
}
