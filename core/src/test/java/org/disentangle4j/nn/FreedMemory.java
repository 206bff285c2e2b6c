package org.disentangle4j.nn;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The disturbance of the autograd memory-safety tests: collects garbage (so unreachable direct
 * buffers are freed) and refills the freed small blocks with NaN-filled buffers kept alive, so a
 * tensor whose Java buffer the backward pass still reads would read NaN.
 */
public final class FreedMemory {
    private static final List<Object> KEEP = new ArrayList<>();

    private FreedMemory() {}

    public static void refillWithNaN() {
        try {
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(50); // the reference handler frees direct memory after the collection
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ByteBuffer> keep = new ArrayList<>();
        for (int i = 0; i < 4096; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4 + (i % 4) * 4).order(ByteOrder.nativeOrder());
            while (b.remaining() >= 4) b.putFloat(Float.NaN);
            keep.add(b);
        }
        synchronized (KEEP) {
            KEEP.add(keep);
        }
    }
}
