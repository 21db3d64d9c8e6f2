package io.github.autograd4j.examples;

import io.github.autograd4j.DType;
import io.github.autograd4j.Grad;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.examples.data.CharText;
import io.github.autograd4j.examples.output.OutputDirectory;
import io.github.autograd4j.examples.plot.Charts;
import io.github.autograd4j.examples.train.Progress;
import io.github.autograd4j.examples.train.StepCheckpoint;
import io.github.autograd4j.examples.train.Trainer;
import io.github.autograd4j.nn.loss.CrossEntropyLoss;
import io.github.autograd4j.nn.loss.Reduction;
import io.github.autograd4j.nn.optim.AdamW;
import io.github.autograd4j.nn.optim.Optimizer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The {@code charlm} command: a small decoder-only transformer ({@link CharTransformer}) learns to
 * continue a text character by character: by default the State of the Union addresses of
 * 1790-1830 shipped in the jar, or any UTF-8 text ({@code --text}). The last tenth of the text is
 * held out. Every step trains on a batch of windows drawn from the seed and the step number, by
 * AdamW on the cross-entropy of the next character ({@code (N, C, L)} logits); every
 * {@code --report-every} steps it prints the training and held-out loss per character and a sample
 * continuing the held-out text, and saves the checkpoint. It ends with the loss curve
 * ({@code charlm-loss.png}) and the time per step. {@code --resume} continues a checkpointed run to
 * the weights of an uninterrupted one.
 */
public final class CharLmExample {

    /** The file name of the loss curve. */
    public static final String PLOT = "charlm-loss.png";

    /**
     * A run.
     *
     * @param text         a UTF-8 text file, or null for the bundled addresses
     * @param steps        the training steps in all (those of a resumed run included)
     * @param batchSize    windows per step
     * @param context      characters per window (the model's context)
     * @param layers       transformer layers
     * @param heads        attention heads
     * @param dModel       the model's width
     * @param lr           AdamW's learning rate (weight decay 0.01, PyTorch's default)
     * @param seed         the seed of the initialisation, the batches and the samples
     * @param reportEvery  steps between reports, samples and checkpoints
     * @param sampleLength characters per sample
     * @param dtype        the type the model trains in
     * @param threads      the GEMM kernel's threads, or 0 for its default
     * @param dir          where the loss curve goes
     * @param checkpoint   where to save after each report, or null
     * @param resume       a checkpoint to continue, or null
     * @param progress     how progress is shown
     * @param out          where reports are printed
     */
    public record Config(Path text, int steps, int batchSize, int context, int layers, int heads, int dModel, double lr, long seed,
                         int reportEvery, int sampleLength, DType dtype, int threads, Path dir, Path checkpoint, Path resume,
                         Progress.Mode progress, PrintStream out) {

        /** Checks the numbers. */
        public Config {
            UsageException.require(steps >= 1, "--steps must be at least 1, got " + steps);
            UsageException.require(batchSize >= 1, "--batch-size must be at least 1, got " + batchSize);
            UsageException.require(context >= 1, "--context must be at least 1, got " + context);
            UsageException.require(layers >= 1, "--layers must be at least 1, got " + layers);
            UsageException.require(heads >= 1 && dModel >= 1 && dModel % heads == 0,
                    "--d-model " + dModel + " must be a positive multiple of --heads " + heads);
            UsageException.require(lr > 0 && Double.isFinite(lr), "--lr must be positive, got " + lr);
            UsageException.require(reportEvery >= 1, "--report-every must be at least 1, got " + reportEvery);
            UsageException.require(sampleLength >= 0, "--sample-length must be 0 or more, got " + sampleLength);
        }

        /** This run with {@code steps} steps in all. */
        public Config withSteps(int steps) {
            return new Config(text, steps, batchSize, context, layers, heads, dModel, lr, seed, reportEvery, sampleLength, dtype, threads,
                    dir, checkpoint, resume, progress, out);
        }

        /** This run with a context of {@code context} characters. */
        public Config withContext(int context) {
            return new Config(text, steps, batchSize, context, layers, heads, dModel, lr, seed, reportEvery, sampleLength, dtype, threads,
                    dir, checkpoint, resume, progress, out);
        }

        /** This run with {@code heads} attention heads. */
        public Config withHeads(int heads) {
            return new Config(text, steps, batchSize, context, layers, heads, dModel, lr, seed, reportEvery, sampleLength, dtype, threads,
                    dir, checkpoint, resume, progress, out);
        }

        /**
         * The defaults: 2 layers, 4 heads, width 64, context 64, batch 32, 1000 steps, float64 (faster
         * than float32 here until the float32 matrix kernel is as fast as the float64 one).
         */
        public static Config defaults(PrintStream out) {
            return new Config(null, 1000, 32, 64, 2, 4, 64, 3e-3, 0, 100, 200, DType.FLOAT64, 0, OutputDirectory.DEFAULT, null,
                    null, Progress.Mode.BAR, out);
        }
    }

