package io.github.autograd4j.examples.bench;

import io.github.autograd4j.kernel.Kernels;
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
 * The time of one {@link MlpStep} (784-256-128-10) per batch size, element type, GEMM kernel and
 * thread count. The kernel and threads are fixed for the whole JVM when {@link Kernels} first
 * loads, so each parameter combination needs a fork of its own (JMH's default here; with
 * {@code -f 0} the set-up fails rather than measure the wrong kernel). Each trial first steps
 * until the JIT's compilation settles ({@link JitWarmup}: about 10 s here; JMH's fixed 4 x 1 s
 * warm-up stopped before C2 had finished), then JMH's own warm-up and measurement follow.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class MlpStepBenchmark {

    /** Rows per batch. */
    @Param({"64", "256"})
    public int batch;

    /** The GEMM kernel ({@value Kernels#GEMM_PROPERTY}). */
    @Param({"vector-api", "java"})
    public String kernel;

    /** {@code float64}, or {@code float32} once {@code Tensor} has dtypes (see {@link MlpStep}). */
    @Param({"float64"})
    public String dtype;

    /** The threads of a large GEMM ({@value Kernels#THREADS_PROPERTY}). */
    @Param({"1", "2"})
    public int threads;

    private MlpStep step;

    /**
     * Sets the kernel and threads before anything loads {@link Kernels}, checks that they took,
     * and warms the step up until compilation settles.
     */
    @Setup(Level.Trial)
    public void setUp() {
        System.setProperty(Kernels.GEMM_PROPERTY, kernel);
        System.setProperty(Kernels.THREADS_PROPERTY, String.valueOf(threads));
        if (!Kernels.gemm().name().equals(kernel) || Kernels.threads() != threads) {
            throw new IllegalStateException("MlpStepBenchmark: this JVM already uses GEMM kernel "
                    + Kernels.gemm().name() + " on " + Kernels.threads() + " threads, not " + kernel + " on "
                    + threads + "; run each combination in a fork of its own (-f 1)");
        }
        step = new MlpStep(batch, 42, dtype);
        System.out.println(JitWarmup.untilCompilationSettles(step::step, 2, 60));
    }

    /** zeroGrad + forward + cross-entropy + backward + SGD step. */
    @Benchmark
    public double trainStep() {
        return step.step();
    }
}
