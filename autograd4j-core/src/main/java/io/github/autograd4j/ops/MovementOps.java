package io.github.autograd4j.ops;

import static io.github.autograd4j.BackwardRule.gradientOnly;

import io.github.autograd4j.BackwardRule;
import io.github.autograd4j.DType;
import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.kernel.Strided;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Operations that move elements without computing new values: reshape (sharing storage),
 * squeeze, unsqueeze, flatten, permute, transpose, expand and broadcastTo. Each backward rule
 * moves the gradient back the opposite way.
 */
public final class MovementOps {

    private MovementOps() {
    }

    /**
     * The same elements in {@code newShape} (one size may be -1); shares storage. Gradient:
     * {@code g} reshaped back to the input's shape.
     */
    public static Tensor reshape(Tensor x, int... newShape) {
        Objects.requireNonNull(x, "reshape: input is null");
        Objects.requireNonNull(newShape, "reshape: shape is null");
        Shape target = Shape.of("reshape", inferSize("reshape", x.shape(), newShape));
        if (target.equals(x.shape())) {
            return x;
        }
        Shape original = x.shape();
        return Tensor.viewOf("reshape", target,
                gradientOnly((g, out) -> new Tensor[] {g.reshape(original.toArray())}), x);
    }

    /** Merges dims {@code startDim..endDim} into one. Gradient: {@code g} reshaped back to the input's shape. */
    public static Tensor flatten(Tensor x, int startDim, int endDim) {
        Objects.requireNonNull(x, "flatten: input is null");
        if (x.dim() == 0) {
            return reshape(x, 1);
        }
        int start = x.shape().normalize("flatten", startDim);
        int end = x.shape().normalize("flatten", endDim);
        if (start > end) {
            throw new IllegalArgumentException("flatten: start dim " + startDim + " comes after end dim " + endDim
                    + " for a " + x.dim() + "-d tensor");
        }
        int[] dims = x.shape().toArray();
        int[] out = new int[dims.length - (end - start)];
        int merged = 1;
        for (int d = start; d <= end; d++) {
            merged *= dims[d];
        }
        System.arraycopy(dims, 0, out, 0, start);
        out[start] = merged;
        System.arraycopy(dims, end + 1, out, start + 1, dims.length - end - 1);
        return reshape(x, out);
    }

    /**
     * Removes {@code dim} when its size is 1, or every size-1 dim when {@code dim} is null.
     * Gradient: {@code g} reshaped back to the input's shape.
     */
    public static Tensor squeeze(Tensor x, Integer dim) {
        Objects.requireNonNull(x, "squeeze: input is null");
        int[] dims = x.shape().toArray();
        if (dim != null) {
            int d = x.shape().normalize("squeeze", dim);
            if (dims[d] != 1) {
                return x;
            }
            int[] out = new int[dims.length - 1];
            System.arraycopy(dims, 0, out, 0, d);
            System.arraycopy(dims, d + 1, out, d, dims.length - d - 1);
            return reshape(x, out);
        }
        return reshape(x, Arrays.stream(dims).filter(s -> s != 1).toArray());
    }

    /**
     * Inserts a size-1 dim at {@code dim} (from {@code -(rank+1)} to {@code rank}). Gradient:
     * {@code g} reshaped back to the input's shape.
     */
    public static Tensor unsqueeze(Tensor x, int dim) {
        Objects.requireNonNull(x, "unsqueeze: input is null");
        int rank = x.dim();
        int d = dim < 0 ? dim + rank + 1 : dim;
        if (d < 0 || d > rank) {
            throw new IllegalArgumentException("unsqueeze: dim " + dim + " out of range for a " + rank
                    + "-d tensor (expected " + -(rank + 1) + " to " + rank + ")");
        }
        int[] dims = x.shape().toArray();
        int[] out = new int[rank + 1];
        System.arraycopy(dims, 0, out, 0, d);
        out[d] = 1;
        System.arraycopy(dims, d, out, d + 1, rank - d);
        return reshape(x, out);
    }

