package io.github.autograd4j.examples.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Warm-up that lasts until the JIT has finished with the work rather than for a fixed time: C2
 * keeps compiling the MLP step for ~10 s on this machine, so a fixed 4 x 1 s warm-up measures it
 * half compiled (2.10 +- 0.79 ms at batch 64 against ~1.75 ms once warm). It runs the work until
 * the JVM's total compilation time has not grown for a quiet period, or a time limit passes.
 */
public final class JitWarmup {

    private JitWarmup() {
    }

    /**
     * What a warm-up did.
     *
     * @param seconds     how long it ran
     * @param runs        how many times it ran the work
     * @param settled     whether compilation went quiet before the limit
     */
    public record Result(double seconds, long runs, boolean settled) {

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "warm-up: %.1f s, %d runs, compilation %s", seconds, runs,
                    settled ? "settled" : "still going at the limit");
        }
    }

    /**
     * Runs {@code work} until the JIT's total compilation time has stayed the same for
     * {@code quietSeconds} (and at least that long), or {@code limitSeconds} have passed. Without a
     * compilation monitor in the JVM it runs for {@code limitSeconds}.
     */
    public static Result untilCompilationSettles(Runnable work, double quietSeconds, double limitSeconds) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean monitored = jit != null && jit.isCompilationTimeMonitoringSupported();
        long start = System.nanoTime();
        long quiet = (long) (quietSeconds * 1e9);
        long limit = (long) (limitSeconds * 1e9);
        long lastTotal = monitored ? jit.getTotalCompilationTime() : -1;
        long lastChange = start;
        long runs = 0;
        while (true) {
            work.run();
            runs++;
            long now = System.nanoTime();
            if (monitored) {
                long total = jit.getTotalCompilationTime();
                if (total != lastTotal) {
                    lastTotal = total;
                    lastChange = now;
                } else if (now - lastChange >= quiet) {
                    return new Result((now - start) / 1e9, runs, true);
                }
            }
            if (now - start >= limit) {
                return new Result((now - start) / 1e9, runs, false);
            }
        }
    }
}
