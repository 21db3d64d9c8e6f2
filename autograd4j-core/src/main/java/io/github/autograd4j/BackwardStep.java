package io.github.autograd4j;

import java.util.List;

/**
 * One node's turn in a backward pass, as {@code backwardSteps()} performs it: the node, the
 * gradient that reached it from downstream, and what its rule sent to each input (before it was
 * added to what the input had), so a test can assert between steps.
 *
 * @param node          the node whose rule ran
 * @param upstream      the gradient of the root with respect to {@code node} (after its hooks)
 * @param inputs        the node's inputs, in operand order
 * @param contributions what the rule sent to each input, aligned with {@code inputs}; null for an
 *                      input that takes no gradient
 * @param <N>           {@link Value} or {@link Tensor}
 * @param <G>           the gradient's type: {@code Double} for values, {@code Tensor} for tensors
 */
public record BackwardStep<N extends Node, G>(N node, G upstream, List<N> inputs, List<G> contributions) {

    /**
     * What the rule sent to input {@code i} (null when that input takes no gradient).
     *
     * @param i the input's position, from 0 to the node's {@code inputCount() - 1}
     * @return the gradient sent, of the input's shape, or null
     */
    public G contribution(int i) {
        return contributions.get(i);
    }
}