    /**
     * What a run ends with.
     *
     * @param trainLosses    the training loss (nats per character) of every step
     * @param validation     the steps of each report and the held-out loss then, {@code {steps, losses}}
     * @param msPerStep      the median wall time of this run's steps
     * @param sample         the last sample
     * @param plot           the loss curve
     * @param model          the trained model
     */
    public record Result(double[] trainLosses, double[][] validation, double msPerStep, String sample, Path plot,
                         CharTransformer model) {
    }

    private CharLmExample() {
    }

    /** Trains, reports, samples and plots. */
    public static Result run(Config c) throws IOException {
        FileOptions.requireWritableDirectory("--out", c.dir());
        if (c.checkpoint() != null) {
            FileOptions.requireWritableFile("--checkpoint", c.checkpoint());
        }
        if (c.resume() != null) {
            FileOptions.requireReadableFile("--resume", c.resume(), "a checkpoint written by --checkpoint");
        }
        CharText text = c.text() == null ? CharText.bundled() : CharText.read("--text", c.text());
        int split = text.length() - text.length() / 10;
        int[] train = Arrays.copyOfRange(text.indices(), 0, split);
        int[] heldOut = Arrays.copyOfRange(text.indices(), split, text.length());
        UsageException.require(heldOut.length > c.context(), "--text " + text.name() + ": " + text.length() + " characters are too few for"
                + " --context " + c.context() + ": the held-out tenth (" + heldOut.length + ") and the rest need a window of "
                + (c.context() + 1) + " each");
        Trainer.applyThreads(c.threads());
        PrintStream out = c.out();
        CharTransformer model = new CharTransformer(text.vocabularySize(), c.context(), c.dModel(), c.heads(), c.layers(),
                new Random(c.seed()));
        model.to(c.dtype());
        Optimizer optimizer = AdamW.builder().lr(c.lr()).build(model.parameters());
        Map<String, String> defining = defining(c, text);
        List<Double> losses = new ArrayList<>();
        List<double[]> validation = new ArrayList<>();
        int start = 0;
        if (c.resume() != null) {
            Map<String, String> meta = StepCheckpoint.restore(c.resume(), defining, c.steps(), model, optimizer);
            start = StepCheckpoint.stepsDone(meta);
            losses.addAll(parse(meta.get("train-losses")));
            List<Double> vs = parse(meta.get("validation-steps"));
            List<Double> vl = parse(meta.get("validation-losses"));
            for (int i = 0; i < vs.size(); i++) {
                validation.add(new double[] {vs.get(i), vl.get(i)});
            }
            out.printf(Locale.ROOT, "charlm: resumed from %s after step %d%n", c.resume(), start);
        }
        out.printf(Locale.ROOT, "charlm: %d-layer transformer, %d heads, width %d, context %d, %d parameters; %s: %d characters"
                        + " (%d distinct), the last %d held out; AdamW lr %s, batch %d, %d steps, %s, seed %d%n",
                c.layers(), c.heads(), c.dModel(), c.context(), model.numParameters(), text.name(), text.length(),
                text.vocabularySize(), heldOut.length, c.lr(), c.batchSize(), c.steps(), c.dtype().toString().toLowerCase(Locale.ROOT),
                c.seed());
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        List<Long> times = new ArrayList<>();
        String sample = "";
        try (Progress progress = Progress.create("charlm", c.progress(), 1, 0, c.steps() - start)) {
            for (int step = start + 1; step <= c.steps(); step++) {
                long t0 = System.nanoTime();
                Tensor[] batch = batch(train, c.batchSize(), c.context(), new Random(c.seed() * 1_000_003L + step));
                optimizer.zeroGrad();
                Tensor loss = criterion.forward(model.forward(batch[0]).permute(0, 2, 1), batch[1]);
                loss.backward();
                optimizer.step();
                times.add(System.nanoTime() - t0);
                losses.add(loss.item());
                progress.batch(1, loss.item());
                if (step % c.reportEvery() == 0 || step == c.steps()) {
                    double held = heldOutLoss(model, heldOut, c.batchSize(), c.context());
                    validation.add(new double[] {step, held});
                    sample = sample(model, text, heldOut, c.sampleLength(), new Random(c.seed() + step));
                    out.printf(Locale.ROOT, "step %5d/%d  train %.3f  held-out %.3f nats/char (%.2f bits)  %.1f ms/step%n  | %s%n",
                            step, c.steps(), mean(losses, c.reportEvery()), held, held / Math.log(2), median(times) / 1e6,
                            sample.replace("\n", "\n  | "));
                    if (c.checkpoint() != null) {
                        StepCheckpoint.save(c.checkpoint(), defining, step, history(losses, validation), model, optimizer);
                    }
                }
            }
        }
        double[] trainLosses = losses.stream().mapToDouble(Double::doubleValue).toArray();
        double[][] val = {validation.stream().mapToDouble(v -> v[0]).toArray(), validation.stream().mapToDouble(v -> v[1]).toArray()};
        double[] steps = new double[trainLosses.length];
        Arrays.setAll(steps, i -> i + 1);
        Map<String, double[][]> series = new LinkedHashMap<>();
        series.put("training batch", new double[][] {steps, trainLosses});
        series.put("held-out text", val);
        Path plot = Charts.xy(c.dir().resolve(PLOT), String.format(Locale.ROOT, "charlm: %d layers, %d heads, width %d, context %d",
                c.layers(), c.heads(), c.dModel(), c.context()), "step", "cross-entropy (nats per character)", series);
        double ms = times.isEmpty() ? Double.NaN : median(times) / 1e6;
        double last = val[1].length == 0 ? Double.NaN : val[1][val[1].length - 1];
        out.printf(Locale.ROOT, "charlm: after %d steps the held-out loss is %.3f nats per character (%.2f bits); %.1f ms per step"
                + " (median of this run's %d)%n", c.steps(), last, last / Math.log(2), ms, times.size());
        out.println("charlm: loss curve in " + plot);
        return new Result(trainLosses, val, ms, sample, plot, model);
    }

