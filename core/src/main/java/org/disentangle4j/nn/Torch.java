package org.disentangle4j.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The tensor engine: DJL's PyTorch engine, forced offline (its native library ships inside the
 * pytorch-native jar, so nothing is ever downloaded), with a fixed number of threads.
 */
public final class Torch {
    private static Engine engine;

    private Torch() {}

    /** Loads the engine once; later calls return it. */
    public static synchronized Engine engine() {
        if (engine == null) {
            System.setProperty("ai.djl.offline", "true");
            // read by the engine as it starts; inter-op parallelism would only compete with the
            // intra-op threads on small machines
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threadsFromEnvironment()));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
            engine = Engine.getEngine("PyTorch");
        }
        return engine;
    }

    /** A fresh base manager on the engine's default device (CPU here, GPU with a CUDA build). */
    public static NDManager newManager() {
        return engine().newBaseManager();
    }

    /** Intra-op threads: {@code DISENTANGLE_THREADS} if set, else every available core. */
    public static int threadsFromEnvironment() {
        String value = System.getenv("DISENTANGLE_THREADS");
        if (value != null && !value.isBlank()) {
            try {
                int n = Integer.parseInt(value.trim());
                if (n > 0) return n;
            } catch (NumberFormatException ignored) {
                // fall through to the default
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    public static int threads() {
        engine();
        return JniUtils.getNumThreads();
    }

    /** "PyTorch 2.7.1 (DJL 0.35.0)". */
    public static String description() {
        Engine e = engine();
        return e.getEngineName() + " " + e.getVersion() + " (DJL " + Engine.getDjlVersion() + ")";
    }
}
