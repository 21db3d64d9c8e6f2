package io.github.autograd4j.nn.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A schedule whose learning rate after {@code t} calls of {@link #step()} is a formula of {@code t}
 * and each group's learning rate when the scheduler was made (its base learning rate), as
 * PyTorch's closed forms ({@code _get_closed_form_lr}). Making the scheduler already sets the rates
 * for {@code t = 0}, as PyTorch's constructors do (which matters for warm-up).
 *
 * <p>The formula is applied to the base rates, not to the current ones: a scheduler overrides
 * changes made to a group's {@code lr} by others, instead of chaining with them as PyTorch's
 * recursive forms do. Without such changes both give the same rates (up to rounding).
 */
public abstract class ClosedFormScheduler implements LrScheduler {

    private final Optimizer optimizer;
    private final double[] baseLrs;
    private int steps;
    private List<Double> lastLr;

    /** Schedules {@code optimizer}'s groups from their current learning rates. */
    protected ClosedFormScheduler(Optimizer optimizer) {
        this.optimizer = Objects.requireNonNull(optimizer, getClass().getSimpleName() + ": optimizer is null");
        List<ParamGroup> groups = optimizer.paramGroups();
        this.baseLrs = new double[groups.size()];
        for (int g = 0; g < baseLrs.length; g++) {
            baseLrs[g] = groups.get(g).lr();
        }
    }

    /**
     * The learning rate after {@code step} steps for a group whose base rate is {@code baseLr}.
     *
     * @param step 0 when the scheduler is made, then 1, 2, ...
     */
    protected abstract double lrAt(double baseLr, int step);

    /** Sets the rates for step 0: call at the end of the subclass's constructor, after checking its arguments. */
    protected final void start() {
        apply();
    }

    @Override
    public final void step() {
        steps++;
        apply();
    }

    private void apply() {
        List<ParamGroup> groups = optimizer.paramGroups();
        List<Double> lrs = new ArrayList<>();
        for (int g = 0; g < baseLrs.length; g++) {
            lrs.add(lrAt(baseLrs[g], steps));
        }
        for (int g = 0; g < baseLrs.length; g++) {
            groups.get(g).setLr(lrs.get(g));
        }
        lastLr = Collections.unmodifiableList(lrs);
    }

    @Override
    public final List<Double> lastLr() {
        return lastLr;
    }

    /** The number of {@link #step()} calls so far (PyTorch's {@code last_epoch}). */
    public final int steps() {
        return steps;
    }

    /** Throws "{Scheduler}: {what}" unless {@code ok}: for the subclasses' argument checks. */
    final void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": " + what);
        }
    }
}
