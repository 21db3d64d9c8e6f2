package io.github.autograd4j.graph;

import io.github.autograd4j.Node;
import io.github.autograd4j.Shape;
import java.util.List;

/**
 * One node of a {@link Graph} as a snapshot for reading and asserting in tests.
 *
 * @param id     position in the graph's topological order: the same on every run of the same code
 * @param name   the label, or {@code op#id} (e.g. {@code mul#7}) for an unlabelled node
 * @param op     the operation that made the node ({@code leaf} for inputs and constants)
 * @param label  the label given with {@code label(String)}, or null
 * @param shape  the shape of its value ({@code ()} for a scalar)
 * @param value  its value for people (a summary for large tensors)
 * @param grad   its gradient for people, or null when it has none
 * @param inputs the ids of its inputs, in operand order
 * @param node   the node itself
 */
public record GraphNode(int id, String name, String op, String label, Shape shape, String value, String grad,
                        List<Integer> inputs, Node node) {

    /**
     * True when an earlier backward pass freed the graph below this node (it was made by an
     * operation, but its links to its inputs were dropped because the pass did not retain the
     * graph), so a view cannot show where it came from.
     *
     * @return whether the node's inputs are unknown because the graph was freed
     */
    public boolean freed() {
        return inputs.isEmpty() && !node.isLeaf();
    }
}
