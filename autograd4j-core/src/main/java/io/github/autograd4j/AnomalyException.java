package io.github.autograd4j;

/**
 * Thrown under {@link Debug#detectAnomalies()} by the first operation whose forward result, or
 * whose backward contribution to an input, holds NaN or an infinity. The message names the
 * operation, the node, its inputs' values and the line of user code that made the node.
 */
public final class AnomalyException extends ArithmeticException {

    private final transient Node node;

    private AnomalyException(String message, Node node) {
        super(message);
        this.node = node;
    }

    /**
     * The node whose value (forward) or whose rule's output (backward) was not finite.
     *
     * @return the node, in the graph it was made in
     */
    public Node node() {
        return node;
    }

    static AnomalyException forward(Node node) {
        StringBuilder m = new StringBuilder("anomaly in forward: ").append(node.opName()).append(" produced ")
                .append(node.dataSummary()).append(" (node ").append(node.displayName()).append(", shape ")
                .append(node.shape()).append(") from ");
        appendInputs(m, node);
        return new AnomalyException(m.append(where(node)).toString(), node);
    }

    static AnomalyException backward(Node node, int input, String contribution, String upstream) {
        Node in = node.input(input);
        StringBuilder m = new StringBuilder("anomaly in backward: the rule of ").append(node.opName())
                .append(" (node ").append(node.displayName()).append(") sent ").append(contribution)
                .append(" to input ").append(input).append(" (node ").append(in.displayName()).append(", value ")
                .append(in.dataSummary()).append(") from upstream gradient ").append(upstream).append("; its inputs: ");
        appendInputs(m, node);
        return new AnomalyException(m.append(where(node)).toString(), node);
    }

    private static void appendInputs(StringBuilder m, Node node) {
        for (int i = 0; i < node.inputCount(); i++) {
            Node in = node.input(i);
            m.append(i == 0 ? "" : ", ").append(in.displayName()).append(" = ").append(in.dataSummary());
        }
        if (node.inputCount() == 0) {
            m.append("no inputs");
        }
    }

    private static String where(Node node) {
        String site = node.creationSite();
        return site == null ? "; made at an unknown line" : "; made at " + site;
    }
}
