package io.github.autograd4j;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The functional backward pass behind {@link Autograd#grad}: the same rules, run in the same
 * order as {@code backward()}, but with every gradient kept in a table of this pass, so that no
 * tensor's {@code grad()} is read or written. Passes on several threads over graphs that share
 * inputs (a model's parameters) therefore never see each other.
 */
final class TensorGradients {

    private TensorGradients() {
    }

    /**
     * The gradient of {@code output} (seeded with {@code seed}) with respect to each of
     * {@code inputs}, null where none reaches one. Checks the whole graph before running any rule;
     * frees it afterwards unless {@code retainGraph}.
     */
    static Tensor[] of(Tensor output, List<Tensor> inputs, Tensor seed, boolean retainGraph, boolean createGraph) {
        Node[] order = BackwardPass.topologicalOrder(output, false);
        for (Node node : order) {
            if (!node.isLeaf()) {
                node.checkPass();
            }
        }
        Map<Tensor, Tensor> grads = new IdentityHashMap<>();
        grads.put(output, seed);
        try (var recording = createGraph ? Grad.enabled() : Grad.disabled()) {
            for (int n = order.length - 1; n >= 0; n--) {
                Tensor node = (Tensor) order[n];
                Tensor g = grads.get(node);
                if (node.isLeaf() || g == null) {
                    continue;
                }
                g = node.withHooks(g);
                grads.put(node, g);
                Tensor[] sent = node.contributions(g, createGraph);
                for (int i = 0; i < sent.length; i++) {
                    if (sent[i] != null) {
                        node.checkReceipt(i, sent[i], g);
                        grads.merge(node.input(i), sent[i], Tensor::add);
                    }
                }
            }
        }
        if (!retainGraph) {
            for (Node node : order) {
                if (!node.isLeaf()) {
                    ((Tensor) node).free();
                }
            }
        }
        Tensor[] result = new Tensor[inputs.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = grads.get(inputs.get(i));
        }
        return result;
    }
}
