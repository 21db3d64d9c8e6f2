package io.github.autograd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The gradient hooks of one node, run in the order they were added, and, for a leaf, its
 * gradient from before the current pass (so the hooks see the pass's part alone).
 *
 * @param <G> the gradient's type
 */
final class GradHooks<G> {

    private final List<UnaryOperator<G>> hooks = new ArrayList<>();
    /** A leaf's gradient from before the current pass. */
    G prior;

    /** Adds {@code hook}; the handle removes it again. */
    HookHandle add(UnaryOperator<G> hook) {
        hooks.add(hook);
        return () -> hooks.remove(hook);
    }

    G apply(G gradient) {
        G g = gradient;
        for (UnaryOperator<G> hook : hooks) {
            g = hook.apply(g);
        }
        return g;
    }
}
