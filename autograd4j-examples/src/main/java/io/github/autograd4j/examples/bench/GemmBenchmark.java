package io.github.autograd4j.examples.bench;

import io.github.autograd4j.kernel.Gemm;
import io.github.autograd4j.kernel.Kernels;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
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
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * One GEMM product on one thread, {@code C = op(A) op(B)}, per shape ({@link GemmShape}: squares
 * n = 64..2048 and the MLP step's products), element type and kernel
 * ({@link Kernels#available()}: {@code vector-api}, {@code java}). Forks run with the Vector API
 * module; each trial first runs its product until the JIT's compilation settles
 * ({@link JitWarmup}). Through {@link #main} it also prints GFLOP/s; {@code bench Gemm} gives
 * JMH's table. The comparison with OpenBLAS is {@code bench/compare-pytorch.sh}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class GemmBenchmark {

    /** The product's shape, as {@link GemmShape#parse} reads it. */
    @Param({"64", "128", "256", "512", "1024", "2048",
        "64x256x784:NT", "256x784x64:TN", "64x128x256:NT", "128x256x64:TN", "64x256x128:NN"})
    public String shape;

    /** {@code float64} or {@code float32}. */
    @Param({"float64", "float32"})
    public String dtype;

    /** A kernel name from {@link Kernels#available()}. */
    @Param({"vector-api", "java"})
    public String kernel;

    private Product product;

    /** Random operands, the kernel by name, and a warm-up until compilation settles. */
    @Setup(Level.Trial)
    public void setUp() {
        product = new Product(GemmShape.parse(shape), dtype, Kernels.selectGemm(kernel), new Random(1));
        System.out.println(JitWarmup.untilCompilationSettles(product::run, 2, 60));
    }

    /** One product. */
    @Benchmark
    public Object multiply() {
        product.run();
        return product.result();
    }

    /**
     * One product's operands and kernel, in {@code float64} or {@code float32}; {@link #run()}
     * computes {@code C = op(A) op(B)}.
     */
    public static final class Product {
        private final GemmShape s;
        private final Gemm gemm;
        private final double[] a;
        private final double[] b;
        private final double[] c;
        private final float[] fa;
        private final float[] fb;
        private final float[] fc;

        /**
         * Random operands of {@code shape} in {@code dtype} for {@code gemm}.
         *
         * @throws IllegalArgumentException when {@code dtype} is neither {@code float64} nor {@code float32}
         */
        public Product(GemmShape shape, String dtype, Gemm gemm, Random rng) {
            boolean single = switch (dtype) {
                case "float64" -> false;
                case "float32" -> true;
                default -> throw new IllegalArgumentException("GemmBenchmark: dtype must be float64 or float32, got "
                        + dtype);
            };
            this.s = shape;
            this.gemm = gemm;
            int sizeA = shape.m() * shape.k();
            int sizeB = shape.k() * shape.n();
            int sizeC = shape.m() * shape.n();
            a = single ? null : random(rng, sizeA);
            b = single ? null : random(rng, sizeB);
            c = single ? null : new double[sizeC];
            fa = single ? toFloat(random(rng, sizeA)) : null;
            fb = single ? toFloat(random(rng, sizeB)) : null;
            fc = single ? new float[sizeC] : null;
        }

        /** {@code C = op(A) op(B)}. */
        public void run() {
            if (c != null) {
                gemm.gemm(s.transA(), s.transB(), s.m(), s.n(), s.k(), 1.0, a, 0, s.lda(), b, 0, s.ldb(), 0.0, c, 0,
                        s.n());
            } else {
                gemm.gemm(s.transA(), s.transB(), s.m(), s.n(), s.k(), 1.0f, fa, 0, s.lda(), fb, 0, s.ldb(), 0.0f, fc,
                        0, s.n());
            }
        }

        /** The result array, {@code double[]} or {@code float[]}. */
        public Object result() {
            return c != null ? c : fc;
        }

        private static double[] random(Random rng, int size) {
            double[] x = new double[size];
            for (int i = 0; i < size; i++) {
                x[i] = 2 * rng.nextDouble() - 1;
            }
            return x;
        }

        private static float[] toFloat(double[] x) {
            float[] f = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                f[i] = (float) x[i];
            }
            return f;
        }
    }

    /** Runs the benchmark (JMH options as on JMH's command line), then prints GFLOP/s. */
    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(GemmBenchmark.class.getName() + "\\.")
                .build()).run();
        System.out.println();
        System.out.println(table(results));
    }

    /**
     * A markdown table: one row per shape, element type and kernel, with GFLOP/s from the mean
     * time and from the fastest iteration (on a shared machine, the one least disturbed).
     */
    static String table(Collection<RunResult> results) {
        List<String> rows = new ArrayList<>();
        rows.add("| shape | dtype | kernel | us/product | GFLOP/s | GFLOP/s best iteration |");
        rows.add("|---|---|---|---:|---:|---:|");
        for (RunResult r : results) {
            GemmShape shape = GemmShape.parse(r.getParams().getParam("shape"));
            double micros = r.getPrimaryResult().getScore();
            double best = r.getPrimaryResult().getStatistics().getMin();
            rows.add(String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %.1f | %.1f |", shape,
                    r.getParams().getParam("dtype"), r.getParams().getParam("kernel"), micros,
                    shape.flop() / (micros * 1e3), shape.flop() / (best * 1e3)));
        }
        return String.join(System.lineSeparator(), rows);
    }
}
