package io.github.autograd4j.nn.optim;

/**
 * Multiplies each group's learning rate by {@code gamma} every {@code stepSize} steps, as
 * {@code torch.optim.lr_scheduler.StepLR}: after {@code t} steps,
 * {@code lr = base_lr · gamma^⌊t / stepSize⌋}.
 */
public final class StepLR extends ClosedFormScheduler {

    private final int stepSize;
    private final double gamma;

    /**
     * A schedule that multiplies each group's rate by {@code gamma} every {@code stepSize} steps.
     *
     * @param optimizer the optimiser whose groups' learning rates are set; their rates now are the
     *                  base rates
     * @param stepSize  the steps between two reductions
     * @param gamma     the factor of each reduction (below 1 to decay)
     * @throws IllegalArgumentException when {@code stepSize < 1} or {@code gamma} is not a finite number > 0
     */
    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        super(optimizer);
        require(stepSize >= 1, "stepSize must be >= 1, got " + stepSize);
        require(gamma > 0 && Double.isFinite(gamma), "gamma must be a finite number > 0, got " + gamma);
        this.stepSize = stepSize;
        this.gamma = gamma;
        start();
    }

    @Override
    protected double lrAt(double baseLr, int step) {
        return baseLr * Math.pow(gamma, step / stepSize);
    }
}
