package io.github.autograd4j.examples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * An A/B of the moons step ({@link MoonsStep}) between builds of this jar, in one JVM: each jar is
 * loaded by a class loader of its own, and rounds of {@value #STEPS_PER_ROUND} steps alternate
 * between them, so that every build sees the same load on a shared machine (separate JVMs run
 * minutes apart, and their figures swing by half). Prints, per jar, the median time per node
 * (wall-clock and thread CPU) and the median over rounds of its ratio to the first jar.
 *
 * <pre>{@code
 * java -cp B.jar io.github.autograd4j.examples.bench.MoonsStepInterleaved 100 10 A.jar B.jar
 * }</pre>
 */
public final class MoonsStepInterleaved {

    private static final int STEPS_PER_ROUND = 20;

    private MoonsStepInterleaved() {
    }

    /** Arguments: rounds, warm-up seconds, then two or more jars. */
    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            throw new IllegalArgumentException("MoonsStepInterleaved: expected rounds, warm-up seconds and two or more jars,"
                    + " got " + Arrays.toString(args));
        }
        int rounds = Integer.parseInt(args[0]);
        double warmUpSeconds = Double.parseDouble(args[1]);
        String[] jars = Arrays.copyOfRange(args, 2, args.length);
        Object[] steps = new Object[jars.length];
        Method[] step = new Method[jars.length];
        int nodes = 0;
        for (int j = 0; j < jars.length; j++) {
            ClassLoader loader = new URLClassLoader(new URL[] {Path.of(jars[j]).toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Class<?> type = loader.loadClass(MoonsStep.class.getName());
            Object model = type.getMethod("demoModel").invoke(null);
            Object data = type.getMethod("demoData").invoke(null);
            steps[j] = type.getConstructor(model.getClass(), data.getClass()).newInstance(model, data);
            step[j] = type.getMethod("step");
            nodes = (Integer) type.getMethod("operationsPerStep").invoke(steps[j]);
        }
        long warmUpEnd = System.nanoTime() + (long) (warmUpSeconds * 1e9);
        while (System.nanoTime() < warmUpEnd) {
            for (int j = 0; j < jars.length; j++) {
                runRound(step[j], steps[j]);
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][] wall = new double[jars.length][rounds];
        double[][] cpu = new double[jars.length][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < jars.length; k++) {
                int j = (k + r) % jars.length;   // who goes first rotates
                long cpuStart = threads.getCurrentThreadCpuTime();
                long wallStart = System.nanoTime();
                runRound(step[j], steps[j]);
                wall[j][r] = (System.nanoTime() - wallStart) / (double) STEPS_PER_ROUND / nodes;
                cpu[j][r] = (threads.getCurrentThreadCpuTime() - cpuStart) / (double) STEPS_PER_ROUND / nodes;
            }
        }
        System.out.printf(Locale.ROOT, "%-40s %12s %12s %14s %14s%n", "jar", "wall ns/node", "cpu ns/node",
                "wall ratio", "cpu ratio");
        for (int j = 0; j < jars.length; j++) {
            double[] wallRatio = new double[rounds];
            double[] cpuRatio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                wallRatio[r] = wall[j][r] / wall[0][r];
                cpuRatio[r] = cpu[j][r] / cpu[0][r];
            }
            System.out.printf(Locale.ROOT, "%-40s %12.2f %12.2f %14.3f %14.3f%n", jars[j], median(wall[j]), median(cpu[j]),
                    median(wallRatio), median(cpuRatio));
        }
        System.out.printf(Locale.ROOT, "%d nodes per step, %d rounds of %d steps, medians; ratios to %s%n", nodes, rounds,
                STEPS_PER_ROUND, jars[0]);
    }

    private static void runRound(Method step, Object target) throws ReflectiveOperationException {
        for (int i = 0; i < STEPS_PER_ROUND; i++) {
            step.invoke(target);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