    /** Swaps two dims. Gradient: {@code g} with the same two dims swapped back. */
    public static Tensor transpose(Tensor x, int dim0, int dim1) {
        Objects.requireNonNull(x, "transpose: input is null");
        int a = x.shape().normalize("transpose", dim0);
        int b = x.shape().normalize("transpose", dim1);
        int[] perm = new int[x.dim()];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        perm[a] = b;
        perm[b] = a;
        return permute(x, perm);
    }

    /**
     * Result dim {@code i} is {@code x}'s dim {@code dims[i]}. Gradient: {@code g} permuted by the
     * inverse permutation.
     */
    public static Tensor permute(Tensor x, int... dims) {
        Objects.requireNonNull(x, "permute: input is null");
        Objects.requireNonNull(dims, "permute: dims are null");
        int rank = x.dim();
        if (dims.length != rank) {
            throw new IllegalArgumentException("permute: " + Arrays.toString(dims) + " names " + dims.length
                    + " dims for a " + rank + "-d tensor of shape " + x.shape());
        }
        int[] perm = new int[rank];
        int[] inverse = new int[rank];
        boolean[] seen = new boolean[rank];
        boolean identity = true;
        for (int i = 0; i < rank; i++) {
            int d = x.shape().normalize("permute", dims[i]);
            if (seen[d]) {
                throw new IllegalArgumentException("permute: dim " + dims[i] + " appears twice in " + Arrays.toString(dims));
            }
            seen[d] = true;
            perm[i] = d;
            inverse[d] = i;
            identity &= d == i;
        }
        if (identity) {
            return x;
        }
        int[] in = x.shape().toArray();
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            out[i] = in[perm[i]];
        }
        return Tensor.fromOp("permute", Shape.of(out), Strided.permute(x.doubles(), in, perm),
                gradientOnly((g, o) -> new Tensor[] {g.permute(inverse)}), x);
    }

    /**
     * All dims in reverse order, PyTorch's {@code x.T}: the transpose of a matrix, a scalar or
     * vector as it is. Gradient: {@code g} with its dims reversed back.
     */
    public static Tensor reverseDims(Tensor x) {
        Objects.requireNonNull(x, "T: input is null");
        int[] reversed = new int[x.dim()];
        for (int i = 0; i < reversed.length; i++) {
            reversed[i] = reversed.length - 1 - i;
        }
        return permute(x, reversed);
    }

    /**
     * The transpose of a matrix, PyTorch's {@code x.t()}: a tensor of fewer than 2 dims as it is.
     * Gradient: {@code g} transposed back.
     *
     * @throws IllegalArgumentException for more than 2 dims (use {@code transpose} or {@code mT})
     */
    public static Tensor t(Tensor x) {
        Objects.requireNonNull(x, "t: input is null");
        if (x.dim() > 2) {
            throw new IllegalArgumentException("t: expected a tensor of at most 2 dims, got shape " + x.shape()
                    + "; use transpose(dim0, dim1), or mT() for the last two");
        }
        return reverseDims(x);
    }

    /**
     * {@code x} tiled {@code repeats[i]} times along dim {@code i}, PyTorch's {@code x.repeat(...)}:
     * with more repeats than dims, {@code x} first gains leading dims of size 1. Gradient: {@code g}
     * summed over the tiles, back to the input's shape (it is written as an expand of an
     * interleaved view, whose rules do that).
     *
     * @throws IllegalArgumentException when there are fewer repeats than dims or one is negative
     */
    public static Tensor repeat(Tensor x, int... repeats) {
        Objects.requireNonNull(x, "repeat: input is null");
        Objects.requireNonNull(repeats, "repeat: repeats are null");
        if (repeats.length < x.dim()) {
            throw new IllegalArgumentException("repeat: " + repeats.length + " repeats for a " + x.dim()
                    + "-d tensor of shape " + x.shape() + "; give one per dim (or more, to add leading dims)");
        }
        int rank = repeats.length;
        int[] interleaved = new int[2 * rank];
        int[] tiled = new int[2 * rank];
        long[] result = new long[rank];
        for (int i = 0; i < rank; i++) {
            if (repeats[i] < 0) {
                throw new IllegalArgumentException("repeat: repeat " + repeats[i] + " at dim " + i + " in "
                        + Arrays.toString(repeats) + " is negative; repeats must be >= 0");
            }
            int size = i < rank - x.dim() ? 1 : x.size(i - (rank - x.dim()));
            interleaved[2 * i] = 1;
            interleaved[2 * i + 1] = size;
            tiled[2 * i] = repeats[i];
            tiled[2 * i + 1] = size;
            result[i] = (long) repeats[i] * size;
        }
        Shape out = Shape.ofResult("repeat", List.of(x.shape()), result);
        return reshape(broadcastTo(reshape(x, interleaved), Shape.of("repeat", tiled)), out.toArray());
    }

    /** A copy of {@code x}, PyTorch's {@code clone()}. Gradient: {@code g}, unchanged. */
    public static Tensor copy(Tensor x) {
        Objects.requireNonNull(x, "clone: input is null");
        BackwardRule.GradientOnly rule = (g, out) -> new Tensor[] {g};
        return x.dtype() == DType.FLOAT32
                ? Tensor.fromOp("clone", x.shape(), x.floatStorage().clone(), rule, x)
                : Tensor.fromOp("clone", x.shape(), x.storage().clone(), rule, x);
    }

    /**
     * Broadcasts to {@code sizes}; -1 keeps the size of the matching (right-aligned) dim.
     * Gradient: {@code g} summed back to the input's shape.
     */
    public static Tensor expand(Tensor x, int... sizes) {
        Objects.requireNonNull(x, "expand: input is null");
        Objects.requireNonNull(sizes, "expand: shape is null");
        long[] target = new long[sizes.length];
        int offset = target.length - x.dim();
        for (int i = 0; i < target.length; i++) {
            if (sizes[i] == -1) {
                if (i < offset) {
                    throw new IllegalArgumentException("expand: -1 at new leading dim " + i + " of " + Arrays.toString(sizes));
                }
                target[i] = x.size(i - offset);
            } else {
                target[i] = sizes[i];
            }
        }
        return broadcastTo(x, Shape.ofResult("expand", List.of(x.shape()), target));
    }

    /**
     * Broadcasts to {@code target}: size-1 and missing leading dims repeat. Gradient: {@code g}
     * summed back to the input's shape.
     */
    public static Tensor broadcastTo(Tensor x, Shape target) {
        Objects.requireNonNull(x, "broadcastTo: input is null");
        Objects.requireNonNull(target, "broadcastTo: shape is null");
        if (!x.shape().broadcastsTo(target)) {
            throw new IllegalArgumentException("broadcastTo: cannot broadcast shape " + x.shape() + " to " + target
                    + " (each size must equal the target's or be 1, aligned from the right)");
        }
        if (target.equals(x.shape())) {
            return x;
        }
        Shape original = x.shape();
        return Tensor.fromOp("expand", target, Strided.expand(x.doubles(), original.toArray(), target.toArray()),
                gradientOnly((g, out) -> new Tensor[] {g.sumToShape(original)}), x);
    }

    /** Resolves one -1 in {@code sizes} so that the element count matches {@code from}. */
    private static int[] inferSize(String op, Shape from, int[] sizes) {
        int[] out = sizes.clone();
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1) {
                if (unknown >= 0) {
                    throw new IllegalArgumentException(op + ": only one size may be -1 in " + Arrays.toString(sizes));
                }
                unknown = i;
            } else if (out[i] < 0) {
                throw new IllegalArgumentException(op + ": negative size " + out[i] + " in " + Arrays.toString(sizes));
            } else {
                known *= out[i];
            }
        }
        if (unknown >= 0) {
            if (known == 0 || from.numel() % known != 0) {
                throw new IllegalArgumentException(op + ": cannot reshape a tensor of shape " + from + " ("
                        + from.numel() + " elements) to " + Arrays.toString(sizes));
            }
            out[unknown] = (int) (from.numel() / known);
            known *= out[unknown];
        }
        if (known != from.numel()) {
            throw new IllegalArgumentException(op + ": cannot reshape a tensor of shape " + from + " ("
                    + from.numel() + " elements) to " + Shape.of(op, out) + " (" + known + " elements)");
        }
        return out;
    }
}
