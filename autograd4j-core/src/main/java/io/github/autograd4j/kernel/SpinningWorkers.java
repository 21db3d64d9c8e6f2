package io.github.autograd4j.kernel;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of daemon threads that run parts of one job beside the calling thread. After a part
 * each thread spins for {@link #SPIN_NANOS} before it parks, as OpenMP's runtimes do: the products of
 * one training step come a few hundred microseconds apart, and waking a parked thread took ~60 us
 * here, a tenth of a product's time on two threads.
 */
final class SpinningWorkers {

    /** How long an idle worker (or a caller waiting for one) spins before it parks (or yields). */
    static final long SPIN_NANOS = 500_000;

    private final Worker[] workers;
    private final AtomicBoolean taken = new AtomicBoolean();

    /** {@code count} threads named {@code name-1 .. name-count}. */
    SpinningWorkers(int count, String name) {
        workers = new Worker[count];
        for (int i = 0; i < count; i++) {
            workers[i] = new Worker(name + "-" + (i + 1));
            workers[i].start();
        }
    }

    /**
     * Runs {@code others} (at most one per worker) on the workers and {@code own} on the calling
     * thread, waits for all of them, then rethrows the first failure, if any. While another thread's
     * job holds the workers, the caller runs every part itself.
     */
    void run(List<Runnable> others, Runnable own) {
        if (others.size() > workers.length) {
            throw new IllegalArgumentException("SpinningWorkers: " + others.size() + " parts for " + workers.length + " workers");
        }
        if (!taken.compareAndSet(false, true)) {
            others.forEach(Runnable::run);
            own.run();
            return;
        }
        Throwable failure = null;
        try {
            for (int i = 0; i < others.size(); i++) {
                workers[i].hand(others.get(i));
            }
            try {
                own.run();
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            for (int i = 0; i < others.size(); i++) {
                Throwable t = workers[i].await();
                failure = failure == null ? t : failure;
            }
        } finally {
            taken.set(false);
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException("SpinningWorkers: a part failed", failure);
        }
    }

    /** One thread that runs the parts handed to it, one at a time. */
    private static final class Worker extends Thread {
        private final AtomicReference<Runnable> next = new AtomicReference<>();
        private volatile boolean busy;
        private Throwable failure;

        Worker(String name) {
            super(name);
            setDaemon(true);
        }

        void hand(Runnable part) {
            busy = true;
            next.set(part);
            LockSupport.unpark(this);
        }

        /** Waits until the part handed last is done; its failure, or null. */
        Throwable await() {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (busy) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            return failure; // written before busy was cleared
        }

        @Override
        public void run() {
            while (true) {
                Runnable part = take();
                failure = null;
                try {
                    part.run();
                } catch (Throwable t) {
                    failure = t;
                }
                busy = false;
            }
        }

        private Runnable take() {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            Runnable part;
            while ((part = next.getAndSet(null)) == null) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            return part;
        }
    }
}
