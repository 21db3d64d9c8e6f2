package io.github.autograd4j.nn.optim;

/**
 * The options of {@link RMSprop}, as the arguments of {@code torch.optim.RMSprop}.
 *
 * @param lr          the learning rate γ
 * @param alpha       the smoothing constant α of the running averages
 * @param eps         the term ε added to the denominator
 * @param weightDecay the weight decay λ (an L2 penalty added to the gradient)
 * @param momentum    the momentum factor μ (0: none)
 * @param centered    divide by the estimated variance instead of the second moment
 * @param maximize    maximise the objective (the gradient is negated first)
 */
public record RMSpropOptions(double lr, double alpha, double eps, double weightDecay, double momentum, boolean centered,
                             boolean maximize) implements OptimizerOptions<RMSpropOptions> {

    /** PyTorch's defaults: lr 1e-2, alpha 0.99, eps 1e-8, weight decay 0, momentum 0, centered off. */
    public static final RMSpropOptions DEFAULTS = new RMSpropOptions(1e-2, 0.99, 1e-8, 0, 0, false, false);

    @Override
    public RMSpropOptions withLr(double lr) {
        return new RMSpropOptions(lr, alpha, eps, weightDecay, momentum, centered, maximize);
    }

    /**
     * These options with another smoothing constant.
     *
     * @param alpha the smoothing constant of the running averages
     * @return a copy with {@code alpha}
     */
    public RMSpropOptions withAlpha(double alpha) {
        return new RMSpropOptions(lr, alpha, eps, weightDecay, momentum, centered, maximize);
    }

    /**
     * These options with another ε.
     *
     * @param eps the term added to the denominator
     * @return a copy with {@code eps}
     */
    public RMSpropOptions withEps(double eps) {
        return new RMSpropOptions(lr, alpha, eps, weightDecay, momentum, centered, maximize);
    }

    @Override
    public RMSpropOptions withWeightDecay(double weightDecay) {
        return new RMSpropOptions(lr, alpha, eps, weightDecay, momentum, centered, maximize);
    }

    /**
     * These options with another momentum factor.
     *
     * @param momentum the momentum factor
     * @return a copy with {@code momentum}
     */
    public RMSpropOptions withMomentum(double momentum) {
        return new RMSpropOptions(lr, alpha, eps, weightDecay, momentum, centered, maximize);
    }

    /**
     * These options with centring on or off.
     *
     * @param centered true for centred RMSprop
     * @return a copy with {@code centered}
     */
    public RMSpropOptions withCentered(boolean centered) {
        return new RMSpropOptions(lr, alpha, eps, weightDecay, momentum, centered, maximize);
    }

    @Override
    public RMSpropOptions withMaximize(boolean maximize) {
        return new RMSpropOptions(lr, alpha, eps, weightDecay, momentum, centered, maximize);
    }

    /** Alpha, eps and momentum >= 0. */
    @Override
    public void validate(OptionCheck check) {
        check.atLeast("alpha", alpha, 0);
        check.atLeast("eps", eps, 0);
        check.atLeast("momentum", momentum, 0);
    }
}
