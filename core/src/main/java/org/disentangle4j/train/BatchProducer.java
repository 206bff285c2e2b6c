package org.disentangle4j.train;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.model.Seeds;

/**
 * Renders training batches on a background thread, ahead of the engine, into a small pool of
 * reusable direct buffers (no native allocation per step).
 *
 * <p>The batch of step t depends only on (seed, t), so a resumed run sees exactly the batches an
 * uninterrupted run would have seen.
 */
public final class BatchProducer implements AutoCloseable {
    /** A rendered batch; hand it back with {@link #recycle} once the engine is done with it. */
    public record HostBatch(long step, ByteBuffer pixels, int[][] factors) {}

    private final GroundTruthDataset dataset;
    private final int batchSize;
    private final long seed;
    private final BlockingQueue<ByteBuffer> free;
    private final BlockingQueue<Object> ready;
    private final Thread thread;

    /**
     * @param firstStep first step to render
     * @param endStep one past the last step to render
     * @param prefetch how many batches may wait ready at once
     */
    public BatchProducer(GroundTruthDataset dataset, int batchSize, long seed, long firstStep, long endStep, int prefetch) {
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.seed = seed;
        int pool = prefetch + 2; // ready ones + the one in use + the one being rendered
        this.free = new ArrayBlockingQueue<>(pool);
        this.ready = new ArrayBlockingQueue<>(pool);
        long bytes = (long) batchSize * dataset.observationSize() * Float.BYTES;
        for (int i = 0; i < pool; i++) free.add(ByteBuffer.allocateDirect(Math.toIntExact(bytes)).order(ByteOrder.nativeOrder()));
        this.thread = new Thread(() -> produce(firstStep, endStep), "batch-producer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** The factor vectors of the batch of {@code step}: the same for every run with this seed. */
    public static int[][] factorsOfStep(GroundTruthDataset dataset, int batchSize, long seed, long step) {
        return dataset.sampleFactors(batchSize, new SplittableRandom(Seeds.mix(seed, Seeds.DATA, step)));
    }

    private void produce(long firstStep, long endStep) {
        float[] scratch = new float[batchSize * dataset.observationSize()];
        int size = dataset.observationSize();
        try {
            for (long step = firstStep; step < endStep; step++) {
                int[][] factors = factorsOfStep(dataset, batchSize, seed, step);
                for (int i = 0; i < batchSize; i++) dataset.render(factors[i], scratch, i * size);
                ByteBuffer buffer = free.take();
                buffer.clear();
                buffer.asFloatBuffer().put(scratch);
                ready.put(new HostBatch(step, buffer, factors));
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

    public void recycle(HostBatch batch) {
        free.offer(batch.pixels());
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
