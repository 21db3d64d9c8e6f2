package io.github.autograd4j.examples.cli;

import io.github.autograd4j.examples.MoonsExample;
import io.github.autograd4j.examples.bench.MoonsStep;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code moons}: see {@link MoonsExample}. */
@Command(name = "moons", mixinStandardHelpOptions = true,
        description = "micrograd's demo on the scalar engine: 2-16-16-1, SVM loss, L2 1e-4, 100 points; decision-boundary PNG.")
public final class MoonsCommand implements Callable<Integer> {

    @Option(names = "--steps", paramLabel = "N", description = "gradient-descent steps (default ${DEFAULT-VALUE})")
    int steps = 100;

    @Option(names = "--seed", paramLabel = "N", description = "seed of data and initialisation (default ${DEFAULT-VALUE})")
    long seed = MoonsStep.SEED;

    @Mixin
    OutMixin out;

    @Override
    public Integer call() throws Exception {
        MoonsExample.run(new MoonsExample.Config(steps, seed, out.dir, System.out));
        return 0;
    }
}
