package io.github.autograd4j.examples.cli;

import io.github.autograd4j.examples.RegressionExample;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code regression}: see {@link RegressionExample}. */
@Command(name = "regression", mixinStandardHelpOptions = true,
        description = "Seed 004: logistic regression with L2 on iris, batch vs mini-batch vs stochastic GD, cost-curve PNG.")
public final class RegressionCommand implements Callable<Integer> {

    @Option(names = "--epochs", paramLabel = "N", description = "passes over the data (default ${DEFAULT-VALUE})")
    int epochs = 50;

    @Option(names = "--lr", paramLabel = "RATE", description = "learning rate (default ${DEFAULT-VALUE})")
    double lr = 0.3;

    @Option(names = "--lambda", paramLabel = "L", description = "L2 weight in the cost (default ${DEFAULT-VALUE})")
    double lambda = 0.01;

    @Option(names = "--batch-size", paramLabel = "N", description = "mini-batch size (default ${DEFAULT-VALUE})")
    int batchSize = 16;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the shuffles (default ${DEFAULT-VALUE})")
    long seed = 0;

    @Mixin
    OutMixin out;

    @Override
    public Integer call() throws Exception {
        RegressionExample.run(new RegressionExample.Config(epochs, lr, lambda, batchSize, seed, out.dir, System.out));
        return 0;
    }
}
