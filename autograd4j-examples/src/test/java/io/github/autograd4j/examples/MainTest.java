package io.github.autograd4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.examples.data.Idx;
import io.github.autograd4j.examples.data.IdxFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class MainTest {

    /** The exit status, standard error and picocli's standard output (usage help) of a command line. */
    private record Run(int status, String err, String out) {
    }

    private static Run run(String... args) {
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(out, true));
        int status = cli.execute(args);
        return new Run(status, err.toString(), out.toString());
    }

    /** The exit status of a command line and what the example printed on {@link System#out}. */
    private static Run printed(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            Run r = run(args);
            return new Run(r.status(), r.err(), bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "frob                      | autograd4j-examples: Unmatched argument at index 0: 'frob' (see autograd4j-examples --help)",
        "seed --steps 0            | seed: --steps must be at least 1, got 0",
        "seed --steps x            | seed: Invalid value for option '--steps': 'x' is not an int (see autograd4j-examples seed --help)",
        "digits --optimizer lbfgs  | digits: Invalid value for option '--optimizer': expected one of [SGD, MOMENTUM, ADAM, ADAMW] (case-insensitive) but was 'lbfgs' (see autograd4j-examples digits --help)",
        "digits --batch-size 0     | digits: --batch-size must be at least 1, got 0",
        "mnist                     | mnist: Missing required option: '--data=DIR' (see autograd4j-examples mnist --help)",
        "graph                     | graph: Missing required parameter: 'EXPR-EXAMPLE' (see autograd4j-examples graph --help)",
        "moons --steps -1          | moons: --steps must be at least 1, got -1",
        "digits --out pom.xml      | digits: --out pom.xml is a file; expected a directory (made if missing)"})
    void badArgumentsExitWithTwoAndOneLine(String args, String message) {
        Run r = run(args.trim().split(" +"));
        assertEquals(Main.USAGE, r.status());
        assertEquals(message + System.lineSeparator(), r.err());
    }

    @ParameterizedTest
    @EnabledOnOs(OS.LINUX) // /proc: a place no one, root included, can make a directory or a file in
    @CsvSource(delimiter = '|', value = {
        "digits --out /proc/foo                     | digits: --out /proc/foo: cannot make this directory (NoSuchFileException)",
        "tour --out /proc                           | tour: --out /proc: cannot write in this directory (NoSuchFileException)",
        "mnist --data . --out /proc/foo             | mnist: --out /proc/foo: cannot make this directory (NoSuchFileException)",
        "digits --out target --checkpoint /proc/ck.safetensors | digits: --checkpoint /proc/ck.safetensors: cannot write in its directory /proc (NoSuchFileException)",
        "moons --out /proc/foo                      | moons: --out /proc/foo: cannot make this directory (NoSuchFileException)",
        "regression --out /proc/foo                 | regression: --out /proc/foo: cannot make this directory (NoSuchFileException)",
        "graph neuron --out /proc/foo               | graph: --out /proc/foo: cannot make this directory (NoSuchFileException)"})
    void placesThatCannotBeWrittenAreRefusedBeforeAnyWork(String args, String message) {
        Run r = printed(args.trim().split(" +"));
        assertEquals(Main.USAGE, r.status());
        assertEquals(message + System.lineSeparator(), r.err());
        assertEquals("", r.out(), "nothing ran");
    }

    @Test
    void resumingFromADirectoryNamesTheCommandTheOptionThePathAndWhatWasExpected(@TempDir Path dir) {
        Run r = printed("digits", "--out", dir.toString(), "--resume", dir.toString());
        assertEquals(Main.USAGE, r.status());
        assertEquals("digits: --resume " + dir + " is a directory; expected a checkpoint written by --checkpoint"
                + System.lineSeparator(), r.err());
    }

    @Test
    void everyCommandHasHelpAndExitsWithZero() {
        for (String command : Main.commandLine().getSubcommands().keySet()) {
            if (!command.equals("bench")) {
                Run r = run(command, "--help");
                assertEquals(0, r.status(), command);
                assertTrue(r.out().startsWith("Usage: autograd4j-examples " + command), r.out());
            }
        }
        Run gradcheck = printed("gradcheck");
        assertEquals(0, gradcheck.status());
        assertTrue(gradcheck.out().contains("passed: true"), gradcheck.out());
        assertEquals(0, run("--help").status());
    }

    @Test
    void aMalformedDataFileExitsWithOneAndOneLine(@TempDir Path dir) throws Exception {
        IdxFiles.writeBars(dir, "train", 10, 1, false);
        IdxFiles.writeBars(dir, "t10k", 10, 1, false);
        IdxFiles.write(dir.resolve("train-labels-idx1-ubyte"), Idx.IMAGES_MAGIC, new int[] {10, 1, 1}, new byte[10]);
        Run r = run("mnist", "--data", dir.toString(), "--out", dir.toString());
        assertEquals(Main.FAILURE, r.status());
        assertEquals("mnist: train-labels-idx1-ubyte: magic number 0x00000803 (that of an image file), expected 0x00000801"
                + " for an IDX label file" + System.lineSeparator(), r.err());
    }

    @Test
    void versionIsThePoms() {
        String pomVersion = System.getProperty("autograd4j.version");
        assertNotNull(pomVersion, "surefire passes the pom's version (autograd4j-examples/pom.xml)");
        Run r = run("--version");
        assertEquals(0, r.status());
        assertEquals("autograd4j examples " + pomVersion + System.lineSeparator(), r.out());
    }

    @Test
    void optionsWithoutACommandAreTheToursOptions() {
        CommandLine cli = Main.commandLine();
        assertArrayEquals(new String[] {"tour", "--epochs", "2"}, Main.withDefaultCommand(cli, "--epochs", "2"));
        assertArrayEquals(new String[] {"tour", "--debug", "--out", "x"}, Main.withDefaultCommand(cli, "--debug", "--out", "x"));
        assertArrayEquals(new String[] {"--debug", "digits"}, Main.withDefaultCommand(cli, "--debug", "digits"));
        assertArrayEquals(new String[] {"--help"}, Main.withDefaultCommand(cli, "--help"));
        assertArrayEquals(new String[0], Main.withDefaultCommand(cli));
        assertArrayEquals(new String[] {"frob", "--epochs", "2"}, Main.withDefaultCommand(cli, "frob", "--epochs", "2"));
    }

    @Test
    void benchHandsItsArgumentsToJmh() {
        Run r = printed("bench", "-l", "MoonsStep");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("MoonsStepBenchmark"), r.out());
    }

    @Test
    void optimiserNamesAreCaseInsensitive() {
        assertEquals("digits: --epochs must be at least 1, got 0" + System.lineSeparator(),
                run("digits", "--optimizer", "AdamW", "--epochs", "0").err());
    }
}
