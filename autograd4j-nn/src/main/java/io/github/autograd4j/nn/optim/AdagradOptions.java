package io.github.autograd4j.nn.optim;

/**
 * The options of {@link Adagrad}, as the arguments of {@code torch.optim.Adagrad}.
 *
 * @param lr                      the learning rate γ
 * @param lrDecay                 the decay η of the learning rate over steps
 * @param weightDecay             the weight decay λ (an L2 penalty added to the gradient)
 * @param initialAccumulatorValue the starting value of the sum of squared gradients
 * @param eps                     the term ε added to the denominator
 * @param maximize                maximise the objective (the gradient is negated first)
 */
public record AdagradOptions(double lr, double lrDecay, double weightDecay, double initialAccumulatorValue, double eps,
                             boolean maximize) implements OptimizerOptions<AdagradOptions> {

    /** PyTorch's defaults: lr 1e-2, lr decay 0, weight decay 0, initial accumulator value 0, eps 1e-10. */
    public static final AdagradOptions DEFAULTS = new AdagradOptions(1e-2, 0, 0, 0, 1e-10, false);

    @Override
    public AdagradOptions withLr(double lr) {
        return new AdagradOptions(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize);
    }

    /**
     * These options with another decay of the learning rate.
     *
     * @param lrDecay the decay of the learning rate over steps
     * @return a copy with {@code lrDecay}
     */
    public AdagradOptions withLrDecay(double lrDecay) {
        return new AdagradOptions(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize);
    }

    @Override
    public AdagradOptions withWeightDecay(double weightDecay) {
        return new AdagradOptions(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize);
    }

    /**
     * These options with another starting value of the sum of squared gradients.
     *
     * @param initialAccumulatorValue the starting value
     * @return a copy with {@code initialAccumulatorValue}
     */
    public AdagradOptions withInitialAccumulatorValue(double initialAccumulatorValue) {
        return new AdagradOptions(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize);
    }

    /**
     * These options with another ε.
     *
     * @param eps the term added to the denominator
     * @return a copy with {@code eps}
     */
    public AdagradOptions withEps(double eps) {
        return new AdagradOptions(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize);
    }

    @Override
    public AdagradOptions withMaximize(boolean maximize) {
        return new AdagradOptions(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize);
    }

    /** lr decay, initial accumulator value and eps >= 0. */
    @Override
    public void validate(OptionCheck check) {
        check.atLeast("lr_decay", lrDecay, 0);
        check.atLeast("initial_accumulator_value", initialAccumulatorValue, 0);
        check.atLeast("eps", eps, 0);
    }
}