    /** The options that define a run: a resumed run must have the same. */
    private static Map<String, String> defining(Config c, CharText text) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("task", "charlm");
        d.put("text", text.name());
        d.put("seed", Long.toString(c.seed()));
        d.put("lr", Double.toString(c.lr()));
        d.put("batch-size", Integer.toString(c.batchSize()));
        d.put("context", Integer.toString(c.context()));
        d.put("layers", Integer.toString(c.layers()));
        d.put("heads", Integer.toString(c.heads()));
        d.put("d-model", Integer.toString(c.dModel()));
        d.put("dtype", c.dtype().toString().toLowerCase(Locale.ROOT));
        return d;
    }

    /**
     * {@code batch} windows of {@code context} characters at places drawn from {@code rng}, and the
     * characters that follow each: {@code {inputs (B, T), targets (B, T)}}.
     */
    static Tensor[] batch(int[] text, int batch, int context, Random rng) {
        double[] x = new double[batch * context];
        double[] y = new double[batch * context];
        for (int b = 0; b < batch; b++) {
            int from = rng.nextInt(text.length - context);
            for (int t = 0; t < context; t++) {
                x[b * context + t] = text[from + t];
                y[b * context + t] = text[from + t + 1];
            }
        }
        return new Tensor[] {Tensor.of(x, batch, context), Tensor.of(y, batch, context)};
    }

    /** The mean loss per character on up to 4 batches of windows evenly spread over the held-out text. */
    @SuppressWarnings("try")
    static double heldOutLoss(CharTransformer model, int[] heldOut, int batchSize, int context) {
        int windows = Math.min(4 * batchSize, heldOut.length - context);
        double sum = 0;
        int count = 0;
        try (var off = Grad.disabled()) {
            for (int first = 0; first < windows; first += batchSize) {
                int n = Math.min(batchSize, windows - first);
                double[] x = new double[n * context];
                double[] y = new double[n * context];
                for (int b = 0; b < n; b++) {
                    int from = (int) ((long) (first + b) * (heldOut.length - context - 1) / Math.max(1, windows - 1));
                    for (int t = 0; t < context; t++) {
                        x[b * context + t] = heldOut[from + t];
                        y[b * context + t] = heldOut[from + t + 1];
                    }
                }
                Tensor logits = model.forward(Tensor.of(x, n, context)).permute(0, 2, 1);
                sum += new CrossEntropyLoss(Reduction.SUM).forward(logits, Tensor.of(y, n, context)).item();
                count += n * context;
            }
        }
        return sum / count;
    }

    /** {@code length} characters drawn from the model after the first characters of the held-out text. */
    @SuppressWarnings("try")
    static String sample(CharTransformer model, CharText text, int[] heldOut, int length, Random rng) {
        int promptLength = Math.min(Math.min(32, model.context()), heldOut.length);
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < promptLength; i++) {
            ids.add(heldOut[i]);
        }
        try (var off = Grad.disabled()) {
            for (int k = 0; k < length; k++) {
                int from = Math.max(0, ids.size() - model.context());
                double[] window = ids.subList(from, ids.size()).stream().mapToDouble(Integer::doubleValue).toArray();
                Tensor logits = model.forward(Tensor.of(window, 1, window.length)).select(1, window.length - 1).select(0, 0);
                double[] p = logits.softmax(0).doubles();
                double u = rng.nextDouble();
                int next = 0;
                for (double acc = p[0]; acc < u && next < p.length - 1; acc += p[++next]) {
                    // walk the cumulative distribution to the drawn value
                }
                ids.add(next);
            }
        }
        int[] all = ids.stream().mapToInt(Integer::intValue).toArray();
        return text.decode(Arrays.copyOfRange(all, 0, promptLength)) + "|" + text.decode(Arrays.copyOfRange(all, promptLength, all.length));
    }

    private static Map<String, String> history(List<Double> losses, List<double[]> validation) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("train-losses", join(losses));
        h.put("validation-steps", join(validation.stream().map(v -> v[0]).toList()));
        h.put("validation-losses", join(validation.stream().map(v -> v[1]).toList()));
        return h;
    }

    private static String join(List<Double> values) {
        return values.stream().map(d -> Double.toString(d)).collect(Collectors.joining(","));
    }

    private static List<Double> parse(String joined) {
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(joined.split(",")).map(Double::valueOf).toList();
    }

    private static double mean(List<Double> values, int last) {
        return values.subList(Math.max(0, values.size() - last), values.size()).stream().mapToDouble(Double::doubleValue).average()
                .orElse(Double.NaN);
    }

    private static double median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }
}
