package io.github.autograd4j.examples.train;

import java.io.Console;
import java.text.DecimalFormat;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows how training goes: a progress bar over all remaining batches (me.tongfei:progressbar, on
 * standard error) when a person watches a terminal, and plain log lines, about ten per run,
 * otherwise. A bar redraws a line with carriage returns, which makes a mess of a log file or a
 * pipe, so it is used only on a terminal ({@link #onTerminal()}). A program that trains many
 * models and reports on them itself (a hyperparameter search) shows nothing per run.
 */
public abstract class Progress implements AutoCloseable {

    /** What a run shows of its progress. */
    public enum Mode {
        /** A bar on a terminal, log lines otherwise. */
        BAR,
        /** Log lines ({@code --no-progress}). */
        LINES,
        /** Nothing. */
        NONE
    }

    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);

    /** The task's name at the start of each line, e.g. {@code "digits"}. */
    protected final String task;
    /** The number of epochs of the whole run. */
    protected final int epochs;

    private Progress(String task, int epochs) {
        this.task = task;
        this.epochs = epochs;
    }

    /**
     * The progress display for a run of {@code epochs} epochs of {@code batches} batches, starting
     * after {@code done} completed ones: a bar when {@code mode} asks for one and there is a
     * terminal, nothing for {@link Mode#NONE}, log lines otherwise.
     */
    public static Progress create(String task, Mode mode, int epochs, int done, int batches) {
        return switch (mode) {
            case BAR -> onTerminal() ? new Bar(task, epochs, done, batches) : new Lines(task, epochs);
            case LINES -> new Lines(task, epochs);
            case NONE -> new Nothing(task, epochs);
        };
    }

    /**
     * Whether standard input and output are a terminal. From Java 22 {@link System#console()}
     * exists even when they are redirected, and {@code Console.isTerminal()} (looked up by
     * reflection, as this code compiles for Java 17) tells; before, a console exists only on a terminal.
     */
    static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** Called after each batch with its loss. */
    public abstract void batch(int epoch, double loss);

    /** Called after each epoch. */
    public abstract void epoch(EpochStats stats);

    @Override
    public abstract void close();

    /** One line about an epoch: loss, accuracies, learning rate and rate of work. */
    protected final String describe(EpochStats s) {
        return String.format(Locale.ROOT, "epoch %" + digits(epochs) + "d/%d  loss %.4f  train %5.1f%%%s  lr %.2e",
                s.epoch(), epochs, s.trainLoss(), 100 * s.trainAccuracy(), heldOut(s), s.lr());
    }

    /** The validation and test accuracies of an epoch, those the run has, e.g. {@code "  val  97.9%  test  98.1%"}. */
    static String heldOut(EpochStats s) {
        return accuracy("val", s.validationAccuracy()) + accuracy("test", s.testAccuracy());
    }

    private static String accuracy(String set, double accuracy) {
        return Double.isNaN(accuracy) ? "" : String.format(Locale.ROOT, "  %s %5.1f%%", set, 100 * accuracy);
    }

    private static int digits(int n) {
        return String.valueOf(n).length();
    }

    /** Log lines at INFO: about ten per run, the first and last epochs always. */
    static final class Lines extends Progress {

        private final int every;

        Lines(String task, int epochs) {
            super(task, epochs);
            every = Math.max(1, epochs / 10);
        }

        @Override
        public void batch(int epoch, double loss) {
            // epochs only
        }

        @Override
        public void epoch(EpochStats s) {
            if (s.epoch() == 1 || s.epoch() % every == 0 || s.epoch() == epochs) {
                LOG.info("{} {}  ({} s)", task, describe(s), String.format(Locale.ROOT, "%.2f", s.seconds()));
            }
        }

        @Override
        public void close() {
            // nothing to finish
        }
    }

    /** Shows nothing. */
    static final class Nothing extends Progress {

        Nothing(String task, int epochs) {
            super(task, epochs);
        }

        @Override
        public void batch(int epoch, double loss) {
            // nothing to show
        }

        @Override
        public void epoch(EpochStats stats) {
            // nothing to show
        }

        @Override
        public void close() {
            // nothing to finish
        }
    }

    /** A progress bar over every remaining batch; its message shows the epoch and the last loss. */
    static final class Bar extends Progress {

        private final ProgressBar bar;
        private String lastEpoch = "";

        Bar(String task, int epochs, int done, int batches) {
            super(task, epochs);
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax((long) (epochs - done) * batches)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" batches", 1).showSpeed(new DecimalFormat("#")).hideEta()
                    .setUpdateIntervalMillis(200)
                    .continuousUpdate().build();
        }

        @Override
        public void batch(int epoch, double loss) {
            bar.step();
            show(epoch, loss);
        }

        @Override
        public void epoch(EpochStats s) {
            lastEpoch = heldOut(s);
            show(s.epoch(), s.trainLoss());
        }

        private void show(int epoch, double loss) {
            bar.setExtraMessage(String.format(Locale.ROOT, " epoch %d/%d loss %.3f%s", epoch, epochs, loss, lastEpoch));
        }

        @Override
        public void close() {
            bar.close();
        }
    }
}
