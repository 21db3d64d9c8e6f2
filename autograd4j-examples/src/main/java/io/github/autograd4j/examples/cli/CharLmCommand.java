package io.github.autograd4j.examples.cli;

import io.github.autograd4j.DType;
import io.github.autograd4j.examples.CharLmExample;
import io.github.autograd4j.examples.train.Progress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code charlm}: see {@link CharLmExample}. */
@Command(name = "charlm", mixinStandardHelpOptions = true,
        description = "A small decoder-only transformer learns a text character by character (default: the State of the Union"
                + " addresses 1790-1830, public domain, in the jar), printing samples as it trains.")
public final class CharLmCommand implements Callable<Integer> {

    private static final CharLmExample.Config DEFAULTS = CharLmExample.Config.defaults(System.out);

    @Option(names = "--text", paramLabel = "FILE", description = "a UTF-8 text to learn instead of the bundled one")
    Path text;

    @Option(names = "--steps", paramLabel = "N", description = "training steps in all (default ${DEFAULT-VALUE})")
    int steps = DEFAULTS.steps();

    @Option(names = "--batch-size", paramLabel = "N", description = "windows per step (default ${DEFAULT-VALUE})")
    int batchSize = DEFAULTS.batchSize();

    @Option(names = "--context", paramLabel = "N", description = "characters per window (default ${DEFAULT-VALUE})")
    int context = DEFAULTS.context();

    @Option(names = "--layers", paramLabel = "N", description = "transformer layers (default ${DEFAULT-VALUE})")
    int layers = DEFAULTS.layers();

    @Option(names = "--heads", paramLabel = "N", description = "attention heads (default ${DEFAULT-VALUE})")
    int heads = DEFAULTS.heads();

    @Option(names = "--d-model", paramLabel = "N", description = "the model's width (default ${DEFAULT-VALUE})")
    int dModel = DEFAULTS.dModel();

    @Option(names = "--lr", paramLabel = "RATE", description = "AdamW's learning rate (default ${DEFAULT-VALUE})")
    double lr = DEFAULTS.lr();

    @Option(names = "--seed", paramLabel = "N", description = "seed of initialisation, batches and samples (default ${DEFAULT-VALUE})")
    long seed = DEFAULTS.seed();

    @Option(names = "--report-every", paramLabel = "N", description = "steps between reports, samples and checkpoints (default ${DEFAULT-VALUE})")
    int reportEvery = DEFAULTS.reportEvery();

    @Option(names = "--sample-length", paramLabel = "N", description = "characters per sample (default ${DEFAULT-VALUE})")
    int sampleLength = DEFAULTS.sampleLength();

    @Option(names = "--dtype", paramLabel = "TYPE", description = "float32 or float64 (default ${DEFAULT-VALUE})")
    DType dtype = DEFAULTS.dtype();

    @Option(names = "--threads", paramLabel = "N", description = "threads of a large matrix product (default: the processors)")
    int threads;

    @Option(names = "--out", paramLabel = "DIR", description = "directory of the loss curve (default ${DEFAULT-VALUE})")
    Path out = DEFAULTS.dir();

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "save model and optimiser at every report")
    Path checkpoint;

    @Option(names = "--resume", paramLabel = "FILE", description = "continue the run saved in FILE")
    Path resume;

    @Option(names = "--no-progress", description = "no progress bar")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        CharLmExample.run(new CharLmExample.Config(text, steps, batchSize, context, layers, heads, dModel, lr, seed, reportEvery,
                sampleLength, dtype, threads, out, checkpoint, resume, noProgress ? Progress.Mode.LINES : Progress.Mode.BAR,
                System.out));
        return 0;
    }
}
