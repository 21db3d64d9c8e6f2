package io.github.autograd4j.graph;

import io.github.autograd4j.BackwardStep;
import io.github.autograd4j.BackwardSteps;
import io.github.autograd4j.GradCheckResult;
import io.github.autograd4j.Node;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The backward pass of a graph, rule by rule, for the report's stepper, made without changing any
 * node's value, gradient or graph.
 *
 * <p>A tensor graph runs the engine's own {@link Tensor#backwardSteps(Tensor, boolean)} with
 * retainGraph, so nothing is freed, after setting every gradient aside ({@code setGrad(null)}, so
 * the steps show this pass's gradients alone); every gradient is put back afterwards, whatever
 * happened. Gradient hooks run as in any pass. Leaves are held for this thread only while the
 * pass runs, so no other thread should back-propagate into the same leaves (shared parameters)
 * while a report of the graph is made.
 *
 * <p>A value graph cannot be run that way: a {@link Value}'s gradient can be read and cleared but
 * not set back. Its rule is the chain rule, upstream gradient times the node's partial derivative
 * with respect to each input, so the replay multiplies and adds those in the engine's order, with
 * the partial derivatives of each node's own {@link Node#ruleCheck()} (the engine's rule, evaluated
 * at the node's inputs). Gradient hooks are not run, and a leaf changed by {@code setData} since
 * the graph was built is read as it is now (where {@code backward()} refuses). Either way the
 * steps are those of the engine's {@code backwardSteps()} on the same graph (GraphReportTest).
 */
final class BackwardReplay {

    /**
     * What one input received in a step.
     *
     * @param input  the input's position among the node's operands
     * @param to     the input's id in the graph
     * @param value  what the rule sent, for people
     * @param after  the input's gradient in this pass once it is added
     * @param finite whether what was sent holds only finite numbers
     */
    record Sent(int input, int to, String value, String after, boolean finite) {
    }

    /**
     * One rule's turn.
     *
     * @param node     the id of the node whose rule ran
     * @param upstream the gradient that reached it, for people (null when none reached it)
     * @param sent     what it sent, input by input (inputs that take no gradient left out)
     */
    record Step(int node, String upstream, List<Sent> sent) {
    }

    /**
     * A pass, or why there is none.
     *
     * @param seed        the root's gradient when the pass starts, for people
     * @param steps       the rules in the order they ran
     * @param stoppedBy   the message of what stopped the pass part way (an anomaly), or null
     * @param unavailable why the graph cannot be stepped through, or null when it can
     */
    record Replay(String seed, List<Step> steps, String stoppedBy, String unavailable) {

        static Replay unavailable(String why) {
            return new Replay(null, List.of(), null, why);
        }
    }

    private BackwardReplay() {
    }

    /**
     * The pass from the graph's root.
     *
     * @param checks each interior node's rule check by id (what a value graph's replay reads its
     *               partial derivatives from); may lack entries for a tensor graph
     */
    static Replay of(Graph graph, Map<Integer, GradCheckResult> checks) {
        Node root = graph.root().node();
        if (!graph.freed().isEmpty()) {
            return Replay.unavailable("the stepper needs the graph, and " + graph.freedNote().orElseThrow());
        }
        if (!root.requiresGrad()) {
            return Replay.unavailable("the root does not require grad: no gradient flows from it");
        }
        if (root instanceof Value) {
            return checks.isEmpty() ? Replay.unavailable("the rule checks the replay of a value graph reads failed")
                    : values(graph, checks);
        }
        if (root.shape().numel() != 1) {
            return Replay.unavailable("the root has shape " + root.shape() + "; the stepper starts from a one-element root,"
                    + " as backward() without a gradient does");
        }
        return tensors(graph);
    }

    private static Replay values(Graph graph, Map<Integer, GradCheckResult> checks) {
        int n = graph.size();
        double[] pass = new double[n];
        Map<Node, Integer> ids = ids(graph);
        pass[n - 1] = 1.0;
        List<Step> steps = new ArrayList<>();
        for (int id = n - 1; id >= 0; id--) {
            Value node = (Value) graph.node(id).node();
            if (node.isLeaf() || !node.requiresGrad()) {
                continue;
            }
            List<GradCheckResult.Entry> partials = checks.get(id).entries();
            double upstream = pass[id];
            List<Sent> sent = new ArrayList<>();
            int k = 0;
            for (int i = 0; i < node.inputCount(); i++) {
                Value in = node.input(i);
                if (in.requiresGrad()) {
                    double c = upstream * partials.get(k++).analytic();
                    int to = ids.get(in);
                    pass[to] += c;
                    sent.add(new Sent(i, to, format(c), format(pass[to]), Double.isFinite(c)));
                }
            }
            steps.add(new Step(id, format(upstream), List.copyOf(sent)));
        }
        return new Replay(format(1.0), List.copyOf(steps), null, null);
    }

    private static Replay tensors(Graph graph) {
        Map<Node, Integer> ids = ids(graph);
        Map<Tensor, Tensor> saved = new IdentityHashMap<>();
        for (GraphNode n : graph.nodes()) {
            Tensor t = (Tensor) n.node();
            saved.put(t, t.grad());
        }
        List<Step> steps = new ArrayList<>();
        String seed = null;
        String stoppedBy = null;
        try {
            saved.keySet().forEach(t -> t.setGrad(null));
            Tensor root = (Tensor) graph.root().node();
            try (BackwardSteps<Tensor, Tensor> pass = root.backwardSteps(null, true)) {
                seed = root.grad().dataSummary();
                while (pass.hasNext()) {
                    BackwardStep<Tensor, Tensor> step = pass.next();
                    List<Sent> sent = new ArrayList<>();
                    for (int i = 0; i < step.inputs().size(); i++) {
                        Tensor c = step.contribution(i);
                        if (c != null) {
                            Tensor in = step.inputs().get(i);
                            sent.add(new Sent(i, ids.get(in), c.dataSummary(), in.grad().dataSummary(), finite(c)));
                        }
                    }
                    steps.add(new Step(ids.get(step.node()), step.upstream() == null ? null : step.upstream().dataSummary(),
                            List.copyOf(sent)));
                }
            } catch (RuntimeException e) {
                stoppedBy = e.getMessage();
            }
        } finally {
            saved.forEach(Tensor::setGrad);
        }
        return new Replay(seed, List.copyOf(steps), stoppedBy, null);
    }

    private static Map<Node, Integer> ids(Graph graph) {
        Map<Node, Integer> ids = new IdentityHashMap<>();
        for (GraphNode n : graph.nodes()) {
            ids.put(n.node(), n.id());
        }
        return ids;
    }

    /** {@code x} as the engine prints a value. */
    static String format(double x) {
        return Value.constant(x).dataSummary();
    }

    static boolean finite(Tensor t) {
        for (double v : t.storage()) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
