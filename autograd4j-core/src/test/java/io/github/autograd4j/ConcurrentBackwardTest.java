package io.github.autograd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Backward passes on several threads into one shared leaf add every gradient (none is lost), and
 * the functional API never touches a shared input's {@code grad()}.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ConcurrentBackwardTest {

    private static final int THREADS = 8;

    /** Runs {@code task} on {@link #THREADS} threads released together; returns their results. */
    private static <T> List<T> together(Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CyclicBarrier start = new CyclicBarrier(THREADS);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tensorPassesIntoASharedLeafLoseNothing() throws Exception {
        Tensor p = Tensor.zeros(3).requiresGrad(true);
        together(() -> {
            for (int i = 0; i < 200; i++) {
                p.mul(1.0).sum().backward();
            }
            return null;
        });
        assertArrayEquals(new double[] {1600, 1600, 1600}, p.grad().toArray());
    }

    @Test
    void valuePassesIntoASharedLeafLoseNothing() throws Exception {
        Value p = Value.of(0.5);
        together(() -> {
            for (int i = 0; i < 20_000; i++) {
                p.mul(2.0).add(p).backward();     // d/dp = 3, twice into p per pass
            }
            return null;
        });
        assertEquals(3.0 * THREADS * 20_000, p.grad());
    }

    @Test
    void passesThatReachSharedLeavesInOppositeOrdersNeitherLoseNorDeadlock() throws Exception {
        Value a = Value.of(1.0);
        Value b = Value.of(2.0);
        together(() -> {
            boolean flip = Thread.currentThread().getId() % 2 == 0;
            for (int i = 0; i < 5_000; i++) {
                (flip ? a.mul(b) : b.mul(a)).backward();
            }
            return null;
        });
        assertEquals(2.0 * THREADS * 5_000, a.grad());
        assertEquals(1.0 * THREADS * 5_000, b.grad());
    }

    @Test
    void theFunctionalApiNeverTouchesASharedInput() throws Exception {
        Tensor x = Tensor.vector(1, 2).requiresGrad(true);
        List<Boolean> allRight = together(() -> {
            boolean right = true;
            for (int i = 0; i < 500; i++) {
                Tensor g = Autograd.grad(x.mul(3).sum(), List.of(x), false).get(0);
                right &= g.get(0) == 3 && g.get(1) == 3;
            }
            return right;
        });
        assertEquals(List.of(true, true, true, true, true, true, true, true), allRight);
        assertNull(x.grad());
    }

    @Test
    void aStepperClosedEarlyLetsOtherThreadsIn() throws Exception {
        Value p = Value.of(1.0);
        try (BackwardSteps<Value, Double> steps = p.mul(2.0).tanh().backwardSteps()) {
            steps.next();
        }
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            other.submit(() -> p.mul(3.0).backward()).get(30, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
        assertEquals(3.0, p.grad(), "the closed stepper's rule for mul never ran; the other pass added 3");
    }
}
