package io.github.autograd4j.examples;

import io.github.autograd4j.examples.cli.BenchCommand;
import io.github.autograd4j.examples.cli.CharLmCommand;
import io.github.autograd4j.examples.cli.CnnCommand;
import io.github.autograd4j.examples.cli.DigitsCommand;
import io.github.autograd4j.examples.cli.DigitsTuningCommand;
import io.github.autograd4j.examples.cli.GradcheckCommand;
import io.github.autograd4j.examples.cli.GraphCommand;
import io.github.autograd4j.examples.cli.MnistCommand;
import io.github.autograd4j.examples.cli.MoonsCommand;
import io.github.autograd4j.examples.cli.RegressionCommand;
import io.github.autograd4j.examples.cli.SeedCommand;
import io.github.autograd4j.examples.cli.SequenceCommand;
import io.github.autograd4j.examples.cli.TourCommand;
import io.github.autograd4j.examples.cli.TrainMixin;
import io.github.autograd4j.examples.cli.VersionProvider;
import io.github.autograd4j.examples.cli.XorCommand;
import io.github.autograd4j.examples.data.DataFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The examples' command line: {@code java -jar autograd4j-examples.jar [command] [options]}, with
 * {@code tour} when no command is given (its options may then be given alone). Exit status 0 on
 * success; 2 with a one-line reason on bad arguments (an unknown option, a value out of range, a
 * place that cannot be written, a checkpoint of another run); 1 with a one-line reason when a
 * file cannot be read or written.
 */
@Command(name = "autograd4j-examples", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Runnable examples of autograd4j. With no command: tour.",
        subcommands = {TourCommand.class, SeedCommand.class, XorCommand.class, MoonsCommand.class, DigitsCommand.class,
            DigitsTuningCommand.class, MnistCommand.class, CnnCommand.class, CharLmCommand.class, SequenceCommand.class,
            RegressionCommand.class, GradcheckCommand.class, GraphCommand.class, BenchCommand.class})
public final class Main implements Callable<Integer> {

    /** The exit status of bad arguments. */
    public static final int USAGE = CommandLine.ExitCode.USAGE;
    /** The exit status of a failed run (a file that cannot be read or written). */
    public static final int FAILURE = CommandLine.ExitCode.SOFTWARE;

    @Spec
    CommandSpec spec;

    /** Turns on DEBUG logging; set while parsing, before any logger exists. */
    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "log at DEBUG: graph sizes and timings")
    void debug(boolean on) {
        if (on) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        }
    }

    /** Runs the tour, as {@code tour} with its defaults. */
    @Override
    public Integer call() {
        return spec.commandLine().getSubcommands().get("tour").execute();
    }

    /** Entry point: runs the command and exits with its status. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line; returns the exit status instead of exiting (for tests). */
    public static int execute(String... args) {
        CommandLine cli = commandLine();
        return cli.execute(withDefaultCommand(cli, args));
    }

    /**
     * {@code args} with {@code tour} in front when, after the top-level options, they go on with
     * an option rather than a command: {@code --epochs 5} alone means {@code tour --epochs 5}.
     */
    static String[] withDefaultCommand(CommandLine cli, String... args) {
        Set<String> topLevel = cli.getCommandSpec().optionsMap().keySet();
        String first = Arrays.stream(args).filter(a -> !topLevel.contains(a)).findFirst().orElse(null);
        if (first == null || !first.startsWith("-")) {
            return args; // a command, or a word picocli reports as an unknown command
        }
        String[] withTour = new String[args.length + 1];
        withTour[0] = "tour";
        System.arraycopy(args, 0, withTour, 1, args.length);
        return withTour;
    }

    /** The configured command line: case-insensitive option values, one-line error reports. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(Main::badArguments);
        cli.setExecutionExceptionHandler((e, command, parsed) -> failed(e, command));
        Map.of("tour", DigitsExample.defaults(), "digits", DigitsExample.defaults(), "mnist", MnistExample.defaults())
                .forEach((name, defaults) -> cli.getSubcommands().get(name).getCommandSpec().usageMessage()
                        .footer(TrainMixin.describe(defaults)));
        return cli;
    }

    private static int badArguments(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println(command.getCommandName() + ": " + e.getMessage() + " (see "
                + command.getCommandSpec().qualifiedName() + " --help)");
        return USAGE;
    }

    private static int failed(Exception e, CommandLine command) throws Exception {
        PrintWriter err = command.getErr();
        if (e instanceof IllegalArgumentException) {
            err.println(command.getCommandName() + ": " + e.getMessage());
            return USAGE;
        }
        if (e instanceof DataFormatException) {
            err.println(command.getCommandName() + ": " + e.getMessage());
            return FAILURE;
        }
        if (e instanceof IOException) {
            // the JDK's file exceptions say only the path in their message; the class name says what went wrong
            err.println(command.getCommandName() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return FAILURE;
        }
        throw e;
    }
}
