package io.github.autograd4j.nn.optim;

/**
 * The options of {@link SGD}, as the arguments of {@code torch.optim.SGD}.
 *
 * @param lr          the learning rate γ
 * @param momentum    the momentum factor μ (0: none)
 * @param dampening   the dampening τ of the gradient in the momentum buffer
 * @param weightDecay the weight decay λ (an L2 penalty added to the gradient)
 * @param nesterov    Nesterov momentum (needs momentum > 0 and dampening 0)
 * @param maximize    maximise the objective (the gradient is negated first)
 */
public record SGDOptions(double lr, double momentum, double dampening, double weightDecay, boolean nesterov, boolean maximize)
        implements OptimizerOptions<SGDOptions> {

    /** PyTorch's defaults: lr 1e-3, everything else 0 or off. */
    public static final SGDOptions DEFAULTS = new SGDOptions(1e-3, 0, 0, 0, false, false);

    @Override
    public SGDOptions withLr(double lr) {
        return new SGDOptions(lr, momentum, dampening, weightDecay, nesterov, maximize);
    }

    /**
     * These options with another momentum factor.
     *
     * @param momentum the momentum factor
     * @return a copy with {@code momentum}
     */
    public SGDOptions withMomentum(double momentum) {
        return new SGDOptions(lr, momentum, dampening, weightDecay, nesterov, maximize);
    }

    /**
     * These options with another dampening.
     *
     * @param dampening the dampening
     * @return a copy with {@code dampening}
     */
    public SGDOptions withDampening(double dampening) {
        return new SGDOptions(lr, momentum, dampening, weightDecay, nesterov, maximize);
    }

    @Override
    public SGDOptions withWeightDecay(double weightDecay) {
        return new SGDOptions(lr, momentum, dampening, weightDecay, nesterov, maximize);
    }

    /**
     * These options with Nesterov momentum on or off.
     *
     * @param nesterov true for Nesterov momentum
     * @return a copy with {@code nesterov}
     */
    public SGDOptions withNesterov(boolean nesterov) {
        return new SGDOptions(lr, momentum, dampening, weightDecay, nesterov, maximize);
    }

    @Override
    public SGDOptions withMaximize(boolean maximize) {
        return new SGDOptions(lr, momentum, dampening, weightDecay, nesterov, maximize);
    }

    /** Momentum >= 0; Nesterov needs momentum > 0 and dampening 0. */
    @Override
    public void validate(OptionCheck check) {
        check.atLeast("momentum", momentum, 0);
        check.require(!nesterov || (momentum > 0 && dampening == 0), "nesterov needs momentum > 0 and dampening 0, got momentum "
                + momentum + " and dampening " + dampening);
    }
}
