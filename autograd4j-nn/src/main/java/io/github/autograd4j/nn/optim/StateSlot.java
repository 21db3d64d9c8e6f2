package io.github.autograd4j.nn.optim;

/**
 * One piece of the state an optimiser keeps per parameter, as {@link AbstractOptimizer#stateSlots}
 * lists them: {@value #STEP_NAME} is a 0-d step count, every other piece a tensor of the
 * parameter's shape. What it declares is what {@code loadStateDict} checks a file against.
 *
 * @param name        the name in the state and in a state dict ({@code "exp_avg"})
 * @param always      whether every parameter that has taken a step has it: the pieces created together at
 *                    a parameter's first step; false for a piece an option may turn on later
 *                    (it is then created at the parameter's next step)
 * @param nonNegative whether its values are never negative (a running mean of squares, a sum of squares)
 */
public record StateSlot(String name, boolean always, boolean nonNegative) {

    /** The name of the step count. */
    public static final String STEP_NAME = "step";

    /** The step count, a whole number >= 0 in a 0-d tensor, present from a parameter's first step. */
    public static final StateSlot STEP = new StateSlot(STEP_NAME, true, true);

    /**
     * A piece every parameter has from its first step on.
     *
     * @param name its name
     * @return the slot
     */
    public static StateSlot always(String name) {
        return new StateSlot(name, true, false);
    }

    /**
     * A piece an option may turn on after a parameter's first step.
     *
     * @param name its name
     * @return the slot
     */
    public static StateSlot optional(String name) {
        return new StateSlot(name, false, false);
    }

    /**
     * This slot, with values that are never negative.
     *
     * @return a copy marked non-negative
     */
    public StateSlot nonNegativeValues() {
        return new StateSlot(name, always, true);
    }
}
