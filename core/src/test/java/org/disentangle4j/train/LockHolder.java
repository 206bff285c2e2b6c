package org.disentangle4j.train;

import java.nio.file.Path;

/** A separate process that takes a run directory's lock, says so, and holds it until its input closes or it is killed. */
public final class LockHolder {
    private LockHolder() {}

    public static void main(String[] args) throws Exception {
        try (RunLock lock = RunLock.acquire(Path.of(args[0]), "trained")) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold
            }
        }
    }
}
