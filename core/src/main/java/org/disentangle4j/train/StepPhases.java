package org.disentangle4j.train;

import java.util.Arrays;

/**
 * Where the training loop's wall time goes, summed over steps: waiting for the batch, the
 * engine's forward pass (with handing it the batch), backward pass and optimiser update, reading
 * the loss values back, freeing the step's arrays, and the rest (logging, the progress bar,
 * validation, checkpoints; the last step's rest is not counted).
 *
 * <p>The CPU engine runs each operation before it returns, so the time of a phase is the work of
 * that phase. An asynchronous device (a GPU) would shift its work into the first phase that reads
 * a value back ("read losses").
 */
public final class StepPhases {
    /** The phases of one step, in the order they run. */
    public enum Phase {
        WAIT("wait for batch"),
        FORWARD("forward"),
        BACKWARD("backward"),
        OPTIMISER("optimiser"),
        READ("read losses"),
        RELEASE("free step arrays"),
        REST("log, validation, checkpoint");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Whether the engine's own work (forward, backward, update): what a bare loop would also spend. */
        public boolean isEngine() {
            return this == FORWARD || this == BACKWARD || this == OPTIMISER;
        }
    }

    private final long[] nanos = new long[Phase.values().length];
    private long steps;
    private double producerCpuSeconds;

    /** Adds the time from {@code since} to now to the phase; returns now, where the next phase starts. */
    long lap(Phase phase, long since) {
        long now = System.nanoTime();
        nanos[phase.ordinal()] += now - since;
        return now;
    }

    /** Counts a finished step, with the batch producer's CPU seconds so far in this loop. */
    void countStep(double producerCpuSecondsSoFar) {
        steps++;
        producerCpuSeconds = producerCpuSecondsSoFar;
    }

    /**
     * CPU seconds the background batch producer spent (not a phase of the loop: it runs beside
     * it, on the same cores as the engine's threads).
     */
    public double producerCpuSeconds() {
        return producerCpuSeconds;
    }

    public long steps() {
        return steps;
    }

    public double seconds(Phase phase) {
        return nanos[phase.ordinal()] / 1e9;
    }

    public double totalSeconds() {
        return Arrays.stream(nanos).sum() / 1e9;
    }

    /** The engine's share of the loop's time: the loop's speed as a fraction of the engine alone. */
    public double engineFraction() {
        double engine = 0;
        for (Phase p : Phase.values()) {
            if (p.isEngine()) engine += seconds(p);
        }
        double total = totalSeconds();
        return total > 0 ? engine / total : 0;
    }

    public StepPhases copy() {
        StepPhases c = new StepPhases();
        System.arraycopy(nanos, 0, c.nanos, 0, nanos.length);
        c.steps = steps;
        c.producerCpuSeconds = producerCpuSeconds;
        return c;
    }

    /** The phases of the steps after {@code earlier} (a copy taken from the same loop). */
    public StepPhases since(StepPhases earlier) {
        StepPhases d = new StepPhases();
        for (int i = 0; i < nanos.length; i++) d.nanos[i] = nanos[i] - earlier.nanos[i];
        d.steps = steps - earlier.steps;
        d.producerCpuSeconds = producerCpuSeconds - earlier.producerCpuSeconds;
        return d;
    }

    /** One line: milliseconds per step of each phase and its share, then the producer's CPU per step. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        double total = totalSeconds();
        for (Phase p : Phase.values()) {
            if (s.length() > 0) s.append(", ");
            s.append(String.format("%s %.1f ms (%.0f%%)", p.label(), steps > 0 ? 1000 * seconds(p) / steps : 0,
                    total > 0 ? 100 * seconds(p) / total : 0));
        }
        s.append(String.format("; beside the loop, the batch producer used %.1f ms of CPU per step (%.0f%% of one core)",
                steps > 0 ? 1000 * producerCpuSeconds / steps : 0, total > 0 ? 100 * producerCpuSeconds / total : 0));
        return s.toString();
    }
}
