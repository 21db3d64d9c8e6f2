package io.github.autograd4j.examples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The MLP train step ({@link MlpStep}) timed outside JMH, for A/B runs of two builds on a shared
 * machine (bench/ab-mlp-step.sh): it warms up for a while, then prints the wall-clock and this
 * thread's CPU time per step. The CPU time leaves out the time the thread waited for a core, which
 * at a high load average is most of the wall-clock swing (and also the collector's threads).
 *
 * <pre>java -cp autograd4j-examples.jar io.github.autograd4j.examples.bench.MlpStepTimer BATCH DTYPE WARMUP_S MEASURE_S</pre>
 */
public final class MlpStepTimer {

    private MlpStepTimer() {
    }

    /** Prints {@code "<dtype> batch <n>: wall <ms> cpu <ms> ms/step over <steps> steps"}. */
    public static void main(String[] args) {
        if (args.length != 4) {
            throw new IllegalArgumentException("MlpStepTimer: expected BATCH DTYPE WARMUP_SECONDS MEASURE_SECONDS, got "
                    + args.length + " arguments");
        }
        int batch = Integer.parseInt(args[0]);
        MlpStep step = new MlpStep(batch, 1, args[1]);
        long warmEnd = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            step.step();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long wall = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        long end = wall + Long.parseLong(args[3]) * 1_000_000_000L;
        int steps = 0;
        while (System.nanoTime() < end) {
            step.step();
            steps++;
        }
        System.out.printf(Locale.ROOT, "%s batch %d: wall %.3f cpu %.3f ms/step over %d steps%n", args[1], batch,
                (System.nanoTime() - wall) / 1e6 / steps, (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / steps, steps);
    }
}
