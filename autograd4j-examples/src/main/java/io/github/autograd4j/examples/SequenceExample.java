package io.github.autograd4j.examples;

import io.github.autograd4j.Grad;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.examples.plot.Charts;
import io.github.autograd4j.nn.GRU;
import io.github.autograd4j.nn.LSTM;
import io.github.autograd4j.nn.Linear;
import io.github.autograd4j.nn.Module;
import io.github.autograd4j.nn.RNNBase;
import io.github.autograd4j.nn.loss.MSELoss;
import io.github.autograd4j.nn.optim.Adam;
import io.github.autograd4j.nn.optim.Optimizer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The {@code sequence} command: an LSTM or a GRU learns to predict the next value of a noisy signal
 * (two sines of periods 25 and 9 plus Gaussian noise of standard deviation 0.05, 2,000 values of
 * which the last 400 are held out) from the values so far. It trains on random windows of 40
 * values with Adam on the squared error of every step's prediction, then predicts the held-out
 * stretch one step ahead and compares its error with that of repeating the last value. The plot
 * ({@code sequence-prediction.png}) shows the prediction against the signal.
 */
public final class SequenceExample {

    /** The file name of the plot. */
    public static final String PLOT = "sequence-prediction.png";

    private static final int LENGTH = 2000;
    private static final int HELD_OUT = 400;
    private static final int WINDOW = 40;
    private static final int BATCH = 32;
    private static final double NOISE = 0.05;

    /** The recurrent layer. */
    public enum Cell {
        /** {@link LSTM}. */
        LSTM,
        /** {@link GRU}. */
        GRU
    }

    /**
     * A run.
     *
     * @param cell   the recurrent layer
     * @param hidden its hidden size
     * @param steps  training steps
     * @param lr     Adam's learning rate
     * @param seed   the seed of the signal's noise, the initialisation and the batches
     * @param dir    where the plot goes
     * @param out    where the progress is printed
     */
    public record Config(Cell cell, int hidden, int steps, double lr, long seed, Path dir, PrintStream out) {

        /** Checks the numbers. */
        public Config {
            UsageException.require(hidden >= 1, "--hidden must be at least 1, got " + hidden);
            UsageException.require(steps >= 1, "--steps must be at least 1, got " + steps);
            UsageException.require(lr > 0 && Double.isFinite(lr), "--lr must be positive, got " + lr);
        }
    }

    /**
     * What a run ends with.
     *
     * @param losses         the training loss of every step
     * @param testMse        the mean squared error of the one-step-ahead predictions of the held-out stretch
     * @param persistenceMse that of repeating the last value
     * @param plot           the plot
     */
    public record Result(double[] losses, double testMse, double persistenceMse, Path plot) {
    }

    /** A recurrent layer and a linear read-out of each step's hidden state. */
    private static final class Predictor extends Module {
        private final RNNBase rnn;
        private final Linear readOut;

        Predictor(Cell cell, int hidden, Random rng) {
            rnn = registerModule("rnn", cell == Cell.LSTM ? new LSTM(1, hidden, 1, true, true, 0.0, rng)
                    : new GRU(1, hidden, 1, true, true, 0.0, rng));
            readOut = registerModule("read_out", new Linear(hidden, 1, true, rng));
        }

        /** {@code (B, L, 1)} values to {@code (B, L, 1)} predictions of the next ones. */
        @Override
        public Tensor forward(Tensor x) {
            return readOut.forward(rnn.forward(x));
        }
    }

    private SequenceExample() {
    }

