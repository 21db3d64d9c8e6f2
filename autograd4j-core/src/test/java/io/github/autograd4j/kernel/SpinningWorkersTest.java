package io.github.autograd4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link SpinningWorkers}: every part runs once, on the workers and the caller, and failures come back to the caller. */
class SpinningWorkersTest {

    @Test
    void runsEveryPartOnceAndTheCallersOnTheCallingThread() {
        SpinningWorkers workers = new SpinningWorkers(3, "test-workers");
        for (int job = 0; job < 200; job++) { // parks and spins in between
            int[] done = new int[4];
            Set<Thread> threads = ConcurrentHashMap.newKeySet();
            Thread caller = Thread.currentThread();
            List<Runnable> others = List.of(
                    () -> { done[1]++; threads.add(Thread.currentThread()); },
                    () -> { done[2]++; threads.add(Thread.currentThread()); },
                    () -> { done[3]++; threads.add(Thread.currentThread()); });
            workers.run(others, () -> { done[0]++; assertSame(caller, Thread.currentThread()); });
            assertEquals("[1, 1, 1, 1]", Arrays.toString(done), "job " + job);
            assertEquals(3, threads.size());
            assertTrue(threads.stream().allMatch(t -> t.getName().startsWith("test-workers-") && t.isDaemon()));
        }
    }

    @Test
    void aFailingPartIsRethrownAfterAllPartsAreDoneAndTheWorkersStayUsable() {
        SpinningWorkers workers = new SpinningWorkers(2, "test-workers");
        AtomicInteger finished = new AtomicInteger();
        IllegalStateException boom = new IllegalStateException("part 2 failed");
        Runnable slow = () -> {
            sleep(50);
            finished.incrementAndGet();
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> workers.run(List.of(slow, () -> { throw boom; }), finished::incrementAndGet));
        assertSame(boom, e);
        assertEquals(2, finished.get(), "the slow part finished before the failure came back");

        AssertionError error = new AssertionError("caller's part");
        assertSame(error, assertThrows(AssertionError.class, () -> workers.run(List.of(slow), () -> { throw error; })));
        assertEquals(3, finished.get());

        workers.run(List.of(finished::incrementAndGet, finished::incrementAndGet), finished::incrementAndGet);
        assertEquals(6, finished.get());
    }

    @Test
    void aSecondCallerWhileTheWorkersAreBusyRunsItsPartsItself() throws InterruptedException {
        SpinningWorkers workers = new SpinningWorkers(1, "test-workers");
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread first = new Thread(() -> workers.run(List.of(() -> {
            holding.countDown();
            await(release);
        }), () -> { }));
        first.start();
        assertTrue(holding.await(10, TimeUnit.SECONDS));

        Thread caller = Thread.currentThread();
        AtomicInteger onCaller = new AtomicInteger();
        Runnable part = () -> {
            if (Thread.currentThread() == caller) {
                onCaller.incrementAndGet();
            }
        };
        workers.run(List.of(part), part);
        assertEquals(2, onCaller.get());

        release.countDown();
        first.join(10_000);
        workers.run(List.of(part), () -> { });
        assertEquals(2, onCaller.get(), "the workers are free again");
    }

    @Test
    void refusesMorePartsThanWorkers() {
        SpinningWorkers workers = new SpinningWorkers(1, "test-workers");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> workers.run(List.of(() -> { }, () -> { }), () -> { }));
        assertEquals("SpinningWorkers: 2 parts for 1 workers", e.getMessage());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
