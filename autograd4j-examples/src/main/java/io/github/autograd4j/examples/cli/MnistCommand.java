package io.github.autograd4j.examples.cli;

import io.github.autograd4j.examples.MnistExample;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mnist --data DIR}: see {@link MnistExample}. */
@Command(name = "mnist", mixinStandardHelpOptions = true,
        description = "MLP 784-256-128-10 on MNIST's IDX files (gzipped or not) in DIR; not shipped, see the README.")
public final class MnistCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", required = true, description = "directory of the four IDX files")
    Path data;

    @Mixin
    TrainMixin train;

    @Override
    public Integer call() throws Exception {
        MnistExample.run(new MnistExample.Config(data, train.over(MnistExample.defaults()), System.out));
        return 0;
    }
}
