package io.github.autograd4j.examples.cli;

import io.github.autograd4j.examples.GraphExample;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code graph EXPR-EXAMPLE}: see {@link GraphExample}. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Writes the graph of a built-in expression as DOT, Mermaid and a table (PNG/SVG with Graphviz).")
public final class GraphCommand implements Callable<Integer> {

    @Parameters(paramLabel = "EXPR-EXAMPLE", description = "one of: ${COMPLETION-CANDIDATES}")
    GraphExample.Expression expression;

    @Mixin
    OutMixin out;

    @Override
    public Integer call() throws Exception {
        GraphExample.run(new GraphExample.Config(expression, out.dir, System.out));
        return 0;
    }
}
