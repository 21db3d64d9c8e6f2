package io.github.autograd4j.examples.bench;

import io.github.autograd4j.Value;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Backward through a chain of {@link #length} scalar nodes ({@code y = y * c + d}, alternating),
 * built afresh before each call, in one-shot mode. {@link #main} reports the heap the graph takes
 * and the heap left once the graph is dropped after backward.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@State(Scope.Thread)
public class DeepChainBenchmark {

    /** Nodes in the chain. */
    @Param({"10000000"})
    public int length;

    private Value root;

    /** A new chain for each call, so that every backward starts from zero gradients. */
    @Setup(Level.Invocation)
    public void build() {
        root = null;
        root = chain(length);
    }

    /** One backward pass from the end of the chain. */
    @Benchmark
    public Value backward() {
        root.backward();
        return root;
    }

    /** A chain of {@code length} nodes from one leaf: multiply by 1.0000001, add 1e-9, in turn. */
    static Value chain(int length) {
        Value y = Value.of(1.0);
        for (int i = 1; i < length; i++) {
            y = i % 2 == 0 ? y.mul(1.0000001) : y.add(1e-9);
        }
        return y;
    }

    /** Prints the heap held by a chain of {@code args[0]} nodes (default 10^7) and after it is dropped. */
    public static void main(String[] args) {
        int length = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long base = usedAfterGc(memory);
        Value root = chain(length);
        long built = usedAfterGc(memory);
        long t = System.nanoTime();
        root.backward();
        double millis = (System.nanoTime() - t) / 1e6;
        long afterBackward = usedAfterGc(memory);
        root = null;
        long dropped = usedAfterGc(memory);
        System.out.printf(Locale.ROOT, "chain of %d nodes: graph %.0f MB (%.0f bytes/node), backward %.0f ms;"
                        + " after backward %.0f MB; after dropping the root %.0f MB%n",
                length, (built - base) / 1e6, (double) (built - base) / length, millis,
                (afterBackward - base) / 1e6, (dropped - base) / 1e6);
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
