package io.github.autograd4j.examples.cli;

import io.github.autograd4j.examples.DigitsExample;
import io.github.autograd4j.examples.Tour;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tour} (the default): see {@link Tour}. */
@Command(name = "tour", mixinStandardHelpOptions = true,
        description = "Seed example 000 step by step, then the digits MLP with plots and the graph of a forward pass.")
public final class TourCommand implements Callable<Integer> {

    @Mixin
    TrainMixin train;

    @Override
    public Integer call() throws Exception {
        Tour.run(new Tour.Config(train.over(DigitsExample.defaults()), System.out));
        return 0;
    }
}
