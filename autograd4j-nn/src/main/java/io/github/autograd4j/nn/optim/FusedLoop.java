package io.github.autograd4j.nn.optim;

import io.github.autograd4j.DType;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.kernel.ElementLoops;
import java.util.function.Function;

/**
 * Runs an optimiser's fused update, written once over {@code double} arrays, for parameters of
 * either type, chunk by chunk: each chunk of every input is copied (a float32 one widened) into a
 * small buffer, the body computes the chunk's outputs, and they are copied (rounded once) into the
 * output tensors. So no full-size copy of a parameter, its gradient or its state is made, a body
 * may write its own input buffers, and the buffers stay in the L1 cache while the body runs over
 * them in several simple loops, which the JIT vectorises (one loop with a branch per option per
 * element is not vectorised: plain SGD over the MLP benchmark's 235,146 float32 parameters took
 * 400 us a step). Each result is, bit for bit, what the same body over whole widened arrays gives.
 */
final class FusedLoop {

    /** Elements per chunk: the nine buffers of Adam with amsgrad (27 KiB) fit in the L1 cache. */
    static final int CHUNK = 384;

    private FusedLoop() {
    }

    /** The loop's body over the chunk's elements {@code [0, length)}: {@code in[k]} is null where input {@code k} is. */
    @FunctionalInterface
    interface Body {
        void run(double[][] in, double[][] out, int length);
    }

    /**
     * Runs {@code body} over every element of {@code inputs} (null for an absent one) and writes its
     * results into {@code outputs}, all of the same number of elements, each of either type. An
     * output may also be an input (a parameter updated in place): each chunk is read before it
     * is written.
     */
    static void run(Tensor[] inputs, Tensor[] outputs, Body body) {
        int n = outputs[0].numel();
        int size = Math.min(CHUNK, n);
        double[][] in = new double[inputs.length][];
        for (int k = 0; k < inputs.length; k++) {
            in[k] = inputs[k] == null ? null : new double[size];
        }
        double[][] out = new double[outputs.length][];
        for (int k = 0; k < outputs.length; k++) {
            out[k] = new double[size];
        }
        for (int from = 0; from < n; from += CHUNK) {
            int length = Math.min(CHUNK, n - from);
            for (int k = 0; k < inputs.length; k++) {
                if (inputs[k] != null) {
                    read(inputs[k], from, in[k], length);
                }
            }
            body.run(in, out, length);
            for (int k = 0; k < outputs.length; k++) {
                write(out[k], outputs[k], from, length);
            }
        }
    }

    /**
     * The new value of {@code param} as a new tensor: {@code write} given that tensor as the
     * target, its returned write run at once. For {@link AbstractOptimizer#update}.
     */
    static Tensor intoNew(Tensor param, Function<Tensor, Runnable> write) {
        Tensor next = Tensor.zeros(param.dtype(), param.shape().toArray());
        write.apply(next).run();
        return next;
    }

    /**
     * The write of {@code param}'s new value into {@code param} itself, counted as an in-place
     * change: {@code write} given {@code param} as the target. For {@link AbstractOptimizer#prepare}.
     */
    static Runnable inPlace(Tensor param, Function<Tensor, Runnable> write) {
        Runnable writes = write.apply(param);
        return () -> {
            writes.run();
            param.incrementVersion();
        };
    }

    /** Elements {@code [from, from + length)} of {@code t}, of either type, into {@code chunk}. */
    private static void read(Tensor t, int from, double[] chunk, int length) {
        if (t.dtype() == DType.FLOAT64) {
            System.arraycopy(t.storage(), from, chunk, 0, length);
        } else {
            ElementLoops.widen(t.floatStorage(), from, chunk, 0, length);
        }
    }

    /** {@code chunk}'s first {@code length} elements into {@code t}'s elements from {@code from}, rounded for float32. */
    private static void write(double[] chunk, Tensor t, int from, int length) {
        if (t.dtype() == DType.FLOAT64) {
            System.arraycopy(chunk, 0, t.storage(), from, length);
        } else {
            ElementLoops.narrow(chunk, 0, t.floatStorage(), from, length);
        }
    }
}
