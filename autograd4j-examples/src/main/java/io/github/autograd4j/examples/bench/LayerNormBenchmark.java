package io.github.autograd4j.examples.bench;

import io.github.autograd4j.Tensor;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Forward and backward of a layer norm over the last dim of a {@code (2048, 64)} float64 input
 * (the charlm example's activations: batch 32, context 64, width 64), as {@link Tensor#layerNorm}'s
 * fused op against the same function composed of generic ops (mean, subtract, square, mean, add,
 * square root, divide, scale, shift), to show what the fused forward and analytic backward save.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class LayerNormBenchmark {

    static final double EPS = 1e-5;

    Tensor x;
    Tensor weight;
    Tensor bias;
    Tensor upstream;

    /** Draws the input, the affine parameters and the gradient that flows in from above. */
    @Setup
    public void setUp() {
        Random rng = new Random(1);
        x = Tensor.randn(rng, 2048, 64).requiresGrad(true);
        weight = Tensor.randn(rng, 64).requiresGrad(true);
        bias = Tensor.randn(rng, 64).requiresGrad(true);
        upstream = Tensor.randn(rng, 2048, 64);
    }

    /** The fused op. */
    @Benchmark
    public double fused() {
        return step(Tensor.layerNorm(x, new int[] {64}, weight, bias, EPS));
    }

    /** The same function composed of generic ops. */
    @Benchmark
    public double composed() {
        return step(composed(x, weight, bias));
    }

    /** Layer norm over the last dim written with generic ops. */
    static Tensor composed(Tensor x, Tensor weight, Tensor bias) {
        Tensor centred = x.sub(x.mean(-1, true));
        Tensor variance = centred.mul(centred).mean(-1, true);
        return centred.div(variance.add(EPS).sqrt()).mul(weight).add(bias);
    }

    /** Backward of {@code sum(y * upstream)} from cleared gradients; returns one gradient element. */
    private double step(Tensor y) {
        x.zeroGrad();
        weight.zeroGrad();
        bias.zeroGrad();
        y.mul(upstream).sum().backward();
        return x.grad().storage()[0] + weight.grad().storage()[0];
    }
}
