package io.github.autograd4j.nn.optim;

import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.StateReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>Its state dict holds {@code "steps"} (0-d) and {@code "base_lrs"} (one per group); loading one
 * sets the groups' rates for that step again. The schedule's own arguments (step size, gamma, ...)
 * are the constructor's, not the file's.
 */
public abstract class ClosedFormScheduler implements LrScheduler {

    private static final String STEPS = "steps";
    private static final String BASE_LRS = "base_lrs";

    private final Optimizer optimizer;
    private double[] baseLrs;
    private int steps;
    private List<Double> lastLr;

    /**
     * Schedules {@code optimizer}'s groups from their current learning rates.
     *
     * @param optimizer the optimiser whose rates are set
     */
    protected ClosedFormScheduler(Optimizer optimizer) {
        this.optimizer = Objects.requireNonNull(optimizer, getClass().getSimpleName() + ": optimizer is null");
        List<? extends ParamGroup<?>> groups = optimizer.paramGroups();
        this.baseLrs = new double[groups.size()];
        for (int g = 0; g < baseLrs.length; g++) {
            baseLrs[g] = groups.get(g).lr();
        }
    }

    /**
     * The learning rate after {@code step} steps for a group whose base rate is {@code baseLr}.
     *
     * @param baseLr the group's base rate
     * @param step   0 when the scheduler is made, then 1, 2, ...
     * @return the rate
     */
    protected abstract double lrAt(double baseLr, int step);

    /** Sets the rates for step 0: call at the end of the subclass's constructor, after checking its arguments. */
    protected final void start() {
        apply(baseLrs, 0);
    }

    @Override
    public final void step() {
        apply(baseLrs, steps + 1);
    }

    /** Sets every group's rate for {@code step} from {@code bases}, all or none, and then records both. */
    private void apply(double[] bases, int step) {
        List<Double> lrs = new ArrayList<>();
        for (double base : bases) {
            lrs.add(lrAt(base, step));
        }
        List<? extends ParamGroup<?>> groups = optimizer.paramGroups();
        List<Double> before = groups.stream().map(ParamGroup::lr).toList();
        try {
            for (int g = 0; g < groups.size(); g++) {
                groups.get(g).setLr(lrs.get(g));
            }
        } catch (IllegalArgumentException refused) {
            for (int g = 0; g < groups.size(); g++) {
                groups.get(g).setLr(before.get(g));
            }
            throw refused;
        }
        baseLrs = bases;
        steps = step;
        lastLr = Collections.unmodifiableList(lrs);
    }

    @Override
    public final List<Double> lastLr() {
        return lastLr;
    }

    /**
     * The number of {@link #step()} calls so far (PyTorch's {@code last_epoch}).
     *
     * @return the steps taken
     */
    public final int steps() {
        return steps;
    }

    /** {@code "steps"} and {@code "base_lrs"}. */
    @Override
    public final Map<String, Tensor> stateDict() {
        Map<String, Tensor> dict = new LinkedHashMap<>();
        dict.put(STEPS, Tensor.scalar(steps));
        dict.put(BASE_LRS, Tensor.vector(baseLrs.clone()));
        return dict;
    }

    /**
     * Restores the steps and base rates and sets the optimiser's rates for that step.
     *
     * @throws IllegalArgumentException when a key is missing or unknown, the steps are not a whole
     *                                  number >= 0, or the base rates are not one finite rate >= 0
     *                                  per group (nothing changes)
     */
    @Override
    public final void loadStateDict(Map<String, Tensor> state) {
        StateReader in = StateReader.of(getClass().getSimpleName(), state).expectKeys(List.of(STEPS, BASE_LRS));
        int step = (int) in.wholeNumber(STEPS, 0, Integer.MAX_VALUE);
        double[] bases = in.finiteVector(BASE_LRS, baseLrs.length);
        for (int g = 0; g < bases.length; g++) {
            if (bases[g] < 0) {
                throw in.error("'" + BASE_LRS + "' must hold learning rates >= 0, got " + bases[g] + " for group " + g);
            }
        }
        apply(bases, step);
    }

    /** Throws "{Scheduler}: {what}" unless {@code ok}: for the subclasses' argument checks. */
    final void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": " + what);
        }
    }
}
