package org.disentangle4j.train;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.disentangle4j.model.Method;
import org.disentangle4j.model.Methods;
import org.disentangle4j.nn.Torch;

/**
 * One training of the determinism gate: a registered model, its default hyper-parameters, 60 steps
 * at batch 8 on procedural dSprites (the real 64×64 convolutional encoder and sub-pixel decoder),
 * or for the additive-decoder paper's models on balls-scalar with its blocks, every step logged. Its fingerprint is the exact bits of every logged loss term and of every
 * trained parameter. {@link #main} trains every model once and prints the fingerprints, so the gate
 * can compare a separate process with its own.
 */
final class GateTraining {
    static final long STEPS = 60;
    static final int BATCH = 8;
    static final long SEED = 2;
    /** From this step on (first calls may create lasting arrays, e.g. caches) a model's own arrays must not change in number. */
    static final long SETTLED_STEP = 3;

    /**
     * What a training leaves: its logged terms by step (timings excluded), the parameters' digest, and
     * how many arrays the model's own manager held after step {@value #SETTLED_STEP} and after the last.
     */
    record Fingerprint(Map<Long, Map<String, Double>> terms, String parameterDigest, int arraysSettled, int arraysAtEnd) {
        String digest() {
            MessageDigest sha = sha256();
            terms.forEach((step, values) -> {
                sha.update(ByteBuffer.allocate(8).putLong(step).array());
                values.forEach((name, v) -> {
                    sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    sha.update(ByteBuffer.allocate(8).putLong(Double.doubleToRawLongBits(v)).array());
                });
            });
            return HexFormat.of().formatHex(sha.digest()) + "/" + parameterDigest;
        }
    }

    private GateTraining() {}

    static Fingerprint train(String model, Path dir) throws IOException {
        return train(model, dir, STEPS, SEED);
    }

    /** As the gate trains, for {@code steps} steps from {@code seed}. */
    static Fingerprint train(String model, Path dir, long steps, long seed) throws IOException {
        return train(model, dir, steps, seed, Map.of());
    }

    /** As the gate trains, with these hyper-parameters beside the method's defaults. */
    static Fingerprint train(String model, Path dir, long steps, long seed, Map<String, Double> hyperParameters) throws IOException {
        Method method = Methods.get(model);
        // the additive-decoder paper's models train on their own dataset with its blocks (1,1), as `train` does
        boolean blocks = method.trainingDefaults().blocksFromDataset();
        double lr = method.trainingDefaults().learningRate() != null ? method.trainingDefaults().learningRate() : 1e-4;
        TrainingConfig config = new TrainingConfig(model, blocks ? "balls-scalar" : "dsprites", null, steps, BATCH, lr,
                blocks ? 2 : 10, "bernoulli", seed, hyperParameters, 1, 1000);
        try (NDManager manager = Torch.newManager(); Run run = Run.create(config, dir, manager)) {
            int[] arrays = new int[2];
            run.trainer().train(new TrainingListener() {
                @Override
                public void stepped(long completed, Map<String, Float> terms, double imagesPerSecond) {
                    if (completed == SETTLED_STEP) arrays[0] = run.model().manager().getManagedArrays().size();
                    if (completed == steps) arrays[1] = run.model().manager().getManagedArrays().size();
                }
            });
            MessageDigest sha = sha256();
            new TreeMap<>(run.model().namedParameters()).forEach((name, p) -> {
                sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                for (float f : p.getArray().toFloatArray()) {
                    sha.update(ByteBuffer.allocate(4).putInt(Float.floatToRawIntBits(f)).array());
                }
            });
            Map<Long, Map<String, Double>> terms = new TreeMap<>();
            for (TrainingLog.Entry e : TrainingLog.read(dir.resolve(RunDirectory.LOG))) {
                Map<String, Double> values = new TreeMap<>(e.values());
                values.remove("images_per_s");
                values.remove("elapsed_s");
                terms.put(e.step(), values);
            }
            return new Fingerprint(terms, HexFormat.of().formatHex(sha.digest()), arrays[0], arrays[1]);
        }
    }

    /** The registered methods, without the test-only ones other tests register (named {@code *-test}). */
    static List<String> models() {
        return Methods.all().stream().map(Method::name).filter(name -> !name.endsWith("-test")).toList();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trains every registered model once under {@code args[0]} and prints "model digest" lines. */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        for (String model : models()) {
            Fingerprint f = train(model, Files.createDirectories(root).resolve(model));
            System.out.println("gate " + model + " " + f.digest());
        }
    }
}
