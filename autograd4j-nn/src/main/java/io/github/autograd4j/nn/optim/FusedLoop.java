package io.github.autograd4j.nn.optim;

import io.github.autograd4j.DType;
import io.github.autograd4j.Tensor;

/**
 * Runs an optimiser's fused update loop, written once over {@code double} arrays, for parameters of
 * either type. float64 tensors are read in place and the results written straight into their
 * arrays; float32 ones pass through in chunks widened into small double buffers and rounded once on
 * the way out, so no full-size double copy of a parameter, its gradient or its state is made (a
 * float32 step of the MLP benchmark spent a fifth of its time widening and narrowing whole arrays).
 * Each result is, bit for bit, what the loop over whole widened arrays would give.
 */
final class FusedLoop {

    private static final int CHUNK = 2048;

    private FusedLoop() {
    }

    /** The loop's body over the elements {@code [from, to)}: {@code in[k]} is null where input {@code k} is. */
    @FunctionalInterface
    interface Body {
        void run(double[][] in, double[][] out, int from, int to);
    }

    /**
     * Runs {@code body} over every element of {@code inputs} (of {@code param}'s shape; null for
     * an absent one) and returns its {@code outputs} results as new tensors of {@code param}'s
     * shape and type.
     */
    static Tensor[] run(Tensor param, Tensor[] inputs, int outputs, Body body) {
        int[] shape = param.shape().toArray();
        int n = param.numel();
        Tensor[] results = new Tensor[outputs];
        for (int k = 0; k < outputs; k++) {
            results[k] = Tensor.zeros(param.dtype(), shape);
        }
        double[][] in = new double[inputs.length][];
        double[][] out = new double[outputs][];
        if (param.dtype() == DType.FLOAT64) {
            for (int k = 0; k < inputs.length; k++) {
                in[k] = inputs[k] == null ? null : inputs[k].doubles();
            }
            for (int k = 0; k < outputs; k++) {
                out[k] = results[k].storage();
            }
            body.run(in, out, 0, n);
            return results;
        }
        int size = Math.min(CHUNK, n);
        for (int k = 0; k < inputs.length; k++) {
            in[k] = inputs[k] == null ? null : new double[size];
        }
        for (int k = 0; k < outputs; k++) {
            out[k] = new double[size];
        }
        for (int from = 0; from < n; from += CHUNK) {
            int len = Math.min(CHUNK, n - from);
            for (int k = 0; k < inputs.length; k++) {
                if (inputs[k] != null) {
                    widen(inputs[k], from, in[k], len);
                }
            }
            body.run(in, out, 0, len);
            for (int k = 0; k < outputs; k++) {
                float[] to = results[k].floatStorage();
                double[] chunk = out[k];
                for (int j = 0; j < len; j++) {
                    to[from + j] = (float) chunk[j];
                }
            }
        }
        return results;
    }

    /** Elements {@code [from, from + len)} of {@code t}, of either type, into {@code chunk}. */
    private static void widen(Tensor t, int from, double[] chunk, int len) {
        if (t.dtype() == DType.FLOAT64) {
            System.arraycopy(t.storage(), from, chunk, 0, len);
            return;
        }
        float[] values = t.floatStorage();
        for (int j = 0; j < len; j++) {
            chunk[j] = values[from + j];
        }
    }
}
