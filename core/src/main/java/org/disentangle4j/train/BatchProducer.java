package org.disentangle4j.train;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.model.BatchSampling;
import org.disentangle4j.model.Seeds;

/**
 * Renders training batches on a background thread, ahead of the engine, into a small pool of
 * reusable direct buffers (no native allocation per step).
 *
 * <p>The batch of step t depends only on (seed, t), so a resumed run sees exactly the batches an
 * uninterrupted run would have seen. Batches are drawn as the model's {@link BatchSampling} asks:
 * with pairs, each observation's partner is drawn independently from the same distribution (its
 * own random stream, so the first observations of a pair batch are those of an i.i.d. batch);
 * with a labelled fraction, round(fraction · B) rows of each batch, chosen at random, are
 * labelled.
 */
public final class BatchProducer implements AutoCloseable {
    /**
     * A rendered batch; hand it back with {@link #recycle} once the engine is done with it.
     *
     * @param pixels the observations, followed (for pairs) by their partners
     * @param partnerFactors the partners' factors, null without pairs
     * @param labelled which rows are labelled, null when none is
     */
    public record HostBatch(long step, ByteBuffer pixels, int[][] factors, int[][] partnerFactors, boolean[] labelled) {}

    private final GroundTruthDataset dataset;
    private final int batchSize;
    private final long seed;
    private final BatchSampling sampling;
    private final BlockingQueue<ByteBuffer> free;
    private final BlockingQueue<Object> ready;
    private final Thread thread;
    /** CPU time the producer thread has used so far (0 where the JVM cannot measure thread CPU time). */
    private volatile long cpuNanos;

    /**
     * @param firstStep first step to render
     * @param endStep one past the last step to render
     * @param prefetch how many batches may wait ready at once
     */
    public BatchProducer(GroundTruthDataset dataset, int batchSize, long seed, long firstStep, long endStep, int prefetch) {
        this(dataset, BatchSampling.IID, batchSize, seed, firstStep, endStep, prefetch);
    }

    public BatchProducer(GroundTruthDataset dataset, BatchSampling sampling, int batchSize, long seed, long firstStep, long endStep,
            int prefetch) {
        this.dataset = dataset;
        this.sampling = sampling;
        this.batchSize = batchSize;
        this.seed = seed;
        int pool = prefetch + 2; // ready ones + the one in use + the one being rendered
        this.free = new ArrayBlockingQueue<>(pool);
        this.ready = new ArrayBlockingQueue<>(pool);
        long bytes = (long) views() * batchSize * dataset.observationSize() * Float.BYTES;
        for (int i = 0; i < pool; i++) free.add(ByteBuffer.allocateDirect(Math.toIntExact(bytes)).order(ByteOrder.nativeOrder()));
        this.thread = new Thread(() -> produce(firstStep, endStep), "batch-producer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** The factor vectors of the batch of {@code step}: the same for every run with this seed. */
    public static int[][] factorsOfStep(GroundTruthDataset dataset, int batchSize, long seed, long step) {
        return dataset.sampleFactors(batchSize, new SplittableRandom(Seeds.mix(seed, Seeds.DATA, step)));
    }

    /** The partners' factors of the batch of {@code step} (pairs only). */
    public static int[][] partnerFactorsOfStep(GroundTruthDataset dataset, int batchSize, long seed, long step) {
        return dataset.sampleFactors(batchSize, new SplittableRandom(Seeds.mix(seed, Seeds.PAIRS, step)));
    }

    /** Which rows of the batch of {@code step} are labelled: round(fraction · B) of them, chosen at random; null when none. */
    public static boolean[] labelledRowsOfStep(double fraction, int batchSize, long seed, long step) {
        int count = (int) Math.round(fraction * batchSize);
        if (count == 0) return null;
        boolean[] labelled = new boolean[batchSize];
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed, Seeds.LABELS, step));
        int[] order = new int[batchSize];
        for (int i = 0; i < batchSize; i++) order[i] = i;
        for (int i = 0; i < count; i++) { // the first `count` of a Fisher–Yates shuffle
            int j = i + random.nextInt(batchSize - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
            labelled[order[i]] = true;
        }
        return labelled;
    }

    private int views() {
        return sampling.pairs() ? 2 : 1;
    }

    private void produce(long firstStep, long endStep) {
        int size = dataset.observationSize();
        float[] scratch = new float[views() * batchSize * size];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean measured = threads.isCurrentThreadCpuTimeSupported();
        long cpuAtStart = measured ? threads.getCurrentThreadCpuTime() : 0;
        try {
            for (long step = firstStep; step < endStep; step++) {
                int[][] factors = factorsOfStep(dataset, batchSize, seed, step);
                for (int i = 0; i < batchSize; i++) dataset.render(factors[i], scratch, i * size);
                int[][] partners = null;
                if (sampling.pairs()) {
                    partners = partnerFactorsOfStep(dataset, batchSize, seed, step);
                    for (int i = 0; i < batchSize; i++) dataset.render(partners[i], scratch, (batchSize + i) * size);
                }
                boolean[] labelled = labelledRowsOfStep(sampling.labelledFraction(), batchSize, seed, step);
                ByteBuffer buffer = free.take();
                buffer.clear();
                buffer.asFloatBuffer().put(scratch);
                if (measured) cpuNanos = threads.getCurrentThreadCpuTime() - cpuAtStart;
                ready.put(new HostBatch(step, buffer, factors, partners, labelled));
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error failure) {
            ready.offer(failure);
        }
    }

    /** The next batch in step order; waits while it is rendered. */
    public HostBatch take() throws InterruptedException {
        Object next = ready.take();
        if (next instanceof RuntimeException e) throw e;
        if (next instanceof Error e) throw e;
        return (HostBatch) next;
    }

    /** Seconds of CPU the producer has spent rendering and copying batches so far: work taken from the engine's cores. */
    public double cpuSeconds() {
        return cpuNanos / 1e9;
    }

    public void recycle(HostBatch batch) {
        free.offer(batch.pixels());
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
