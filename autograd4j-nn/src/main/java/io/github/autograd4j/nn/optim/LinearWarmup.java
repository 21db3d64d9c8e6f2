package io.github.autograd4j.nn.optim;

/**
 * Warms each group's learning rate up linearly from {@code startFactor · base_lr} to
 * {@code base_lr} over {@code steps} steps, then keeps it: after {@code t} steps,
 *
 * <pre>
 *   lr = base_lr · (startFactor + (1 − startFactor) · min(t, steps) / steps)
 * </pre>
 *
 * This is exactly PyTorch's {@code LinearLR(optimizer, start_factor=startFactor, end_factor=1.0,
 * total_iters=steps)} (its closed form; PyTorch's defaults are start_factor 1/3 and total_iters 5).
 * Like PyTorch's, it sets {@code startFactor · base_lr} as soon as it is made, so the first
 * {@code optimizer.step()} already uses the reduced rate.
 */
public final class LinearWarmup extends ClosedFormScheduler {

    private final double startFactor;
    private final int warmupSteps;

    /**
     * A warm-up from {@code startFactor} times each group's current rate to that rate in
     * {@code steps} steps; sets the first rate at once.
     *
     * @param optimizer   the optimiser whose groups' learning rates are set; their rates now are
     *                    the base rates
     * @param startFactor the fraction of the base rate to start from
     * @param steps       the steps the warm-up takes
     * @throws IllegalArgumentException when {@code startFactor} is not in (0, 1] or {@code steps < 1}
     */
    public LinearWarmup(Optimizer optimizer, double startFactor, int steps) {
        super(optimizer);
        require(startFactor > 0 && startFactor <= 1, "startFactor must be in (0, 1], got " + startFactor);
        require(steps >= 1, "steps must be >= 1, got " + steps);
        this.startFactor = startFactor;
        this.warmupSteps = steps;
        start();
    }

    @Override
    protected double lrAt(double baseLr, int step) {
        return baseLr * (startFactor + (1 - startFactor) * Math.min(step, warmupSteps) / warmupSteps);
    }
}
