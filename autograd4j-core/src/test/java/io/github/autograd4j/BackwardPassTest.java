package io.github.autograd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The graph engine: ordering, deep and wide graphs, accumulation, thread confinement. */
class BackwardPassTest {

    @Test
    void aChainOfAMillionNodesBackPropagatesWithoutRecursion() {
        // Each link multiplies by a factor whose product is exactly representable: 1.0 and -1.0 alternate.
        int n = 1_000_000;
        Value x = Value.of(0.5, "x");
        Value v = x;
        for (int i = 0; i < n; i++) {
            v = v.mul(i % 2 == 0 ? -1.0 : 1.0).add(1.0);
        }
        v.backward();
        assertEquals(1.0, x.grad(), 0.0);   // (-1)^(n/2) with n/2 even
        assertEquals(1.0, v.grad(), 0.0);
    }

    @Test
    void aPassThroughAMillionNodeChainAllocatesAboutOneReferencePerNode() {
        // Arrays that double as they grow, copied and trimmed, took about seven references per node
        // (the order, the stack and its input indices); in chunks, the order fills those the stack empties.
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        int n = 1_000_000;
        Value x = Value.of(0.5);
        Value v = x;
        for (int i = 0; i < n; i++) {
            v = v.add(1.0);
        }
        v.backward();
        long before = threads.getCurrentThreadAllocatedBytes();
        v.backward();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        long perReference = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("UseCompressedOops").getValue().equals("true") ? 4 : 8;
        assertEquals(2.0, x.grad(), 0.0);
        assertTrue(allocated < 3 * perReference * n / 2, "a pass through " + n + " nodes allocated " + allocated + " bytes");
    }

