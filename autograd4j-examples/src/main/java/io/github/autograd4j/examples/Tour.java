package io.github.autograd4j.examples;

import io.github.autograd4j.Tensor;
import io.github.autograd4j.examples.data.BundledData;
import io.github.autograd4j.examples.data.LabelledData;
import io.github.autograd4j.examples.train.ClassifierRun;
import io.github.autograd4j.examples.train.TrainOptions;
import io.github.autograd4j.graph.Graph;
import io.github.autograd4j.nn.Module;
import io.github.autograd4j.nn.loss.CrossEntropyLoss;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code tour}, what the jar runs with no command: seed example 000 step by step, then the
 * {@code digits} MLP trained with a progress bar, its test accuracy and loss curves, and the graph
 * of one forward pass of the trained model (DOT, Mermaid, table, and an HTML report to step through
 * in a browser), listing the files written.
 */
public final class Tour {

    /**
     * A run.
     *
     * @param train the digits training options ({@link DigitsExample#defaults()} on the command line)
     * @param out   where everything is printed
     */
    public record Config(TrainOptions train, PrintStream out) {
    }

    /**
     * What the tour did.
     *
     * @param seed   seed example 000's step
     * @param digits the digits run
     * @param graph  the graph files of one forward pass
     * @param files  every file in the output directory afterwards
     */
    public record Result(SeedExample.Result seed, ClassifierRun digits, GraphExample.Result graph, List<Path> files) {
    }

    private Tour() {
    }

    /** Runs the tour. */
    public static Result run(Config config) throws IOException {
        config.train().checkFiles();
        PrintStream out = config.out();
        section(out, "1. Seed example 000: forward, backward, update (java -jar autograd4j-examples.jar seed --steps N)");
        SeedExample.Result seed = SeedExample.run(new SeedExample.Config(1, out));

        section(out, "2. digits: an MLP on 8x8 handwritten digits (java -jar autograd4j-examples.jar digits --help)");
        ClassifierRun digits = DigitsExample.run(new DigitsExample.Config(config.train(), out));

        section(out, "3. The graph of one forward pass of the trained MLP and its loss, for the first digit");
        GraphExample.Result graph = GraphExample.write(forwardGraph(digits.model()), config.train().out(), "digits-forward");
        out.println("digits-forward: " + graph.graph().size() + " nodes" + (graph.rendered() ? ", rendered with Graphviz"
                : " (Graphviz's dot is not on the PATH: paste the .mmd file into a Mermaid viewer, or install graphviz)"));
        out.println("digits-forward.html: open it in a browser to step through the backward pass");

        section(out, "Files in " + config.train().out().toAbsolutePath().normalize());
        List<Path> files;
        try (Stream<Path> list = Files.list(config.train().out())) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            out.printf("  %-24s %,9d bytes%n", f.getFileName(), Files.size(f));
        }
        return new Result(seed, digits, graph, files);
    }

    /** The cross-entropy of {@code model}'s logits for the first digits image, with its gradients. */
    static Graph forwardGraph(Module model) throws IOException {
        LabelledData first = BundledData.digits().select(new int[] {0}).scaled(1.0 / BundledData.DIGITS_MAX_PIXEL);
        model.eval(); // dropout off: the forward pass of a prediction
        model.namedParameters().forEach((name, p) -> p.label(name));
        Tensor loss = new CrossEntropyLoss().forward(model.forward(first.x().label("image")), first.y().label("label")).label("loss");
        model.zeroGrad();
        loss.backward(null, true, false); // retain the graph, which a plain backward() frees, to draw it
        return Graph.of(loss);
    }

    private static void section(PrintStream out, String title) {
        out.println();
        out.println("== " + title);
        out.println();
    }
}
