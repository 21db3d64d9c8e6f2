package io.github.autograd4j.graph;

import io.github.autograd4j.Tensor;
import io.github.autograd4j.Value;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the golden files GraphTest compares with (run by hand after an intended format change:
 * {@code java -cp ... io.github.autograd4j.graph.GoldenWriter autograd4j-core/src/test/resources/golden}),
 * then review the diff before committing.
 */
final class GoldenWriter {

    private GoldenWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Value o = (Value) call("neuron");
        o.backward();
        write(dir, "neuron", Graph.of(o));
        Tensor loss = (Tensor) call("tensorGraph");
        loss.backward(null, true, false);
        write(dir, "tensor", Graph.of(loss));
    }

    private static Object call(String name) throws Exception {
        Method m = GraphTest.class.getDeclaredMethod(name);
        m.setAccessible(true);
        return m.invoke(null);
    }

    private static void write(Path dir, String name, Graph g) throws IOException {
        Files.writeString(dir.resolve(name + ".table.txt"), g.toTable(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(name + ".dot"), g.toDot(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(name + ".mmd"), g.toMermaid(), StandardCharsets.UTF_8);
    }
}
