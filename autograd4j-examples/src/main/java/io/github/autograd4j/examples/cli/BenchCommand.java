package io.github.autograd4j.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code bench [JMH options]}: hands every argument to JMH's own command line ({@code bench -h} shows JMH's help). */
@Command(name = "bench", description = "The JMH benchmarks; all arguments go to JMH (e.g. bench -f 1 -wi 3 -i 5 MoonsStep).")
public final class BenchCommand implements Callable<Integer> {

    @Unmatched
    List<String> jmhArguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        org.openjdk.jmh.Main.main(jmhArguments.toArray(String[]::new));
        return 0;
    }
}
