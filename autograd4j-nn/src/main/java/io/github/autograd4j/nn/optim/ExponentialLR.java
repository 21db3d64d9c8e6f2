package io.github.autograd4j.nn.optim;

/**
 * Multiplies each group's learning rate by {@code gamma} every step, as
 * {@code torch.optim.lr_scheduler.ExponentialLR}: after {@code t} steps, {@code lr = base_lr · gamma^t}.
 */
public final class ExponentialLR extends ClosedFormScheduler {

    private final double gamma;

    /**
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
