package io.github.autograd4j.examples.cli;

import io.github.autograd4j.examples.DigitsTuning;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code digits-tuning}: see {@link DigitsTuning}. */
@Command(name = "digits-tuning", mixinStandardHelpOptions = true,
        description = "The search that chose digits' defaults: each candidate's mean validation accuracy over split seeds;"
                + " the test sets are not used (docs/digits-tuning.md).")
public final class DigitsTuningCommand implements Callable<Integer> {

    @Option(names = "--seeds", paramLabel = "N", description = "split seeds 0..N-1 (default ${DEFAULT-VALUE})")
    int seeds = 10;

    @Option(names = "--validation", paramLabel = "FRACTION",
            description = "share of each class of the training part held out for validation (default ${DEFAULT-VALUE})")
    double validation = 0.2;

    @Override
    public Integer call() throws Exception {
        DigitsTuning.run(new DigitsTuning.Config(DigitsTuning.CANDIDATES, seeds, validation, System.out));
        return 0;
    }
}
