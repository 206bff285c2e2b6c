package org.disentangle4j.metrics.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Runs independent tasks on all cores, the costliest first so the cores finish together. Each
 * task writes only its own results, so the outcome does not depend on scheduling.
 */
public final class Parallel {
    private Parallel() {}

    public static void forEach(int count, IntToDoubleFunction cost, IntConsumer task) {
        int threads = Math.min(count, Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            for (int i = 0; i < count; i++) task.accept(i);
            return;
        }
        List<Integer> order = new ArrayList<>(IntStream.range(0, count).boxed().toList());
        order.sort(Comparator.comparingDouble((Integer i) -> -cost.applyAsDouble(i)));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "metrics-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i : order) futures.add(pool.submit(() -> task.accept(i)));
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) throw re;
                    if (cause instanceof Error err) throw err;
                    throw new IllegalStateException(cause);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
