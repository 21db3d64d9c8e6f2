package io.github.autograd4j.nn.scalar;

import io.github.autograd4j.Value;

/** Full-batch gradient descent on the four XOR points, for the seed-example tests. */
final class Xor {

    static final double[][] INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    static final double[] TARGETS = {0, 1, 1, 0};

    /** A loss over the four predictions. */
    enum Loss {
        /** Mean squared error. */
        MSE,
        /** Binary cross-entropy, {@code -mean(y log p + (1 - y) log(1 - p))}. */
        BCE;

        Value of(Value[] predictions) {
            Value sum = null;
            for (int i = 0; i < predictions.length; i++) {
                Value p = predictions[i];
                Value term = this == MSE
                        ? p.sub(TARGETS[i]).pow(2.0)
                        : TARGETS[i] == 1.0 ? p.log() : p.neg().add(1.0).log();
                sum = sum == null ? term : sum.add(term);
            }
            return sum.mul((this == MSE ? 1.0 : -1.0) / predictions.length);
        }
    }

    private Xor() {
    }

    /** Runs {@code iterations} steps of {@code p <- p - rate * dLoss/dp}; returns the last loss. */
    static double train(ScalarMLP net, Loss loss, double rate, int iterations) {
        double last = Double.NaN;
        for (int it = 0; it < iterations; it++) {
            Value l = loss.of(predictions(net));
            net.zeroGrad();
            l.backward();
            for (Value p : net.parameters()) {
                p.setData(p.data() - rate * p.grad());
            }
            last = l.data();
        }
        return last;
    }

    /** The net's output for each XOR input. */
    static Value[] predictions(ScalarMLP net) {
        Value[] out = new Value[INPUTS.length];
        for (int i = 0; i < INPUTS.length; i++) {
            out[i] = net.forward(INPUTS[i])[0];
        }
        return out;
    }

    /** The fraction of inputs whose output falls on the target's side of 0.5. */
    static double accuracy(ScalarMLP net) {
        Value[] p = predictions(net);
        int right = 0;
        for (int i = 0; i < p.length; i++) {
            right += (p[i].data() > 0.5) == (TARGETS[i] == 1.0) ? 1 : 0;
        }
        return right / (double) p.length;
    }
}
