package io.github.autograd4j.examples.bench;

import io.github.autograd4j.DType;
import io.github.autograd4j.Tensor;
import java.util.Random;
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
 * Batch normalisation in training, forward and backward, on a CNN's activations {@code (64, 32, 14, 14)}:
 * the fused operation ({@code Tensor.batchNorm}: one pass for the statistics and the output, one
 * for the analytic gradient) against the same function composed of generic
 * operations (mean, var, sub, add, sqrt, div, mul, add), each recording its own backward rule.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class NormBenchmark {

    private static final int[] DIMS = {0, 2, 3};
    private static final double EPS = 1e-5;

    /** The element type. */
    @Param({"FLOAT64", "FLOAT32"})
    public String dtype;

    private Tensor x;
    private Tensor weight;
    private Tensor bias;
    private Tensor gradient;

    /** Random activations, weight and bias, and an output gradient. */
    @Setup(Level.Trial)
    public void setUp() {
        Random rng = new Random(1);
        DType type = DType.valueOf(dtype);
        x = Tensor.randn(rng, 64, 32, 14, 14).to(type).requiresGrad(true);
        weight = Tensor.randn(rng, 32).to(type).requiresGrad(true);
        bias = Tensor.randn(rng, 32).to(type).requiresGrad(true);
        gradient = Tensor.randn(rng, 64, 32, 14, 14).to(type);
    }

    /** The fused operation, forward and backward. */
    @Benchmark
    public Tensor fused() {
        clear();
        Tensor.batchNorm(x, null, null, weight, bias, true, 0.1, EPS).backward(gradient);
        return x.grad();
    }

    /** The composed form, forward and backward. */
    @Benchmark
    public Tensor composed() {
        clear();
        Tensor normalized = x.sub(x.mean(DIMS, true)).div(x.var(DIMS, 0, true).add(EPS).sqrt());
        normalized.mul(weight.reshape(32, 1, 1)).add(bias.reshape(32, 1, 1)).backward(gradient);
        return x.grad();
    }

    private void clear() {
        x.zeroGrad();
        weight.zeroGrad();
        bias.zeroGrad();
    }
}
