package io.github.autograd4j.ops;

import io.github.autograd4j.Tensor;
import java.util.Arrays;
import java.util.Objects;

/**
 * The arguments convolutions and pooling share, as PyTorch takes them: settings with one value
 * per spatial dim (or one for all), and inputs with or without the batch dim.
 */
final class Spatial {

    private Spatial() {
    }

    /**
     * {@code values} as one value per spatial dim: {@code dims} values, or one for every dim, each
     * at least {@code min}.
     */
    static int[] settings(String op, String name, int[] values, int dims, int min) {
        Objects.requireNonNull(values, op + ": " + name + " is null");
        if (values.length != 1 && values.length != dims) {
            throw new IllegalArgumentException(op + ": " + name + " needs " + (dims == 1 ? "1 value" : "1 or " + dims
                    + " values (one per spatial dim)") + ", got " + values.length + ": " + Arrays.toString(values));
        }
        int[] out = new int[dims];
        for (int k = 0; k < dims; k++) {
            out[k] = values[values.length == 1 ? 0 : k];
            if (out[k] < min) {
                throw new IllegalArgumentException(op + ": " + name + " must be >= " + min + " in each dim, got "
                        + Arrays.toString(values));
            }
        }
        return out;
    }

    /** {@code input} with a batch dim: itself when it has {@code dims + 2} dims, a batch of one when it has {@code dims + 1}. */
    static Tensor batched(String op, Tensor input, int dims) {
        if (input.dim() == dims + 2) {
            return input;
        }
        if (input.dim() == dims + 1) {
            return input.unsqueeze(0);
        }
        throw new IllegalArgumentException(op + ": expected input of shape " + (dims == 1 ? "(N, C, L) or (C, L)"
                : "(N, C, H, W) or (C, H, W)") + ", got " + input.shape());
    }

    /** {@code y} without the batch dim when {@code input} had none. */
    static Tensor unbatched(Tensor input, int dims, Tensor y) {
        return input.dim() == dims + 1 ? y.squeeze(0) : y;
    }

    /** The last {@code dims} sizes of {@code t}. */
    static int[] sizes(Tensor t, int dims) {
        return Arrays.copyOfRange(t.shape().toArray(), t.dim() - dims, t.dim());
    }
}
