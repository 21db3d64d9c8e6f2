package io.github.autograd4j.examples.cli;

import io.github.autograd4j.examples.SequenceExample;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sequence}: see {@link SequenceExample}. */
@Command(name = "sequence", mixinStandardHelpOptions = true,
        description = "An LSTM or a GRU predicts the next value of a noisy signal of two sines, against repeating the last value.")
public final class SequenceCommand implements Callable<Integer> {

    @Option(names = "--cell", paramLabel = "NAME", description = "lstm or gru (default ${DEFAULT-VALUE})")
    SequenceExample.Cell cell = SequenceExample.Cell.LSTM;

    @Option(names = "--hidden", paramLabel = "N", description = "hidden size (default ${DEFAULT-VALUE})")
    int hidden = 32;

    @Option(names = "--steps", paramLabel = "N", description = "training steps (default ${DEFAULT-VALUE})")
    int steps = 300;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam's learning rate (default ${DEFAULT-VALUE})")
    double lr = 0.01;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the noise, initialisation and batches (default ${DEFAULT-VALUE})")
    long seed = 0;

    @Mixin
    OutMixin out;

    @Override
    public Integer call() throws Exception {
        SequenceExample.run(new SequenceExample.Config(cell, hidden, steps, lr, seed, out.dir, System.out));
        return 0;
    }
}
