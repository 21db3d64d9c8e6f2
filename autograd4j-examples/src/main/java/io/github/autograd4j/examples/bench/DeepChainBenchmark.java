package io.github.autograd4j.examples.bench;

import io.github.autograd4j.Value;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
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
 * built afresh before each call, in one-shot mode, at 10^6 and 10^7 nodes: the time per node
 * should not grow with the length. {@link #main} prints the time per node at each length and
 * their ratio, whether the heap was pre-touched ({@code -XX:+AlwaysPreTouch}: without it, the
 * first pass through fresh heap pays the page faults), the heap the graph takes and the heap
 * left once the graph is dropped after backward.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@State(Scope.Thread)
public class DeepChainBenchmark {

    /** Nodes in the chain. */
    @Param({"1000000", "10000000"})
    public int length;

    private Value root;

    /**
     * A new chain for each call, so that every backward starts from zero gradients; then a full
     * collection, so that the pass is not charged for copying the young chain the setup just built
     * (a young collection copies a linked chain one link at a time, and would land in whichever
     * pass first fills the young generation).
     */
    @Setup(Level.Invocation)
    public void build() {
        root = null;
        root = chain(length);
        System.gc();
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

    /**
     * For each length in {@code args} (default 10^6 and 10^7): builds a chain, backward three times
     * (the median of the wall-clock times is printed, and that of this thread's CPU times, which a
     * shared machine's other processes stretch less but which leaves out the collector's threads),
     * and the heap it holds; then the ratio of the wall-clock time per node at the last length to
     * the first.
     */
    public static void main(String[] args) {
        int[] lengths = args.length > 0 ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
                : new int[] {1_000_000, 10_000_000};
        boolean preTouched = ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:+AlwaysPreTouch");
        for (int i = 0; i < 20; i++) {
            chain(100_000).backward();   // compiles the pass before the first measured one
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] nanosPerNode = new double[lengths.length];
        for (int k = 0; k < lengths.length; k++) {
            int length = lengths[k];
            long base = usedAfterGc(memory);
            Value root = chain(length);
            long built = usedAfterGc(memory);
            double[] millis = new double[3];
            double[] cpuMillis = new double[3];
            for (int r = 0; r < millis.length; r++) {
                long cpu = threads.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                root.backward();
                millis[r] = (System.nanoTime() - t) / 1e6;
                cpuMillis[r] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
            }
            Arrays.sort(millis);
            Arrays.sort(cpuMillis);
            nanosPerNode[k] = millis[1] * 1e6 / length;
            long afterBackward = usedAfterGc(memory);
            root = null;
            long dropped = usedAfterGc(memory);
            System.out.printf(Locale.ROOT, "chain of %d nodes: backward %.0f ms (median of 3), %.1f ns/node; thread CPU %.1f ns/node;"
                            + " graph %.0f MB (%.0f bytes/node); after backward %.0f MB; after dropping the root %.0f MB%n",
                    length, millis[1], nanosPerNode[k], cpuMillis[1] * 1e6 / length, (built - base) / 1e6, (double) (built - base) / length,
                    (afterBackward - base) / 1e6, (dropped - base) / 1e6);
        }
        System.out.printf(Locale.ROOT, "per-node time at %d nodes / at %d nodes: %.2f (heap %s)%n", lengths[lengths.length - 1],
                lengths[0], nanosPerNode[lengths.length - 1] / nanosPerNode[0],
                preTouched ? "pre-touched with -XX:+AlwaysPreTouch" : "not pre-touched");
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
