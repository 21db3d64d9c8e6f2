package io.github.autograd4j.examples.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * autograd4j-core and autograd4j-nn as JPMS modules, as a modular application uses them: a module
 * that requires {@code io.github.autograd4j.nn} compiles and trains on the module path, and one
 * that reaches into the internal {@code ops} package does not compile.
 */
class ModulePathTest {

    @TempDir
    Path dir;

    /** The library jars and their dependencies, from this test's class path (the reactor's packaged jars). */
    private static String modulePath() {
        List<String> jars = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> p.endsWith(".jar"))
                .filter(p -> p.matches(".*(autograd4j-core|autograd4j-nn)-[^/]*SNAPSHOT\\.jar|.*/(ejml-[a-z]+|slf4j-api)-[^/]*\\.jar"))
                .collect(Collectors.toList());
        assumeTrue(jars.stream().anyMatch(j -> j.contains("autograd4j-nn")),
                "the nn jar is on the class path only when the build packaged it (mvn verify)");
        return String.join(File.pathSeparator, jars);
    }

    private Path module(String name, String body, String... imports) throws IOException {
        Path src = dir.resolve("src").resolve(name);
        Files.createDirectories(src.resolve(name));
        Files.writeString(src.resolve("module-info.java"), "module " + name + " { requires io.github.autograd4j.nn; }\n");
        Files.writeString(src.resolve(name).resolve("Main.java"), "package " + name + ";\n"
                + Stream.of(imports).map(i -> "import " + i + ";\n").collect(Collectors.joining())
                + "public class Main { public static void main(String[] args) {\n" + body + "\n} }\n");
        return src;
    }

    private static int javac(StringBuilder log, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = ToolProvider.findFirst("javac").orElseThrow()
                .run(new PrintWriter(out, true, StandardCharsets.UTF_8), new PrintWriter(out, true, StandardCharsets.UTF_8), args);
        log.append(out.toString(StandardCharsets.UTF_8));
        return code;
    }

    @Test
    void aModularApplicationTrainsOnTheModulePath() throws Exception {
        String modulePath = modulePath();
        Path src = module("demo", """
                Generator.manualSeed(1);
                Linear layer = new Linear(3, 1);
                Optimizer sgd = new SGD(layer.parameters(), 0.1);
                Tensor x = Tensor.randn(8, 3);
                Tensor y = x.sum(1, true);
                double first = 0;
                double last = 0;
                for (int step = 0; step < 50; step++) {
                    sgd.zeroGrad();
                    Tensor loss = new MSELoss().forward(layer.forward(x), y);
                    loss.backward();
                    sgd.step();
                    if (step == 0) first = loss.item();
                    last = loss.item();
                }
                System.out.println(last < first / 10 ? "trained" : "did not train: " + first + " -> " + last);
                """, "io.github.autograd4j.Generator", "io.github.autograd4j.Tensor", "io.github.autograd4j.nn.Linear",
                "io.github.autograd4j.nn.loss.MSELoss", "io.github.autograd4j.nn.optim.Optimizer", "io.github.autograd4j.nn.optim.SGD");
        Path classes = dir.resolve("classes");
        StringBuilder log = new StringBuilder();
        assertEquals(0, javac(log, "-d", classes.toString(), "--module-path", modulePath, "--module-source-path",
                dir.resolve("src").toString(), "-m", "demo"), log::toString);
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", modulePath + File.pathSeparator + classes, "-m", "demo/demo.Main")
                .redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(60, TimeUnit.SECONDS));
        List<String> lines = output.strip().lines().toList();
        assertEquals("trained", lines.get(lines.size() - 1), output);   // after slf4j's note that no binding is present
    }

    @Test
    void theInternalPackagesAreNotVisible() throws Exception {
        String modulePath = modulePath();
        module("peek", "UnaryOps.exp(Tensor.ones(2));", "io.github.autograd4j.Tensor", "io.github.autograd4j.ops.UnaryOps");
        StringBuilder log = new StringBuilder();
        List<String> args = new ArrayList<>(List.of("-d", dir.resolve("classes").toString(), "--module-path", modulePath,
                "--module-source-path", dir.resolve("src").toString(), "-m", "peek"));
        assertEquals(1, javac(log, args.toArray(new String[0])), log::toString);
        assertTrue(log.toString().contains("package io.github.autograd4j.ops is not visible"), log::toString);
    }
}
