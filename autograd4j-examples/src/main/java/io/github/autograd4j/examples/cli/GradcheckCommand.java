package io.github.autograd4j.examples.cli;

import io.github.autograd4j.examples.GradcheckExample;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code gradcheck}: see {@link GradcheckExample}. */
@Command(name = "gradcheck", mixinStandardHelpOptions = true,
        description = "Checks a hand-written gradient of a plain Java function: one passing, one failing check.")
public final class GradcheckCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        GradcheckExample.run(new GradcheckExample.Config(System.out));
        return 0;
    }
}
