package io.github.autograd4j.examples.bench;

import io.github.autograd4j.examples.Moons;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The time of one step of micrograd's moons demo ({@link MoonsStep}: MLP 2-16-16-1, 100 points)
 * on the scalar engine, against the same step written by hand over {@code double[]}
 * ({@link HandWrittenMoonsStep}) in the same run. Through {@link #main} it also prints the ratio,
 * the nodes per step and the time per node; {@code autograd4j-examples.jar bench MoonsStep} gives
 * JMH's table alone.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class MoonsStepBenchmark {

    private MoonsStep autograd;
    private HandWrittenMoonsStep handWritten;

    /** Starts both from the demo's initial model before each iteration, so every iteration trains the same way. */
    @Setup(Level.Iteration)
    public void setUp() {
        Moons data = MoonsStep.demoData();
        autograd = new MoonsStep(MoonsStep.demoModel(), data);
        handWritten = new HandWrittenMoonsStep(MoonsStep.demoModel(), data);
    }

    /** The step on the scalar engine. */
    @Benchmark
    public double autograd() {
        return autograd.step();
    }

    /** The baseline: the same step by hand. */
    @Benchmark
    public double handWritten() {
        return handWritten.step();
    }

    /** Runs both benchmarks (JMH options as on JMH's command line) and prints the ratio and the time per node. */
    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(MoonsStepBenchmark.class.getName() + "\\.")
                .build()).run();
        double baseline = score(results, "handWritten");
        double step = score(results, "autograd");
        int ops = new MoonsStep(MoonsStep.demoModel(), MoonsStep.demoData()).operationsPerStep();
        System.out.println();
        System.out.printf(Locale.ROOT, "%-12s %10s %8s %11s %12s%n", "step", "ms/step", "ratio", "nodes/step", "ns/node");
        System.out.printf(Locale.ROOT, "%-12s %10.4f %8.2f %11s %12s%n", "handWritten", baseline, 1.0, "-", "-");
        System.out.printf(Locale.ROOT, "%-12s %10.4f %8.2f %11d %12.1f%n", "autograd", step, step / baseline, ops,
                step * 1e6 / ops);
    }

    private static double score(Collection<RunResult> results, String method) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
                .mapToDouble(r -> r.getPrimaryResult().getScore())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("MoonsStepBenchmark: no result for " + method));
    }
}
