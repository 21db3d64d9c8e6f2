package io.github.autograd4j.examples;

import java.util.Arrays;

/**
 * The examples' command line: {@code java -jar autograd-examples.jar [command] [options]}.
 * With no command it runs the tour (for now, seed example 000 step by step);
 * {@code bench [JMH options]} runs the JMH benchmarks.
 */
public final class Main {

    private static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar autograd-examples.jar [command]",
            "  (none) | tour        seed example 000 step by step",
            "  seed [--steps N]     seed example 000, then N-1 more gradient-descent steps",
            "  bench [JMH options]  the JMH benchmarks (e.g. bench -f 1 -wi 3 -i 5 MoonsStep)");

    private Main() {
    }

    /** Entry point; exits with 2 and a one-line reason on bad arguments. */
    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "tour" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (command) {
                case "tour" -> SeedExample.run(1, System.out);
                case "seed" -> SeedExample.run(parseSteps(rest), System.out);
                case "bench" -> org.openjdk.jmh.Main.main(rest);
                case "--help", "-h", "help" -> System.out.println(USAGE);
                default -> throw new IllegalArgumentException("unknown command '" + command + "'");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("autograd-examples: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
    }

    private static int parseSteps(String[] args) {
        if (args.length == 0) {
            return 1;
        }
        if (args.length == 2 && args[0].equals("--steps")) {
            try {
                return Integer.parseInt(args[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("seed: --steps takes a whole number, got '" + args[1] + "'");
            }
        }
        throw new IllegalArgumentException("seed: unexpected arguments " + Arrays.toString(args));
    }
}
