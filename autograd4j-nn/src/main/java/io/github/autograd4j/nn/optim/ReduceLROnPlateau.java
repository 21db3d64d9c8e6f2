package io.github.autograd4j.nn.optim;

import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.StateReader;
import io.github.autograd4j.nn.Stateful;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Lowers the learning rates when a metric stops improving, as
 * {@code torch.optim.lr_scheduler.ReduceLROnPlateau} with {@code threshold_mode='rel'}: call
 * {@link #step(double)} with the metric (a validation loss, say) once per epoch.
 *
 * <pre>{@code
 * ReduceLROnPlateau plateau = ReduceLROnPlateau.builder(optimizer).factor(0.5).patience(2).build();
 * plateau.step(validationLoss);
 * }</pre>
 *
 * <p>A metric improves on the best so far when it is below {@code best · (1 − threshold)} in mode
 * {@link Mode#MIN} (above {@code best · (1 + threshold)} in {@link Mode#MAX}); a NaN never
 * improves. After more than {@code patience} steps in a row without improvement, every group's
 * rate becomes {@code max(lr · factor, minLr)} (a change smaller than 1e-8 is skipped, PyTorch's
 * {@code eps}), and the next {@code cooldown} steps count no bad steps. Defaults are PyTorch's:
 * mode min, factor 0.1, patience 10, threshold 1e-4, cooldown 0, minLr 0.
 *
 * <p>It is not an {@link LrScheduler}, whose {@code step()} takes no metric. Its state dict holds
 * the steps, the best metric and the counts of bad and cooldown steps; the learning rates
 * themselves are the optimiser's state.
 */
public final class ReduceLROnPlateau implements Stateful {

    /** Whether a lower or a higher metric is better. */
    public enum Mode {
        /** Lower is better (a loss). */
        MIN,
        /** Higher is better (an accuracy). */
        MAX
    }

    /** PyTorch's {@code eps}: reductions smaller than this are skipped. */
    private static final double EPS = 1e-8;
    private static final String STEPS = "steps";
    private static final String BEST = "best";
    private static final String BAD_STEPS = "bad_steps";
    private static final String COOLDOWN_LEFT = "cooldown_left";

    private final Optimizer optimizer;
    private final Mode mode;
    private final double factor;
    private final int patience;
    private final double threshold;
    private final int cooldown;
    private final double minLr;

    private double best;
    private int badSteps;
    private int cooldownLeft;
    private int steps;
    private List<Double> lastLr;

    private ReduceLROnPlateau(Builder b) {
        this.optimizer = b.optimizer;
        this.mode = b.mode;
        this.factor = b.factor;
        this.patience = b.patience;
        this.threshold = b.threshold;
        this.cooldown = b.cooldown;
        this.minLr = b.minLr;
        this.best = mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        this.lastLr = currentLrs();
    }

    /**
     * A builder for {@code optimizer}, with PyTorch's defaults.
     *
     * @param optimizer the optimiser whose groups' learning rates are lowered
     * @return a new builder; set what differs from the defaults, then {@link Builder#build()}
     */
    public static Builder builder(Optimizer optimizer) {
        return new Builder(optimizer);
    }

    /**
     * Records one epoch's {@code metric} and lowers the learning rates when it has stopped
     * improving.
     *
     * @param metric the epoch's validation loss (MIN) or score (MAX)
     */
    public void step(double metric) {
        steps++;
        if (improves(metric)) {
            best = metric;
            badSteps = 0;
        } else {
            badSteps++;
        }
        if (cooldownLeft > 0) {
            cooldownLeft--;
            badSteps = 0;
        }
        if (badSteps > patience) {
            reduce();
            cooldownLeft = cooldown;
            badSteps = 0;
        }
        lastLr = currentLrs();
    }

    private boolean improves(double metric) {
        return mode == Mode.MIN ? metric < best * (1 - threshold) : metric > best * (1 + threshold);
    }

    private void reduce() {
        for (ParamGroup<?> group : optimizer.paramGroups()) {
            double old = group.lr();
            double lowered = Math.max(old * factor, minLr);
            if (old - lowered > EPS) {
                group.setLr(lowered);
            }
        }
    }

    private List<Double> currentLrs() {
        List<Double> lrs = new ArrayList<>();
        optimizer.paramGroups().forEach(g -> lrs.add(g.lr()));
        return Collections.unmodifiableList(lrs);
    }

    /**
     * The learning rate of each group after the last step.
     *
     * @return the rates, in group order; unmodifiable
     */
    public List<Double> lastLr() {
        return lastLr;
    }

    /**
     * The best metric so far (infinite before the first step).
     *
     * @return the best metric: {@code +inf} (MIN) or {@code -inf} (MAX) before the first step
     */
    public double best() {
        return best;
    }

    /**
     * The steps in a row without improvement that count towards {@code patience}.
     *
     * @return the count, 0 or more
     */
    public int badSteps() {
        return badSteps;
    }

    /**
     * The steps of cooldown left.
     *
     * @return the count, 0 or more
     */
    public int cooldownLeft() {
        return cooldownLeft;
    }

    /**
     * The number of {@link #step(double)} calls so far.
     *
     * @return the steps taken
     */
    public int steps() {
        return steps;
    }

    /** {@code "steps"}, {@code "best"}, {@code "bad_steps"} and {@code "cooldown_left"}, each 0-d. */
    @Override
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> dict = new LinkedHashMap<>();
        dict.put(STEPS, Tensor.scalar(steps));
        dict.put(BEST, Tensor.scalar(best));
        dict.put(BAD_STEPS, Tensor.scalar(badSteps));
        dict.put(COOLDOWN_LEFT, Tensor.scalar(cooldownLeft));
        return dict;
    }

    /**
     * Restores the steps, the best metric and the counts.
     *
     * @throws IllegalArgumentException when a key is missing or unknown, a count is not a whole
     *                                  number >= 0, or the best metric is NaN (nothing changes)
     */
    @Override
    public void loadStateDict(Map<String, Tensor> state) {
        StateReader in = StateReader.of("ReduceLROnPlateau", state).expectKeys(List.of(STEPS, BEST, BAD_STEPS, COOLDOWN_LEFT));
        int loadedSteps = (int) in.wholeNumber(STEPS, 0, Integer.MAX_VALUE);
        double loadedBest = in.scalar(BEST);
        if (Double.isNaN(loadedBest)) {
            throw in.error("'" + BEST + "' must be a number, got NaN");
        }
        int loadedBad = (int) in.wholeNumber(BAD_STEPS, 0, Integer.MAX_VALUE);
        int loadedCooldown = (int) in.wholeNumber(COOLDOWN_LEFT, 0, Integer.MAX_VALUE);
        steps = loadedSteps;
        best = loadedBest;
        badSteps = loadedBad;
        cooldownLeft = loadedCooldown;
        lastLr = currentLrs();
    }

    /** Builds a {@link ReduceLROnPlateau}; every value is checked in {@link #build()}. */
    public static final class Builder {

        private final Optimizer optimizer;
        private Mode mode = Mode.MIN;
        private double factor = 0.1;
        private int patience = 10;
        private double threshold = 1e-4;
        private int cooldown;
        private double minLr;

        private Builder(Optimizer optimizer) {
            this.optimizer = Objects.requireNonNull(optimizer, "ReduceLROnPlateau: optimizer is null");
        }

        /**
         * Whether lower (MIN, default) or higher (MAX) metrics are better.
         *
         * @param mode MIN for a loss, MAX for an accuracy
         * @return this builder
         */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "ReduceLROnPlateau: mode is null");
            return this;
        }

        /**
         * What the rates are multiplied by on a plateau, in [0, 1) (default 0.1).
         *
         * @param factor in [0, 1)
         * @return this builder
         */
        public Builder factor(double factor) {
            this.factor = factor;
            return this;
        }

        /**
         * How many steps without improvement are tolerated before reducing (default 10).
         *
         * @param patience 0 or more
         * @return this builder
         */
        public Builder patience(int patience) {
            this.patience = patience;
            return this;
        }

        /**
         * The relative improvement that counts (default 1e-4).
         *
         * @param threshold 0 or more: a metric improves when it beats the best by this fraction of
         *                  it
         * @return this builder
         */
        public Builder threshold(double threshold) {
            this.threshold = threshold;
            return this;
        }

        /**
         * How many steps after a reduction count no bad steps (default 0).
         *
         * @param cooldown 0 or more
         * @return this builder
         */
        public Builder cooldown(int cooldown) {
            this.cooldown = cooldown;
            return this;
        }

        /**
         * The lowest learning rate a reduction goes to (default 0).
         *
         * @param minLr 0 or more
         * @return this builder
         */
        public Builder minLr(double minLr) {
            this.minLr = minLr;
            return this;
        }

        /**
         * The scheduler.
         *
         * @return a new scheduler; the builder may be used again
         * @throws IllegalArgumentException for a factor outside [0, 1), a negative patience,
         *                                  cooldown, threshold or minLr, or a value that is not finite
         */
        public ReduceLROnPlateau build() {
            check(factor >= 0 && factor < 1, "factor must be in [0, 1), got " + factor);
            check(patience >= 0, "patience must be >= 0, got " + patience);
            check(threshold >= 0 && Double.isFinite(threshold), "threshold must be a finite number >= 0, got " + threshold);
            check(cooldown >= 0, "cooldown must be >= 0, got " + cooldown);
            check(minLr >= 0 && Double.isFinite(minLr), "minLr must be a finite number >= 0, got " + minLr);
            return new ReduceLROnPlateau(this);
        }

        private static void check(boolean ok, String what) {
            if (!ok) {
                throw new IllegalArgumentException("ReduceLROnPlateau: " + what);
            }
        }
    }
}
