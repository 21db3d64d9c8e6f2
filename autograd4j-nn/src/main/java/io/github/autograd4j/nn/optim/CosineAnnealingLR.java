package io.github.autograd4j.nn.optim;

/**
 * Anneals each group's learning rate from its base rate to {@code etaMin} along half a cosine over
 * {@code tMax} steps, as {@code torch.optim.lr_scheduler.CosineAnnealingLR} in its closed form:
 * after {@code t} steps,
 *
 * <pre>
 *   lr = etaMin + (base_lr − etaMin) · (1 + cos(π t / tMax)) / 2
 * </pre>
 *
 * Past {@code tMax} the formula goes on (the rate rises again, a cosine's period being
 * {@code 2 tMax}), as PyTorch's does; there are no warm restarts.
 */
public final class CosineAnnealingLR extends ClosedFormScheduler {

    private final int tMax;
    private final double etaMin;

    /**
     * A schedule from each group's current rate down to {@code etaMin} in {@code tMax} steps.
     *
     * @param optimizer the optimiser whose groups' learning rates are set; their rates now are the
     *                  base rates
     * @param tMax      the steps of the half cosine, at least 1
     * @param etaMin    the rate reached after {@code tMax} steps
     * @throws IllegalArgumentException when {@code tMax < 1} or {@code etaMin} is not a finite number >= 0
     */
    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) {
        super(optimizer);
        require(tMax >= 1, "tMax must be >= 1, got " + tMax);
        require(etaMin >= 0 && Double.isFinite(etaMin), "etaMin must be a finite number >= 0, got " + etaMin);
        this.tMax = tMax;
        this.etaMin = etaMin;
        start();
    }

    @Override
    protected double lrAt(double baseLr, int step) {
        return etaMin + (baseLr - etaMin) * (1 + Math.cos(Math.PI * step / tMax)) / 2;
    }
}
