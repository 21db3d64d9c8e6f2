package io.github.autograd4j.examples.cli;

import io.github.autograd4j.examples.DigitsExample;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code digits}: see {@link DigitsExample}. */
@Command(name = "digits", mixinStandardHelpOptions = true,
        description = "MLP 64-256-128-10 (dropout 0.3) on the bundled UCI digits (1,797 8x8 images), stratified 80/20 split.")
public final class DigitsCommand implements Callable<Integer> {

    @Mixin
    TrainMixin train;

    @Override
    public Integer call() throws Exception {
        DigitsExample.run(new DigitsExample.Config(train.over(DigitsExample.defaults()), System.out));
        return 0;
    }
}
