package io.github.autograd4j.examples.cli;

import io.github.autograd4j.examples.XorExample;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code xor}: see {@link XorExample}. Without {@code --net} both nets run. */
@Command(name = "xor", mixinStandardHelpOptions = true,
        description = "XOR seeds: 2-4-1 sigmoid + BCE and 2-2-1 sigmoid + MSE, full-batch gradient descent.")
public final class XorCommand implements Callable<Integer> {

    @Option(names = "--engine", paramLabel = "ENGINE", description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    XorExample.Engine engine = XorExample.Engine.VALUE;

    @Option(names = "--net", paramLabel = "NET", description = "${COMPLETION-CANDIDATES} (default: both)")
    XorExample.Net net;

    @Option(names = "--lr", paramLabel = "RATE", description = "learning rate (default: the net's)")
    Double lr;

    @Option(names = "--iterations", paramLabel = "N", description = "steps (default: the net's)")
    Integer iterations;

    @Option(names = "--seed", paramLabel = "N", description = "initialisation seed (default ${DEFAULT-VALUE})")
    long seed = 1;

    @Override
    public Integer call() {
        for (XorExample.Net n : net != null ? List.of(net) : List.of(XorExample.Net.values())) {
            XorExample.run(new XorExample.Config(engine, n, lr != null ? lr : n.lr(),
                    iterations != null ? iterations : n.iterations(), seed, System.out));
        }
        return 0;
    }
}
