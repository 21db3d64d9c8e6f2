package io.github.autograd4j.examples.cli;

import io.github.autograd4j.examples.output.OutputDirectory;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --out DIR} of the commands that write files but do not train (the training commands have it in {@link TrainMixin}). */
public final class OutMixin {

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default ${DEFAULT-VALUE})")
    Path dir = OutputDirectory.DEFAULT;
}
