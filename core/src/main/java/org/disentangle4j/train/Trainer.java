package org.disentangle4j.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.model.Batch;
import org.disentangle4j.model.Losses;
import org.disentangle4j.model.Model;
import org.disentangle4j.model.OptimizerSettings;
import org.disentangle4j.model.ParameterGroup;
import org.disentangle4j.model.Seeds;
import org.disentangle4j.model.StepContext;
import org.disentangle4j.model.Validation;

/**
 * The training loop: batches from a background producer, one backward pass per step over the
 * sum of the model's objectives, one Adam per parameter group, {@code log.jsonl} every
 * {@code logEvery} steps, atomic checkpoints every {@code checkpointEvery} steps, at the end, and
 * when a stop is requested (Ctrl-C / SIGTERM), so an interrupted run loses nothing.
 *
 * <p>Batches are drawn as the model's {@link Model#batchSampling} asks (i.i.d., pairs, a labelled
 * fraction). A model with a {@link Model#validation} also gets its validation loss computed every
 * {@link Validation#every()} steps and after the last, on a fixed set drawn from the
 * training distribution with the run's validation seed; it is logged as {@code val_loss}, and
 * {@code best.npz} is rewritten (atomically) whenever it is lower than every earlier one. The
 * lowest loss so far is read back from {@code best.npz} on resuming, so a resumed run keeps the
 * same best parameters as an uninterrupted one.
 *
 * <p>Divergence guard: a step whose loss terms (already read back for logging) include NaN or
 * ±infinity ends training at once, and so does a checkpoint refused because a parameter or
 * optimiser moment is not finite (the periodic one, the last one, the one on a stop request).
 * Nothing non-finite is ever written: the checkpoint on disk stays the last finite one (a fresh
 * run writes one of its initial parameters first, so there always is one), the model and
 * optimisers are reloaded from it, the diverged step gets one log line (its non-finite means as
 * null) and {@code status.json} becomes {@code diverged} with that step.
 */
public final class Trainer {
    private static final int PREFETCH = 3;
    /** Observations per forward pass when validating. */
    static final int VALIDATION_CHUNK = 256;

    private final Model model;
    private final GroundTruthDataset dataset;
    private final TrainingConfig config;
    private final RunDirectory run;
    private final Map<String, Adam> optimizers = new LinkedHashMap<>();
    private volatile boolean stopRequested;
    private float[] validationSet;
    private double bestValidationLoss = Double.POSITIVE_INFINITY;
    /** The step of the checkpoint on disk: the last finite parameters. */
    private long checkpointStep;
    /** The log's open window the loaded checkpoint kept (sums and counts since the last line). */
    private Map<String, double[]> restoredWindow = Map.of();
    private final StepPhases phases = new StepPhases();

    public Trainer(Model model, GroundTruthDataset dataset, TrainingConfig config, RunDirectory run) {
        this.model = model;
        this.dataset = dataset;
        this.config = config;
        this.run = run;
        Map<String, Parameter> all = model.namedParameters();
        for (ParameterGroup group : model.parameterGroups(OptimizerSettings.adam(config.learningRate()))) {
            Map<String, Parameter> params = new LinkedHashMap<>();
            for (String name : group.parameterNames()) params.put(name, all.get(name));
            optimizers.put(group.name(), new Adam(group.optimizer(), params, model.manager()));
        }
    }

    /**
     * Where the loop's time has gone so far, phase by phase (a copy). The rest phase of a step ends
     * when the next batch is taken, so a listener sees its own step's rest not yet counted.
     */
    public StepPhases phases() {
        return phases.copy();
    }

    /** Asks the loop to checkpoint and return after the current step. */
    public void requestStop() {
        stopRequested = true;
    }