    @Test
    void aDeepGraphWithSideBranchesWalksAcrossStackChunksInOrder() {
        // Each link adds a product of the leaf, so the walk's stack rises two entries per link, past
        // several chunks, and comes back down through them; every link adds exactly 1 to x's gradient.
        int n = 3 * NodeChunks.CHUNK + 17;
        Value x = Value.of(1.0);
        Value v = x;
        for (int i = 0; i < n; i++) {
            v = v.add(x.mul(1.0).add(0.0));
        }
        v.backward();
        assertEquals(n + 1.0, x.grad(), 0.0);
        Node[] order = BackwardPass.topologicalOrder(v, false);
        assertEquals(3 * n + 1, order.length);
        java.util.Set<Node> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Node node : order) {
            for (int i = 0; i < node.inputCount(); i++) {
                assertTrue(seen.contains(node.input(i)), "input before " + node);
            }
            assertTrue(seen.add(node), "twice: " + node);
        }
    }

    @Test
    void aThousandByThousandDiamondLatticeGivesExactGradients() {
        // Each node feeds two nodes of the next layer: next[j] = 0.5 * (prev[j] + prev[j+1 mod w]).
        // The sum of the last layer then has gradient exactly 1 with respect to every node, so a
        // node visited twice (or a contribution lost) would show as 2 (or 0.5).
        int width = 1000;
        int depth = 1000;
        Value[] first = new Value[width];
        for (int j = 0; j < width; j++) {
            first[j] = Value.of(j);
        }
        Value[] layer = first;
        Value[] middle = null;
        for (int d = 0; d < depth; d++) {
            Value[] next = new Value[width];
            for (int j = 0; j < width; j++) {
                next[j] = layer[j].add(layer[(j + 1) % width]).mul(0.5);
            }
            layer = next;
            if (d == depth / 2) {
                middle = next;
            }
        }
        Value root = layer[0];
        for (int j = 1; j < width; j++) {
            root = root.add(layer[j]);
        }
        root.backward();
        for (int j = 0; j < width; j++) {
            assertEquals(1.0, first[j].grad(), 0.0, "input " + j);
            assertEquals(1.0, middle[j].grad(), 0.0, "middle node " + j);
        }
        assertEquals(width * (width - 1) / 2.0, root.data(), 1e-6);
    }

    @Test
    void topologicalOrderPutsEachNodeOnceAfterItsInputs() {
        Value a = Value.of(1);
        Value b = Value.of(2);
        Value c = a.mul(b);
        Value d = c.add(a).mul(c);
        Node[] order = BackwardPass.topologicalOrder(d, false);
        assertEquals(5, order.length);
        assertSame(d, order[4]);
        List<Node> seen = new ArrayList<>();
        for (Node node : order) {
            for (int i = 0; i < node.inputCount(); i++) {
                assertEquals(true, seen.contains(node.input(i)), "input before " + node);
            }
            seen.add(node);
        }
    }

    @Test
    void constantsAreNotVisited() {
        Value x = Value.of(2);
        Value c = Value.constant(3);
        Node[] order = BackwardPass.topologicalOrder(x.mul(c).add(c), false);
        assertEquals(3, order.length);
    }

    @Test
    void gradientsAccumulateAcrossBackwardCallsAndZeroGradClears() {
        Value w = Value.of(3.0);
        Value y = w.mul(w);        // dy/dw = 6
        y.backward();
        assertEquals(6.0, w.grad());
        y.backward();              // a scalar graph keeps its values: a second pass works
        assertEquals(12.0, w.grad());
        assertEquals(1.0, y.grad(), "an interior node holds the last pass's gradient, not a sum");
        w.zeroGrad();
        y.backward();
        assertEquals(6.0, w.grad());
    }

    @Test
    void aPassFromAnInteriorNodeStartsItsBuffersFromZero() {
        Value w = Value.of(2.0);
        Value h = w.mul(3.0);       // shared interior node
        Value y = h.mul(h);         // dy/dh = 2h = 12
        Value z = h.add(1.0);       // dz/dh = 1
        y.backward();
        assertEquals(12.0, h.grad());
        z.backward();
        assertEquals(1.0, h.grad());
        assertEquals(36.0 + 3.0, w.grad());
    }

    @Test
    void backwardOnALeafAddsOne() {
        Value w = Value.of(3.0);
        w.backward();
        w.backward();
        assertEquals(2.0, w.grad());
    }

    @Test
    void gradDisabledRecordsNothingAndScopesNest() {
        Value x = Value.of(2.0);
        try (var outer = Grad.disabled()) {
            Value y = x.mul(x);
            assertEquals(true, y.isLeaf());
            assertEquals(false, y.requiresGrad());
            assertEquals(false, Grad.isEnabled());
            try (var inner = Grad.enabled()) {
                assertEquals(false, x.mul(x).isLeaf());
            }
            assertEquals(false, Grad.isEnabled());
            outer.close();
            outer.close();   // closing twice is harmless
            assertEquals(true, Grad.isEnabled());
        }
        assertEquals(true, Grad.isEnabled());
        assertEquals(false, x.mul(x).isLeaf());
    }

    @Test
    void threadsNeverSeeEachOthersRecordingStateOrMarks() throws Exception {
        int threads = 8;
        double[][] sequential = new double[threads][];
        for (int t = 0; t < threads; t++) {
            sequential[t] = trainSomeSteps(t);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                futures.add(pool.submit(() -> {
                    if (seed % 2 == 1) {
                        // an odd thread holds recording off while the others build graphs
                        try (var off = Grad.disabled()) {
                            Value v = Value.of(1.0);
                            for (int i = 0; i < 10_000; i++) {
                                if (!v.mul(2.0).isLeaf()) {
                                    throw new AssertionError("recorded under Grad.disabled()");
                                }
                            }
                        }
                    }
                    return trainSomeSteps(seed);
                }));
            }
            for (int t = 0; t < threads; t++) {
                assertArrayEquals(sequential[t], futures.get(t).get(), "thread " + t);
            }
        } finally {
            pool.shutdown();
        }
    }

    /** A few steps of gradient descent on a small graph of its own; deterministic per seed. */
    private static double[] trainSomeSteps(int seed) {
        Value[] w = {Value.of(0.1 * seed), Value.of(-0.3), Value.of(0.7 + seed)};
        for (int step = 0; step < 200; step++) {
            Value loss = Value.constant(0.0);
            for (int i = 0; i < 20; i++) {
                double xi = i / 10.0 - 1.0;
                Value pred = w[0].mul(xi * xi).add(w[1].mul(xi)).add(w[2]).tanh();
                loss = loss.add(pred.sub(Math.sin(xi + seed)).pow(2.0));
            }
            for (Value p : w) {
                p.zeroGrad();
            }
            loss.backward();
            try (var off = Grad.disabled()) {
                for (Value p : w) {
                    p.setData(p.data() - 0.01 * p.grad());
                }
            }
        }
        return new double[] {w[0].data(), w[1].data(), w[2].data()};
    }
}
