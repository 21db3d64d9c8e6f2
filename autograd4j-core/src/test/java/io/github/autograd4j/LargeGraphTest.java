package io.github.autograd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The graph sizes the design promises: a chain of 10^7 nodes and a 2000 x 2000 diamond lattice
 * (8 million nodes) back-propagate without a stack overflow and with exact gradients, on the
 * scalar engine in the default run (about 10 s together, with the surefire heap of 4 GB) and on
 * the tensor engine in the {@code slow} group, kept out of it:
 * {@code mvn -B verify -pl autograd4j-core -Dgroups=slow -DexcludedGroups=} (docs/testing.md).
 * Each prints its node count and its build and backward times.
 */
class LargeGraphTest {

    /** {@code v = v + x}, ten million times: each node's gradient is 1 and x's is the count plus one, exactly. */
    @Test
    void aChainOfTenMillionNodes() {
        int n = 10_000_000;
        long start = System.nanoTime();
        Value x = Value.of(0.25, "x");
        Value v = chain(x, Value::add, n);
        long built = System.nanoTime();
        v.backward();
        report("chain", n, start, built);
        assertEquals(n + 1.0, x.grad(), 0.0);
        assertEquals((n + 1) * 0.25, v.data(), 0.0);
    }

    /**
     * A lattice 2000 wide and 2000 deep, {@code next[j] = 0.5 * (prev[j] + prev[j+1 mod w])}: the
     * sum of the last layer has gradient exactly 1 with respect to every input (a node visited
     * twice or a contribution lost would show as 2 or 0.5).
     */
    @Test
    void aTwoThousandByTwoThousandDiamondLattice() {
        int width = 2000;
        int depth = 2000;
        long start = System.nanoTime();
        Value[] inputs = new Value[width];
        for (int j = 0; j < width; j++) {
            inputs[j] = Value.of(j);
        }
        Value[] layer = inputs;
        for (int d = 0; d < depth; d++) {
            Value[] next = new Value[width];
            for (int j = 0; j < width; j++) {
                next[j] = layer[j].add(layer[(j + 1) % width]).mul(0.5);
            }
            layer = next;
        }
        Value root = layer[0];
        for (int j = 1; j < width; j++) {
            root = root.add(layer[j]);
        }
        long built = System.nanoTime();
        root.backward();
        report("lattice", 2L * width * depth + width - 1, start, built);
        for (int j = 0; j < width; j++) {
            assertEquals(1.0, inputs[j].grad(), 0.0, "input " + j);
        }
        assertEquals(width * (width - 1) / 2.0, root.data(), 1e-3);
    }

    /** The chain on the tensor engine: ten million 0-d tensors, each {@code v + x}. */
    @Test
    @Tag("slow")
    void aChainOfTenMillionTensors() {
        int n = 10_000_000;
        long start = System.nanoTime();
        Tensor x = Tensor.scalar(0.25).requiresGrad(true);
        Tensor v = chain(x, Tensor::add, n);
        long built = System.nanoTime();
        v.backward();
        report("tensor chain", n, start, built);
        assertEquals(n + 1.0, x.grad().item(), 0.0);
    }

    /** {@code x + x + ... + x}, {@code n} additions, each on the previous sum. */
    private static <T> T chain(T x, BinaryOperator<T> add, int n) {
        T v = x;
        for (int i = 0; i < n; i++) {
            v = add.apply(v, x);
        }
        return v;
    }

    private static void report(String graph, long nodes, long start, long built) {
        long end = System.nanoTime();
        System.out.printf("LargeGraphTest %s: %,d nodes, built in %.2f s, backward in %.2f s%n",
                graph, nodes, (built - start) / 1e9, (end - built) / 1e9);
    }
}
