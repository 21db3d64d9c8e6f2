package io.github.autograd4j.examples.bench;

import io.github.autograd4j.kernel.Kernels;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * autograd4j's side of {@code bench/compare-pytorch.sh}: one round of measurements, printed one
 * per line in the format {@code bench/mlp_step.py} prints PyTorch's, so that the script can
 * alternate the two sides (A B A B) and report medians and ratios:
 * <pre>
 * gemm autograd4j float64 1 64x256x784:NT 31.20 GFLOP/s
 * step autograd4j float64 1 64 1.754 ms
 * </pre>
 * Usage: {@code gemm DTYPE SHAPE...} or {@code step DTYPE BATCH...}. The kernel and threads are
 * {@link Kernels}'s ({@code -Dautograd4j.threads}, {@code -Dautograd4j.gemm}). Each case first
 * runs until the JIT's compilation settles ({@link JitWarmup}), then {@value #ROUNDS} timed rounds
 * of about {@value #ROUND_SECONDS} s, of which it prints the median.
 */
public final class SideBySideRates {

    static final int ROUNDS = 5;
    static final double ROUND_SECONDS = 0.5;

    private SideBySideRates() {
    }

    /** Measures and prints; see the class comment for the arguments. */
    public static void main(String[] args) {
        if (args.length < 3 || !(args[0].equals("gemm") || args[0].equals("step"))) {
            System.err.println("usage: SideBySideRates gemm DTYPE SHAPE... | step DTYPE BATCH...");
            System.exit(2);
        }
        String dtype = args[1];
        int threads = Kernels.threads();
        for (int i = 2; i < args.length; i++) {
            if (args[0].equals("gemm")) {
                GemmShape shape = GemmShape.parse(args[i]);
                GemmBenchmark.Product product = new GemmBenchmark.Product(shape, dtype, Kernels.gemm(), new Random(1));
                double seconds = medianSeconds(product::run);
                System.out.printf(Locale.ROOT, "gemm autograd4j %s %d %s %.2f GFLOP/s%n", dtype, threads, shape,
                        shape.flop() / seconds / 1e9);
            } else {
                int batch = Integer.parseInt(args[i]);
                MlpStep step = new MlpStep(batch, 42, dtype);
                double seconds = medianSeconds(step::step);
                System.out.printf(Locale.ROOT, "step autograd4j %s %d %d %.3f ms%n", dtype, threads, batch, seconds * 1e3);
            }
        }
    }

    /** Seconds per run of {@code work}: the median of {@value #ROUNDS} rounds, after the warm-up. */
    static double medianSeconds(Runnable work) {
        JitWarmup.untilCompilationSettles(work, 2, 60);
        double[] perRun = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long start = System.nanoTime();
            long end = start + (long) (ROUND_SECONDS * 1e9);
            long runs = 0;
            long now;
            do {
                work.run();
                runs++;
                now = System.nanoTime();
            } while (now < end);
            perRun[r] = (now - start) / 1e9 / runs;
        }
        Arrays.sort(perRun);
        return perRun[ROUNDS / 2];
    }
}