    /** Trains, evaluates and plots. */
    public static Result run(Config c) throws IOException {
        FileOptions.requireWritableDirectory("--out", c.dir());
        PrintStream out = c.out();
        double[] signal = signal(new Random(c.seed()));
        int trainLength = LENGTH - HELD_OUT;
        Predictor model = new Predictor(c.cell(), c.hidden(), new Random(c.seed() + 1));
        Optimizer optimizer = Adam.builder().lr(c.lr()).build(model.parameters());
        MSELoss criterion = new MSELoss();
        out.printf(Locale.ROOT, "sequence: %s(1, %d) and a linear read-out, %d parameters; next-value prediction on %d values"
                        + " (the last %d held out), windows of %d, batch %d, adam lr %s, %d steps, seed %d%n",
                c.cell(), c.hidden(), model.numParameters(), LENGTH, HELD_OUT, WINDOW, BATCH, c.lr(), c.steps(), c.seed());
        double[] losses = new double[c.steps()];
        Random batches = new Random(c.seed() + 2);
        for (int step = 0; step < c.steps(); step++) {
            double[] x = new double[BATCH * WINDOW];
            double[] y = new double[BATCH * WINDOW];
            for (int b = 0; b < BATCH; b++) {
                int from = batches.nextInt(trainLength - WINDOW);
                System.arraycopy(signal, from, x, b * WINDOW, WINDOW);
                System.arraycopy(signal, from + 1, y, b * WINDOW, WINDOW);
            }
            optimizer.zeroGrad();
            Tensor loss = criterion.forward(model.forward(Tensor.of(x, BATCH, WINDOW, 1)), Tensor.of(y, BATCH, WINDOW, 1));
            loss.backward();
            optimizer.step();
            losses[step] = loss.item();
            if ((step + 1) % Math.max(1, c.steps() / 10) == 0 || step == 0) {
                out.printf(Locale.ROOT, "  step %4d  loss %.5f%n", step + 1, losses[step]);
            }
        }
        double[] predicted = predictHeldOut(model, signal, trainLength);
        double mse = 0;
        double persistence = 0;
        for (int i = 0; i < predicted.length; i++) {
            int t = trainLength + i + 1;
            mse += Math.pow(predicted[i] - signal[t], 2);
            persistence += Math.pow(signal[t - 1] - signal[t], 2);
        }
        mse /= predicted.length;
        persistence /= predicted.length;
        int shown = 150;
        double[] time = new double[shown];
        double[] truth = new double[shown];
        double[] guess = new double[shown];
        for (int i = 0; i < shown; i++) {
            time[i] = trainLength + i + 1;
            truth[i] = signal[trainLength + i + 1];
            guess[i] = predicted[i];
        }
        Map<String, double[][]> series = new LinkedHashMap<>();
        series.put("signal", new double[][] {time, truth});
        series.put(c.cell() + " prediction (one step ahead)", new double[][] {time, guess});
        Path plot = Charts.xy(c.dir().resolve(PLOT), String.format(Locale.ROOT,
                "%s(1, %d): held-out MSE %.4f, last value repeated %.4f", c.cell(), c.hidden(), mse, persistence),
                "time step", "value", series);
        out.printf(Locale.ROOT, "sequence: held-out one-step MSE %.5f; repeating the last value gives %.5f (the noise alone %.5f)%n",
                mse, persistence, NOISE * NOISE);
        out.println("sequence: prediction plot in " + plot);
        return new Result(losses, mse, persistence, plot);
    }

    /** Two sines and Gaussian noise. */
    static double[] signal(Random rng) {
        double[] s = new double[LENGTH];
        for (int t = 0; t < LENGTH; t++) {
            s[t] = Math.sin(2 * Math.PI * t / 25) + 0.5 * Math.sin(2 * Math.PI * t / 9) + NOISE * rng.nextGaussian();
        }
        return s;
    }

    /** The predictions of values {@code from + 1 ..} from the whole series up to each, in one pass from the start. */
    @SuppressWarnings("try")
    private static double[] predictHeldOut(Predictor model, double[] signal, int from) {
        try (var off = Grad.disabled()) {
            int n = signal.length - 1;
            double[] all = model.forward(Tensor.of(Arrays.copyOf(signal, n), 1, n, 1)).toArray();
            return Arrays.copyOfRange(all, from, n);
        }
    }
}
