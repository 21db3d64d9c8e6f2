package io.github.autograd4j.testing;

import static io.github.autograd4j.testing.AutogradAssertions.assertThatGraph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.AnomalyException;
import io.github.autograd4j.Grad;
import io.github.autograd4j.Node;
import io.github.autograd4j.Value;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * The extension under JUnit's parallel execution (turned on for this module's surefire run): two
 * tests meet at a barrier, so they are certainly running at once on two threads, and each then
 * checks that its own state (tracked graphs, anomaly detection, recording, seed) is its own while
 * the other's differs.
 */
@AutogradTest
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = Resources.SYSTEM_PROPERTIES, mode = ResourceAccessMode.READ)
class ParallelExtensionTest {

    private static final CyclicBarrier BOTH_RUNNING = new CyclicBarrier(2);
    private static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    /** Waits for the other test; fails when it does not come, which means the two were not run at once. */
    private static void meetTheOther() throws Exception {
        try {
            BOTH_RUNNING.await(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the two tests did not run at the same time: is junit.jupiter.execution.parallel.enabled"
                    + " set for this module's surefire run?", e);
        }
    }

    private static void checkOwnState(String name, Node mine) {
        assertEquals(List.of(mine), TestState.current().roots(), name + " sees its own graph only");
        assertThrows(AnomalyException.class, () -> Value.of(-1.0).log(), name + ": anomaly detection is on in this thread");
    }

    @Test
    void firstTurnsRecordingOffWhileTheOtherRuns(Random rng) throws Exception {
        Value mine = Value.of(1.0, "first").mul(2.0).label("firstRoot");
        assertThatGraph(mine).hasNodeCount(2);
        SEEN.put("firstSeed", rng.nextLong());
        SEEN.put("firstThread", Thread.currentThread().getName());
        try (var off = Grad.disabled()) {
            meetTheOther();   // both running; recording is off here only
            meetTheOther();   // the other has checked its own recording
        }
        checkOwnState("first", mine);
    }

    @Test
    void secondRecordsWhileTheFirstHasItOff(Random rng) throws Exception {
        Value mine = Value.of(3.0, "second").exp().label("secondRoot");
        assertThatGraph(mine).hasNodeCount(2);
        SEEN.put("secondSeed", rng.nextLong());
        SEEN.put("secondThread", Thread.currentThread().getName());
        meetTheOther();
        assertTrue(Grad.isEnabled(), "the first test's Grad.disabled() is its own thread's");
        assertTrue(Value.of(1.0).mul(2.0).requiresGrad(), "and this thread records");
        checkOwnState("second", mine);
        meetTheOther();
    }

    @AfterAll
    static void theTwoRanOnTwoThreadsWithTheirOwnSeeds() {
        assertNotEquals(SEEN.get("firstThread"), SEEN.get("secondThread"));
        assertNotEquals(SEEN.get("firstSeed"), SEEN.get("secondSeed"));
    }
}
