package io.github.autograd4j.nn.optim;

/**
 * Multiplies each group's learning rate by {@code gamma} every step, as
 * {@code torch.optim.lr_scheduler.ExponentialLR}: after {@code t} steps, {@code lr = base_lr · gamma^t}.
 */
public final class ExponentialLR extends ClosedFormScheduler {

    private final double gamma;

    /**
     * A schedule that multiplies each group's rate by {@code gamma} every step.
     *
     * @param optimizer the optimiser whose groups' learning rates are set; their rates now are the
     *                  base rates
     * @param gamma     the factor per step (below 1 to decay)
     * @throws IllegalArgumentException when {@code gamma} is not a finite number > 0
     */
    public ExponentialLR(Optimizer optimizer, double gamma) {
        super(optimizer);
        require(gamma > 0 && Double.isFinite(gamma), "gamma must be a finite number > 0, got " + gamma);
        this.gamma = gamma;
        start();
    }

    @Override
    protected double lrAt(double baseLr, int step) {
        return baseLr * Math.pow(gamma, step);
    }
}
