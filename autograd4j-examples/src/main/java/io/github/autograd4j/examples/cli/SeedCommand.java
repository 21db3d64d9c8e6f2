package io.github.autograd4j.examples.cli;

import io.github.autograd4j.examples.SeedExample;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seed [--steps N]}: see {@link SeedExample}. */
@Command(name = "seed", mixinStandardHelpOptions = true,
        description = "Seed example 000: a 2-2-1 sigmoid net, every intermediate value and gradient, one update.")
public final class SeedCommand implements Callable<Integer> {

    @Option(names = "--steps", paramLabel = "N", description = "gradient-descent steps (default ${DEFAULT-VALUE})")
    int steps = 1;

    @Override
    public Integer call() {
        SeedExample.run(new SeedExample.Config(steps, System.out));
        return 0;
    }
}
