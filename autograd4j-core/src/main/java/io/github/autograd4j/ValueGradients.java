package io.github.autograd4j;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The functional backward pass of the scalar engine, behind {@link Autograd#grad(Value, List,
 * boolean)}: every gradient is a {@link Value} kept in a table of this pass (no node's
 * {@code grad()} is read or written), computed by the rules of {@code ops.Derivatives}, which
 * the tensor engine runs too. With {@code createGraph} the gradients are recorded, so they can be
 * differentiated again: Hessians of scalar functions without tensors.
 */
final class ValueGradients {

    private ValueGradients() {
    }

    /** d{@code output}/d{@code input} for each input, null where none reaches one; checks the graph first. */
    static Value[] of(Value output, List<Value> inputs, boolean createGraph) {
        Node[] order = BackwardPass.topologicalOrder(output, false);
        for (Node node : order) {
            if (!node.isLeaf()) {
                node.checkPass();
            }
        }
        Map<Value, Value> grads = new IdentityHashMap<>();
        try (var recording = createGraph ? Grad.enabled() : Grad.disabled()) {
            grads.put(output, Value.constant(1.0));
            for (int n = order.length - 1; n >= 0; n--) {
                Value node = (Value) order[n];
                Value g = grads.get(node);
                if (node.isLeaf() || g == null) {
                    continue;
                }
                for (int i = 0; i < node.inputCount(); i++) {
                    Value in = node.input(i);
                    if (in.requiresGrad()) {
                        grads.merge(in, node.contributionTo(i, g), Value::add);
                    }
                }
            }
        }
        Value[] result = new Value[inputs.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = grads.get(inputs.get(i));
        }
        return result;
    }
}