    /**
     * Trains from the run's checkpoint (if any) up to {@code config.steps()} completed steps.
     * A JVM shutdown (Ctrl-C, SIGTERM) during the call waits for the checkpoint to be written.
     */
    public TrainingResult train(TrainingListener listener) {
        long start = restore();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            requestStop();
            try {
                finished.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "checkpoint-on-exit");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return loop(start, listener);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and will return now that the checkpoint is written
            }
        }
    }

    /**
     * Loads the checkpoint if the run has one and drops log lines past it (a run killed between
     * checkpoints logged steps it will now train again); returns the number of completed steps.
     */
    private long restore() {
        Path checkpoint = run.file(RunDirectory.CHECKPOINT);
        long step = Files.exists(checkpoint) ? Checkpoint.load(checkpoint, model, optimizers) : 0;
        restoredWindow = Files.exists(checkpoint) ? Checkpoint.readLogWindow(checkpoint) : Map.of();
        Path best = run.file(RunDirectory.BEST);
        if (model.validation().isPresent() && step > 0 && Files.exists(best)) {
            bestValidationLoss = Checkpoint.readBest(best).validationLoss();
        }
        try {
            new TrainingLog(run.file(RunDirectory.LOG)).truncateAfter(step);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        checkpointStep = step;
        return step;
    }

    private TrainingResult loop(long start, TrainingListener listener) {
        long total = config.steps();
        int batchSize = config.batchSize();
        int[] obs = dataset.observationShape();
        long[] dims = new long[obs.length + 1];
        dims[0] = batchSize;
        for (int i = 0; i < obs.length; i++) dims[i + 1] = obs[i];
        Shape batchShape = new Shape(dims);
        Engine engine = Engine.getInstance();
        listener.started(start, total);
        run.writeStatus(RunDirectory.State.RUNNING, start);

        Throughput throughput = new Throughput(batchSize);
        WindowMeans window = new WindowMeans(restoredWindow);
        long completed = start;
        long began = System.nanoTime();
        Divergence divergence = null;
        // a divergence before the first periodic checkpoint still leaves finite parameters to keep
        if (!Files.exists(run.file(RunDirectory.CHECKPOINT))) divergence = checkpoint(completed, listener, window);
        try (TrainingLog log = new TrainingLog(run.file(RunDirectory.LOG));
                BatchProducer producer = new BatchProducer(trainingData(), model.batchSampling(), batchSize, config.seed(), start, total,
                        PREFETCH)) {
            Validation validation = model.validation().orElse(null);
            double producerCpuBefore = phases.producerCpuSeconds(); // of earlier calls, whose producers are gone
            long mark = System.nanoTime();
            while (divergence == null && completed < total && !stopRequested) {
                mark = phases.lap(StepPhases.Phase.REST, mark); // the previous step's logging, progress, checkpoint
                BatchProducer.HostBatch host = producer.take();
                mark = phases.lap(StepPhases.Phase.WAIT, mark);
                Map<String, Float> terms;
                try (NDManager stepManager = model.manager().newSubManager();
                        GradientCollector collector = engine.newGradientCollector()) {
                    Batch batch = batchOf(host, batchShape, stepManager);
                    StepContext context = new StepContext(host.step(), stepManager, config.seed(), true);
                    Losses losses = model.losses(batch, context);
                    mark = phases.lap(StepPhases.Phase.FORWARD, mark);
                    collector.backward(sumOf(losses));
                    mark = phases.lap(StepPhases.Phase.BACKWARD, mark);
                    for (Adam adam : optimizers.values()) adam.update(host.step() + 1, stepManager);
                    mark = phases.lap(StepPhases.Phase.OPTIMISER, mark);
                    terms = losses.termValues();
                    mark = phases.lap(StepPhases.Phase.READ, mark);
                } finally {
                    producer.recycle(host);
                }
                mark = phases.lap(StepPhases.Phase.RELEASE, mark);
                phases.countStep(producerCpuBefore + producer.cpuSeconds());
                completed = host.step() + 1;
                throughput.tick();
                window.add(terms);
                divergence = nonFiniteTerm(completed, terms);
                if (divergence != null) {
                    logLine(log, completed, window, throughput, began); // the diverged step's means, non-finite ones as null
                    break;
                }
                if (validation != null && (completed % validation.every() == 0 || completed == total)) {
                    double loss = validate(validation);
                    window.add(Map.of("val_loss", (float) loss));
                    if (loss < bestValidationLoss) {
                        bestValidationLoss = loss;
                        try {
                            Checkpoint.saveBest(run.file(RunDirectory.BEST), completed, model, loss);
                        } catch (NonFiniteCheckpointException e) {
                            divergence = Divergence.ofCheckpointArray(completed, e.arrayName(), checkpointStep);
                            logLine(log, completed, window, throughput, began);
                            break;
                        }
                    }
                }
                listener.stepped(completed, terms, throughput.imagesPerSecond());
                if (completed % config.logEvery() == 0 || completed == total) logLine(log, completed, window, throughput, began);
                if (completed % config.checkpointEvery() == 0 || completed == total) divergence = checkpoint(completed, listener, window);
            }
            if (divergence == null && stopRequested && completed < total) {
                // the steps since the last line stay in the checkpoint's window: the resumed run's next line is the uninterrupted one's
                divergence = interrupt(completed, listener, window);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (divergence == null) divergence = interrupt(completed, listener, window);
        }
        if (divergence != null) keepLastFiniteCheckpoint(divergence);
        double seconds = (System.nanoTime() - began) / 1e9;
        double rate = seconds > 0 ? (completed - start) * batchSize / seconds : 0;
        return new TrainingResult(completed, divergence == null && completed < total, seconds, rate, divergence);
    }

    /**
     * The step's batch in the engine: the observations, and for pairs their partners (the second
     * half of the host buffer). The arrays alias the host buffer, which is recycled only after the
     * step's backward pass and update are done.
     */
    private static Batch batchOf(BatchProducer.HostBatch host, Shape batchShape, NDManager stepManager) {
        if (host.partnerFactors() == null) {
            return new Batch(stepManager.create(host.pixels(), batchShape, DataType.FLOAT32), host.factors(), null, host.labelled());
        }
        long[] pairShape = batchShape.getShape().clone();
        pairShape[0] *= 2;
        NDArray both = stepManager.create(host.pixels(), new Shape(pairShape), DataType.FLOAT32);
        NDArray observations = both.get("0:" + batchShape.get(0));
        NDArray partners = both.get(batchShape.get(0) + ":");
        return new Batch(observations, host.factors(), partners, host.labelled());
    }

    /** The first loss term of the step that is not finite, as a divergence; null when all are finite. */
    private Divergence nonFiniteTerm(long completed, Map<String, Float> terms) {
        for (Map.Entry<String, Float> t : terms.entrySet()) {
            if (!Float.isFinite(t.getValue())) return Divergence.ofTerm(completed, t.getKey(), t.getValue(), checkpointStep);
        }
        return null;
    }

    private static void logLine(TrainingLog log, long completed, WindowMeans window, Throughput throughput, long began) {
        Map<String, Double> line = new LinkedHashMap<>(window.meansAndReset());
        line.put("images_per_s", throughput.imagesPerSecond());
        line.put("elapsed_s", (System.nanoTime() - began) / 1e9);
        log.append(completed, line);
    }

    /** The checkpoint of a stop request; a divergence instead when the parameters are not finite. */
    private Divergence interrupt(long completed, TrainingListener listener, WindowMeans window) {
        Divergence divergence = checkpoint(completed, listener, window);
        if (divergence != null) return divergence;
        run.writeStatus(RunDirectory.State.INTERRUPTED, completed);
        listener.interrupted(completed);
        return null;
    }

    /**
     * Puts the last finite checkpoint back into the model and optimisers (so figures show those
     * parameters) and marks the run diverged.
     */
    private void keepLastFiniteCheckpoint(Divergence divergence) {
        Path checkpoint = run.file(RunDirectory.CHECKPOINT);
        if (Files.exists(checkpoint)) Checkpoint.load(checkpoint, model, optimizers);
        run.writeDiverged(divergence);
    }

    /**
     * The mean validation loss per observation over the validation set, computed outside any
     * gradient recording, {@value #VALIDATION_CHUNK} observations at a time (inference mode, so
     * the chunking does not change the loss; a small training batch would make validation slow).
     */
    private double validate(Validation validation) {
        int size = dataset.observationSize();
        int count = validation.size();
        if (validationSet == null) {
            java.util.SplittableRandom rng = new java.util.SplittableRandom(Seeds.mix(config.seed(), Seeds.VALIDATION, 0));
            validationSet = dataset.render(dataset.sampleFactors(count, rng));
        }
        int[] obs = dataset.observationShape();
        double sum = 0;
        for (int start = 0; start < count; start += VALIDATION_CHUNK) {
            int n = Math.min(VALIDATION_CHUNK, count - start);
            long[] dims = new long[obs.length + 1];
            dims[0] = n;
            for (int i = 0; i < obs.length; i++) dims[i + 1] = obs[i];
            try (NDManager m = model.manager().newSubManager()) {
                float[] chunk = java.util.Arrays.copyOfRange(validationSet, start * size, (start + n) * size);
                sum += (double) validation.loss().apply(m.create(chunk, new Shape(dims))).getFloat() * n;
            }
        }
        return sum / count;
    }

    /**
     * Writes the checkpoint of {@code completed} steps; when a parameter or optimiser moment is not
     * finite the checkpoint is refused (the last finite one stays) and the divergence is returned.
     */
    private Divergence checkpoint(long completed, TrainingListener listener, WindowMeans window) {
        try {
            Checkpoint.save(run.file(RunDirectory.CHECKPOINT), completed, model, optimizers, window.sums());
        } catch (NonFiniteCheckpointException e) {
            return Divergence.ofCheckpointArray(completed, e.arrayName(), checkpointStep);
        }
        checkpointStep = completed;
        // status.json names the step a resume would start from, also if the process dies later (e.g. while scoring)
        run.writeStatus(RunDirectory.State.RUNNING, completed);
        listener.checkpointed(completed);
        return null;
    }

    private static NDArray sumOf(Losses losses) {
        List<NDArray> objectives = List.copyOf(losses.objectives().values());
        if (objectives.isEmpty()) throw new IllegalStateException("the model returned no objective");
        NDArray total = objectives.get(0);
        for (int i = 1; i < objectives.size(); i++) total = total.add(objectives.get(i));
        return total;
    }

    /** Images per second over the last few seconds of steps. */
    private static final class Throughput {
        private final int batchSize;
        private final ArrayDeque<Long> times = new ArrayDeque<>();

        Throughput(int batchSize) {
            this.batchSize = batchSize;
        }

        void tick() {
            long now = System.nanoTime();
            times.addLast(now);
            while (times.size() > 2 && now - times.peekFirst() > 5_000_000_000L) times.removeFirst();
        }

        double imagesPerSecond() {
            if (times.size() < 2) return 0;
            double seconds = (times.peekLast() - times.peekFirst()) / 1e9;
            return seconds > 0 ? (times.size() - 1) * batchSize / seconds : 0;
        }
    }

    /** Means of each term over the steps since the last log line; its sums go into every checkpoint. */
    private static final class WindowMeans {
        private final Map<String, double[]> sums = new LinkedHashMap<>();

        /** A window holding what a checkpoint kept of it. */
        WindowMeans(Map<String, double[]> restored) {
            restored.forEach((k, s) -> sums.put(k, s.clone()));
        }

        /** {sum, count} of each term, copies. */
        Map<String, double[]> sums() {
            Map<String, double[]> copy = new LinkedHashMap<>();
            sums.forEach((k, s) -> copy.put(k, s.clone()));
            return copy;
        }

        void add(Map<String, Float> terms) {
            terms.forEach((k, v) -> {
                double[] s = sums.computeIfAbsent(k, x -> new double[2]);
                s[0] += v;
                s[1]++;
            });
        }

        Map<String, Double> meansAndReset() {
            Map<String, Double> means = new LinkedHashMap<>();
            sums.forEach((k, s) -> means.put(k, s[0] / s[1]));
            sums.clear();
            return means;
        }
    }

    /** What batches are drawn from: the dataset's distribution, or the run's fixed training set of it. */
    private GroundTruthDataset trainingData() {
        if (config.trainingSet() == null) return dataset;
        return new org.disentangle4j.data.FiniteTrainingSet(dataset, config.trainingSet(),
                org.disentangle4j.model.Seeds.mix(config.seed(), org.disentangle4j.model.Seeds.TRAINING_SET, 0));
    }
}
