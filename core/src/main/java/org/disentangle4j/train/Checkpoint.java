package org.disentangle4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.disentangle4j.io.IoErrors;
import org.disentangle4j.io.NpyArray;
import org.disentangle4j.io.NpzFile;
import org.disentangle4j.io.NpzWriter;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.model.Model;

/**
 * A training checkpoint as a NumPy {@code .npz} (so {@code np.load} opens it too): the number of
 * completed steps ({@code step}), every parameter ({@code param/<name>}) and every optimiser's
 * moment estimates ({@code opt/<group>/m/<name>}, {@code …/v/…}), and the log's open window:
 * for each term logged since the last line of log.jsonl its sum and count ({@code log/<term>},
 * float64 [2]), so a resumed run writes the lines an uninterrupted one writes. Written atomically,
 * and only when every array is finite.
 */
public final class Checkpoint {
    private static final String STEP = "step";
    private static final String PARAM = "param/";
    private static final String OPT = "opt/";
    private static final String VALIDATION_LOSS = "validation_loss";
    private static final String LOG = "log/";

    private Checkpoint() {}

    /**
     * Writes the parameters and optimiser state; refuses ({@link NonFiniteCheckpointException},
     * nothing written) when any of them is not finite, so the file always holds the last finite ones.
     */
    public static void save(Path file, long completedSteps, Model model, Map<String, Adam> optimizers) {
        save(file, completedSteps, model, optimizers, Map.of());
    }

