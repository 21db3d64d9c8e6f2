package io.github.autograd4j.examples.bench;

import io.github.autograd4j.kernel.Gemm;
import io.github.autograd4j.kernel.Kernels;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * {@code C = A B} for square {@code n x n} matrices on one thread, for each GEMM kernel
 * ({@link Kernels#available()}: {@code vector-api}, {@code java}, {@code direct}) and for EJML's
 * {@code CommonOps_DDRM.mult} ({@code ejml}). Forks run with the Vector API module. Through
 * {@link #main} it also prints GFLOP/s and the ratio to EJML; {@code bench Gemm} gives JMH's table.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class GemmBenchmark {

    /** The side of the square matrices. */
    @Param({"64", "128", "256", "512", "1024"})
    public int n;

    /** A kernel name from {@link Kernels#available()}, or {@code ejml}. */
    @Param({"vector-api", "java", "ejml"})
    public String kernel;

    private Gemm gemm;
    private DMatrixRMaj a;
    private DMatrixRMaj b;
    private DMatrixRMaj c;

    /** Random operands and the kernel by name. */
    @Setup
    public void setUp() {
        Random rng = new Random(1);
        a = random(rng);
        b = random(rng);
        c = new DMatrixRMaj(n, n);
        gemm = kernel.equals("ejml") ? null : Kernels.selectGemm(kernel);
    }

    /** One product. */
    @Benchmark
    public DMatrixRMaj multiply() {
        if (gemm == null) {
            CommonOps_DDRM.mult(a, b, c);
        } else {
            gemm.gemm(false, false, n, n, n, 1.0, a.data, 0, n, b.data, 0, n, 0.0, c.data, 0, n);
        }
        return c;
    }

    private DMatrixRMaj random(Random rng) {
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = 2 * rng.nextDouble() - 1;
        }
        return m;
    }

    /** Runs the benchmark (JMH options as on JMH's command line), then prints GFLOP/s and the ratio to EJML. */
    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(GemmBenchmark.class.getName() + "\\.")
                .build()).run();
        System.out.println();
        System.out.println(table(results));
    }

    /**
     * A markdown table: one row per size and kernel, with GFLOP/s (from the mean time, and from
     * the fastest iteration, which on a shared machine is the one least disturbed) and the speed-up
     * over EJML (mean times).
     */
    static String table(Collection<RunResult> results) {
        List<String> rows = new ArrayList<>();
        rows.add("| n | kernel | us/product | GFLOP/s | GFLOP/s best iteration | x EJML |");
        rows.add("|---:|---|---:|---:|---:|---:|");
        for (RunResult r : results) {
            int n = Integer.parseInt(r.getParams().getParam("n"));
            String kernel = r.getParams().getParam("kernel");
            double micros = r.getPrimaryResult().getScore();
            double best = r.getPrimaryResult().getStatistics().getMin();
            double ejml = results.stream()
                    .filter(e -> e.getParams().getParam("kernel").equals("ejml")
                            && e.getParams().getParam("n").equals(String.valueOf(n)))
                    .mapToDouble(e -> e.getPrimaryResult().getScore())
                    .findFirst().orElse(Double.NaN);
            double flop = 2.0 * n * n * n;
            rows.add(String.format(Locale.ROOT, "| %d | %s | %.1f | %.1f | %.1f | %.2f |", n, kernel, micros,
                    flop / (micros * 1e3), flop / (best * 1e3), ejml / micros));
        }
        return String.join(System.lineSeparator(), rows);
    }
}
