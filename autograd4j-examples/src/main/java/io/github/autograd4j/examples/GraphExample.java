package io.github.autograd4j.examples;

import io.github.autograd4j.Node;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.Value;
import io.github.autograd4j.nn.io.AtomicFile;
import io.github.autograd4j.graph.Graph;
import io.github.autograd4j.nn.Linear;
import io.github.autograd4j.nn.loss.CrossEntropyLoss;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The {@code graph EXPR} command: builds a built-in expression, runs its backward pass and writes
 * its graph as Graphviz DOT, Mermaid, a plain table and an HTML report to step through in a
 * browser; renders the DOT file to PNG and SVG when Graphviz's {@code dot} is on the PATH.
 */
public final class GraphExample {

    /** The built-in expressions. */
    public enum Expression {
        /** micrograd's neuron: {@code o = tanh(x1 w1 + x2 w2 + b)}. */
        NEURON(GraphExample::neuron),
        /** A tensor layer and its loss: {@code cross_entropy(relu(x W^T + b) V^T, y)} for 2 samples of 3 features. */
        MLP(GraphExample::mlp);

        private final Supplier<Node> build;

        Expression(Supplier<Node> build) {
            this.build = build;
        }

        /** A new graph of this expression, its backward pass done. */
        public Node build() {
            return build.get();
        }

        /** The name on the command line. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A run.
     *
     * @param expression the expression to draw
     * @param dir        the directory the files go to
     * @param out        where the table and the file list are printed
     */
    public record Config(Expression expression, Path dir, PrintStream out) {
    }

    /**
     * What a run wrote.
     *
     * @param graph    the graph
     * @param files    the files written, DOT, Mermaid, table and HTML report first
     * @param rendered whether Graphviz rendered PNG and SVG
     */
    public record Result(Graph graph, List<Path> files, boolean rendered) {
    }

    /** Graphs up to this many nodes are drawn left to right as exported; larger ones top to bottom. */
    static final int LEFT_TO_RIGHT_NODES = 12;

    private GraphExample() {
    }

    /** Builds the expression, writes its files and prints its table. */
    public static Result run(Config config) throws IOException {
        FileOptions.requireWritableDirectory("--out", config.dir());
        Graph graph = Graph.of(config.expression().build());
        config.out().println(graph.toTable());
        Result result = write(graph, config.dir(), config.expression().toString());
        config.out().println(result.rendered() ? "rendered with Graphviz's dot"
                : "Graphviz's dot is not on the PATH: no PNG or SVG (install graphviz, or paste the .mmd file into a Mermaid viewer)");
        result.files().forEach(f -> config.out().println("  " + f));
        return result;
    }

    /**
     * Writes {@code <stem>.dot}, {@code <stem>.mmd}, {@code <stem>.txt} and the report
     * {@code <stem>.html}, and PNG and SVG if {@code dot} is on the PATH.
     */
    public static Result write(Graph graph, Path dir, String stem) throws IOException {
        Files.createDirectories(dir);
        Path dot = written(dir.resolve(stem + ".dot"), graph.toDot());
        Path html = dir.resolve(stem + ".html");
        graph.writeHtml(html);
        List<Path> files = new ArrayList<>(List.of(dot, written(dir.resolve(stem + ".mmd"), graph.toMermaid()),
                written(dir.resolve(stem + ".txt"), graph.toTable()), html));
        Path graphviz = graphviz();
        if (graphviz != null) {
            // core's DOT runs left to right, which makes a long chain thousands of pixels wide
            String drawn = graph.size() > LEFT_TO_RIGHT_NODES ? graph.toDot().replace("rankdir=LR", "rankdir=TB") : graph.toDot();
            for (String format : List.of("png", "svg")) {
                files.add(render(graphviz, drawn, dot, format));
            }
        }
        return new Result(graph, List.copyOf(files), graphviz != null);
    }

    /** {@code target}, written with {@code text} all at once. */
    private static Path written(Path target, String text) throws IOException {
        AtomicFile.writeString(target, text);
        return target;
    }

    /** Graphviz's {@code dot} on the PATH, or null. */
    static Path graphviz() {
        String path = System.getenv("PATH");
        return path == null ? null : Arrays.stream(path.split(File.pathSeparator)).map(d -> Path.of(d, "dot"))
                .filter(Files::isExecutable).findFirst().orElse(null);
    }

    /** Runs {@code dot -T<format>} on {@code dotText}, writing next to {@code dot} with the format's suffix. */
    private static Path render(Path graphviz, String dotText, Path dot, String format) throws IOException {
        Path target = dot.resolveSibling(dot.getFileName().toString().replaceFirst("\\.dot$", "." + format));
        AtomicFile.write(target, out -> {
            Process p = new ProcessBuilder(graphviz.toString(), "-T" + format).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(dotText.getBytes(StandardCharsets.UTF_8));
            }
            p.getInputStream().transferTo(out);
            try {
                if (p.waitFor() != 0) {
                    throw new IOException("dot -T" + format + " " + dot + " failed: "
                            + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while rendering " + dot, e);
            }
        });
        return target;
    }

    private static Node neuron() {
        Value x1 = Value.constant(2.0).label("x1");
        Value x2 = Value.constant(0.0).label("x2");
        Value w1 = Value.of(-3.0, "w1");
        Value w2 = Value.of(1.0, "w2");
        Value b = Value.of(6.8813735870195432, "b");
        Value n = x1.mul(w1).label("x1*w1").add(x2.mul(w2).label("x2*w2")).label("x1*w1 + x2*w2").add(b).label("n");
        Value o = n.tanh().label("o");
        o.backward();
        return o;
    }

    private static Node mlp() {
        Random rng = new Random(0);
        Linear hidden = new Linear(3, 4, rng);
        Linear output = new Linear(4, 2, rng);
        hidden.weight().label("W");
        hidden.bias().label("b");
        output.weight().label("V");
        output.bias().label("c");
        Tensor x = Tensor.of(new double[][] {{0.5, -1.0, 2.0}, {1.5, 0.0, -0.5}}).label("x");
        Tensor y = Tensor.vector(0, 1).label("y");
        Tensor h = hidden.forward(x).relu().label("h");
        Tensor loss = new CrossEntropyLoss().forward(output.forward(h), y).label("loss");
        loss.backward(null, true, false); // retain the graph, which a plain backward() frees, to draw it
        return loss;
    }
}