    /** As {@link #save(Path, long, Model, Map)}, with the log's open window: each term's sum and count since the last line. */
    public static void save(Path file, long completedSteps, Model model, Map<String, Adam> optimizers, Map<String, double[]> logWindow) {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        model.namedParameters().forEach((name, p) -> arrays.put(PARAM + name, p.getArray()));
        optimizers.forEach((group, adam) -> adam.state().forEach((name, a) -> arrays.put(OPT + group + "/" + name, a)));
        refuseNonFinite(file, arrays);
        try {
            NpzWriter.write(file, NpzWriter.Compression.STORED, npz -> {
                npz.add(STEP, new long[] {completedSteps}, 1);
                for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
                    NDArray a = e.getValue();
                    npz.add(e.getKey(), a.toFloatArray(), toIntShape(a.getShape()));
                }
                for (Map.Entry<String, double[]> w : logWindow.entrySet()) npz.add(LOG + w.getKey(), w.getValue().clone(), 2);
            });
        } catch (IOException e) {
            throw new UserInputException("cannot write checkpoint " + file + ": " + IoErrors.reason(e, file), e);
        }
    }

    /**
     * The parameters with the lowest validation loss so far ({@code best.npz}): the step they are
     * from, the loss ({@code validation_loss}, float64) and every parameter; no optimiser state.
     * Written atomically; {@link #loadParameters} reads it.
     */
    public static void saveBest(Path file, long completedSteps, Model model, double validationLoss) {
        Map<String, NDArray> parameters = new LinkedHashMap<>();
        model.namedParameters().forEach((name, p) -> parameters.put(PARAM + name, p.getArray()));
        refuseNonFinite(file, parameters);
        try {
            NpzWriter.write(file, NpzWriter.Compression.STORED, npz -> {
                npz.add(STEP, new long[] {completedSteps}, 1);
                npz.add(VALIDATION_LOSS, new double[] {validationLoss}, 1);
                for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
                    NDArray a = e.getValue().getArray();
                    npz.add(PARAM + e.getKey(), a.toFloatArray(), toIntShape(a.getShape()));
                }
            });
        } catch (IOException e) {
            throw IoErrors.cannotWrite(file, e);
        }
    }

    /** The log's open window a checkpoint holds, term by term in its order: {sum, count}; empty for checkpoints from before it was kept. */
    public static Map<String, double[]> readLogWindow(Path file) {
        Map<String, double[]> window = new LinkedHashMap<>();
        try (NpzFile npz = NpzFile.open(file)) {
            for (String name : npz.names()) {
                if (!name.startsWith(LOG)) continue;
                double[] sumAndCount = npz.read(name).toDoubleArray();
                if (sumAndCount.length != 2) throw new UserInputException(file + ": '" + name + "' holds " + sumAndCount.length + " values, expected 2");
                window.put(name.substring(LOG.length()), sumAndCount);
            }
        }
        return window;
    }

    /** The step and validation loss stored in a {@link #saveBest best} file. */
    public static Best readBest(Path file) {
        try (NpzFile npz = NpzFile.open(file)) {
            if (!npz.contains(STEP) || !npz.contains(VALIDATION_LOSS)) {
                throw new UserInputException(file + " is not a best-parameters file: it needs '" + STEP + "' and '" + VALIDATION_LOSS + "'");
            }
            return new Best(npz.read(STEP).toLongArray()[0], npz.read(VALIDATION_LOSS).toDoubleArray()[0]);
        }
    }

    /** Where the kept parameters come from: their step and validation loss. */
    public record Best(long step, double validationLoss) {}

    /** Loads parameters only (for evaluation and figures); returns the completed steps. */
    public static long loadParameters(Path file, Model model) {
        return load(file, model, Map.of());
    }

    /**
     * Copies a checkpoint's values into the model's parameters and the optimisers' state, in place.
     * A checkpoint that does not fit the model (missing arrays, other shapes) is rejected before
     * anything is changed.
     */
    public static long load(Path file, Model model, Map<String, Adam> optimizers) {
        try (NpzFile npz = NpzFile.open(file)) {
            Map<String, NDArray> targets = new LinkedHashMap<>();
            for (Map.Entry<String, Parameter> p : model.namedParameters().entrySet()) {
                targets.put(PARAM + p.getKey(), p.getValue().getArray());
            }
            optimizers.forEach((group, adam) -> adam.state().forEach((name, a) -> targets.put(OPT + group + "/" + name, a)));
            if (!npz.contains(STEP)) throw new UserInputException(file + " is not a checkpoint: it has no '" + STEP + "' array");
            for (Map.Entry<String, NDArray> t : targets.entrySet()) {
                if (!npz.contains(t.getKey())) {
                    throw new UserInputException("checkpoint " + file + " does not fit model " + model.spec().method()
                            + ": it has no array '" + t.getKey() + "'");
                }
                int[] stored = npz.header(t.getKey()).shape();
                int[] expected = toIntShape(t.getValue().getShape());
                if (!Arrays.equals(stored, expected)) {
                    throw new UserInputException("checkpoint " + file + " does not fit model " + model.spec().method() + ": '"
                            + t.getKey() + "' has shape " + Arrays.toString(stored) + ", expected " + Arrays.toString(expected));
                }
            }
            for (Map.Entry<String, NDArray> t : targets.entrySet()) {
                NDArray target = t.getValue();
                NpyArray values = npz.read(t.getKey());
                // written through a detached view (same storage): after training, a parameter is an autograd leaf
                // that requires its gradient, and the engine refuses an in-place write to it directly
                try (NDArray source = target.getManager().create(values.toFloatArray(), target.getShape());
                        NDArray storage = target.stopGradient()) {
                    storage.set(new NDIndex("..."), source);
                }
            }
            long[] step = npz.read(STEP).toLongArray();
            if (step.length != 1 || step[0] < 0) throw new UserInputException(file + " has an invalid step count");
            return step[0];
        }
    }

    private static void refuseNonFinite(Path file, Map<String, NDArray> arrays) {
        NonFiniteArrays.first(arrays).ifPresent(name -> {
            throw new NonFiniteCheckpointException(file, name);
        });
    }

    private static int[] toIntShape(Shape shape) {
        int[] s = new int[shape.dimension()];
        for (int i = 0; i < s.length; i++) s[i] = Math.toIntExact(shape.get(i));
        return s;
    }
}
