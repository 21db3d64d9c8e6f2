package io.github.autograd4j.examples.cli;

import io.github.autograd4j.examples.CnnExample;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cnn [--data DIR]}: see {@link CnnExample}. */
@Command(name = "cnn", mixinStandardHelpOptions = true,
        description = "LeNet-style CNN (float32) on the bundled 8x8 digits, or on MNIST's IDX files in DIR (see the README).")
public final class CnnCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", description = "directory of MNIST's four IDX files; the bundled digits without it")
    Path data;

    @Mixin
    TrainMixin train;

    @Override
    public Integer call() throws Exception {
        CnnExample.run(new CnnExample.Config(data, train.over(CnnExample.defaults(data != null)), System.out));
        return 0;
    }
}
