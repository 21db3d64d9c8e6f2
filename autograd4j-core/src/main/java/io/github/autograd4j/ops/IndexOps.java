package io.github.autograd4j.ops;

import static io.github.autograd4j.BackwardRule.gradientOnly;

import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.kernel.Indexing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Indexing, slicing, joining and splitting, each with its backward rule.
 *
 * <p>Two pairs of private operations carry every rule, and each is the other's backward, so
 * gradients of any order work: {@code take} (the slices at given indices along one dim: slice,
 * select, indexSelect, and the pieces of split and chunk) and {@code put} (a gradient placed
 * into zeros at those indices, adding up repeats); {@code gatherAt} and {@code scatterAt}
 * (gather and scatterAdd through precomputed flat offsets). Every check runs before any node
 * is made.
 */
public final class IndexOps {

    private IndexOps() {
    }

    /**
     * The elements {@code from, from + step, ...} below {@code to} along {@code dim}, as Python's
     * {@code x[from:to:step]}: negative bounds count from the end, bounds outside the dim are
     * clamped to it, and an empty range gives a size-0 dim. The result has {@code x}'s shape with
     * that dim's size replaced by the number of elements taken. Gradient: {@code g} put into zeros
     * of {@code x}'s shape at the positions taken.
     *
     * @throws IllegalArgumentException when {@code dim} is out of range or {@code step < 1}
     */
    public static Tensor slice(Tensor x, int dim, int from, int to, int step) {
        Objects.requireNonNull(x, "slice: input is null");
        int d = x.shape().normalize("slice", dim);
        if (step < 1) {
            throw new IllegalArgumentException("slice: step must be at least 1, got " + step);
        }
        int n = x.size(d);
        int start = clampBound(from, n);
        int end = clampBound(to, n);
        int count = end > start ? (end - start - 1) / step + 1 : 0;
        return narrow(x, d, start, count, step);
    }

    /**
     * The slice at {@code index} along {@code dim}, with that dim removed: {@code x[..., index, ...]}.
     * A negative index counts from the end. Gradient: {@code g} put into zeros of {@code x}'s shape
     * at {@code index} along {@code dim}.
     *
     * @throws IllegalArgumentException when {@code dim} or {@code index} is out of range
     */
    public static Tensor select(Tensor x, int dim, int index) {
        Objects.requireNonNull(x, "select: input is null");
        int d = x.shape().normalize("select", dim);
        int i = checkedIndex("select", x.shape(), dim, d, index);
        int[] out = new int[x.dim() - 1];
        int[] dims = x.shape().toArray();
        System.arraycopy(dims, 0, out, 0, d);
        System.arraycopy(dims, d + 1, out, d, out.length - d);
        return take("select", x, d, new int[] {i}, Shape.of(out));
    }

    /**
     * The slices at {@code indices} along {@code dim}, in that order: the result has
     * {@code indices.length} along {@code dim} and {@code x}'s sizes elsewhere. Repeats are
     * allowed; negative indices count from the end. Gradient: {@code g} added into zeros of
     * {@code x}'s shape at {@code indices} along {@code dim}, repeats adding up.
     *
     * @throws IllegalArgumentException when {@code dim} or an index is out of range
     */
    public static Tensor indexSelect(Tensor x, int dim, int... indices) {
        Objects.requireNonNull(x, "indexSelect: input is null");
        Objects.requireNonNull(indices, "indexSelect: indices are null");
        int d = x.shape().normalize("indexSelect", dim);
        int[] idx = new int[indices.length];
        for (int j = 0; j < idx.length; j++) {
            idx[j] = checkedIndex("indexSelect", x.shape(), dim, d, indices[j]);
        }
        return take("indexSelect", x, d, idx, resized("indexSelect", List.of(x.shape()), x.shape(), d, idx.length));
    }

    /**
     * PyTorch's gather: the result has {@code index}'s shape, and for dim 1 of a 3-d tensor
     * {@code out[i][j][k] = x[i][index[i][j][k]][k]} (likewise for other dims). {@code index} holds
     * whole numbers from 0 to {@code x.size(dim) - 1}, has {@code x}'s rank and
     * {@code index.size(k) <= x.size(k)} for every {@code k != dim}. A scalar {@code x} takes a
     * scalar index and dim 0 or -1. Gradients: {@code g} scatter-added into zeros of {@code x}'s
     * shape at {@code index}, none to {@code index}.
     *
     * @throws IllegalArgumentException when the dim, the index's rank or shape, or a value of it
     *                                  does not fit
     */
    public static Tensor gather(Tensor x, int dim, Tensor index) {
        Objects.requireNonNull(x, "gather: input is null");
        Objects.requireNonNull(index, "gather: index is null");
        int[] offsets = offsets("gather", x.shape(), dim, index, null);
        return gatherAt("gather", x, offsets, index.shape());
    }

    /**
     * PyTorch's {@code scatter_add}, out of place: a copy of {@code x} to which, for dim 1 of a 3-d
     * tensor, {@code src[i][j][k]} is added at {@code [i][index[i][j][k]][k]} (likewise for other
     * dims); repeated positions add up. The result has {@code x}'s shape. {@code index} is checked
     * as for {@link #gather}, and also {@code index.size(k) <= src.size(k)} for every {@code k};
     * only the part of {@code src} that {@code index} covers is used. Gradients: {@code g} to
     * {@code x}, {@code g.gather(dim, index)} to {@code src}, none to {@code index}.
     *
     * @throws IllegalArgumentException when the dim, the ranks or shapes, or a value of {@code index}
     *                                  do not fit
     */
    public static Tensor scatterAdd(Tensor x, int dim, Tensor index, Tensor src) {
        Objects.requireNonNull(x, "scatterAdd: input is null");
        Objects.requireNonNull(index, "scatterAdd: index is null");
        Objects.requireNonNull(src, "scatterAdd: src is null");
        int[] offsets = offsets("scatterAdd", x.shape(), dim, index, src.shape());
        Tensor covered = src;
        for (int k = 0; k < index.dim(); k++) {
            if (covered.size(k) != index.size(k)) {
                covered = narrow(covered, k, 0, index.size(k), 1);
            }
        }
        return scatterAt(x, offsets, covered);
    }

    /**
     * Pieces of {@code size} along {@code dim}, the last one smaller when {@code size} does not
     * divide the dim (PyTorch's {@code split} with an int); a size-0 dim gives one empty piece.
     * Each piece is a slice, so gradients flow back from every one.
     *
     * @throws IllegalArgumentException when {@code dim} is out of range or {@code size < 1}
     */
    public static List<Tensor> split(Tensor x, int size, int dim) {
        Objects.requireNonNull(x, "split: input is null");
        int d = x.shape().normalize("split", dim);
        if (size < 1) {
            throw new IllegalArgumentException("split: size must be at least 1, got " + size);
        }
        return pieces(x, d, size);
    }

    /**
     * At most {@code chunks} pieces along {@code dim}, as PyTorch's {@code chunk}: pieces of
     * {@code ceil(n / chunks)}, the last one smaller, so fewer than {@code chunks} pieces may come
     * back (6 into 4 chunks gives 3 of 2). Each piece is a slice, so gradients flow back.
     *
     * @throws IllegalArgumentException when {@code dim} is out of range or {@code chunks < 1}
     */
    public static List<Tensor> chunk(Tensor x, int chunks, int dim) {
        Objects.requireNonNull(x, "chunk: input is null");
        int d = x.shape().normalize("chunk", dim);
        if (chunks < 1) {
            throw new IllegalArgumentException("chunk: chunks must be at least 1, got " + chunks);
        }
        int n = x.size(d);
        return pieces(x, d, Math.max(1, n / chunks + (n % chunks == 0 ? 0 : 1)));
    }

    /**
     * Joins tensors along an existing {@code dim}: their shapes must agree except along
     * {@code dim}, where the result's size is the sum of theirs. Gradients: each input gets its
     * slice of {@code g} along {@code dim}.
     *
     * @throws IllegalArgumentException when no tensor is given, a tensor is a scalar, {@code dim} is
     *                                  out of range, or the shapes differ elsewhere than {@code dim}
     */
    public static Tensor cat(int dim, Tensor... tensors) {
        return join("cat", dim, tensors);
    }

    /** {@link #cat}, for {@code op} (cat, or stack of tensors unsqueezed at {@code dim}). */
    private static Tensor join(String op, int dim, Tensor[] tensors) {
        Tensor first = firstOf(op, tensors);
        if (first.dim() == 0) {
            throw new IllegalArgumentException(op + ": tensor 0 is a scalar; cat joins tensors of at least 1 dim"
                    + " (stack joins scalars)");
        }
        int d = first.shape().normalize(op, dim);
        int count = tensors.length;
        int[] dims = first.shape().toArray();
        int[] sizes = new int[count];
        double[][] parts = new double[count][];
        boolean[] needsGrad = new boolean[count];
        List<Shape> shapes = new ArrayList<>(count);
        long total = 0;
        for (int t = 0; t < count; t++) {
            Tensor x = Objects.requireNonNull(tensors[t], op + ": tensor " + t + " is null");
            if (!sameExceptAt(x.shape(), first.shape(), d)) {
                throw new IllegalArgumentException(op + ": tensor " + t + " has shape " + x.shape() + " but tensor 0 has shape "
                        + first.shape() + "; shapes must match except along dim " + dim);
            }
            sizes[t] = x.size(d);
            total += sizes[t];
            parts[t] = x.doubles();
            needsGrad[t] = x.requiresGrad();
            shapes.add(x.shape());
        }
        Shape shape = resized(op, shapes, first.shape(), d, total);
        double[] data = Indexing.concat(parts, outer(dims, d), sizes, inner(dims, d));
        return Tensor.fromOp(op, shape, data, gradientOnly((g, out) -> {
            Tensor[] grads = new Tensor[count];
            for (int t = 0, offset = 0; t < count; offset += sizes[t], t++) {
                grads[t] = needsGrad[t] ? narrow(g, d, offset, sizes[t], 1) : null;
            }
            return grads;
        }), tensors);
    }

    /**
     * Joins equally shaped tensors along a new {@code dim} (from {@code -(rank + 1)} to
     * {@code rank}): {@code cat} of the tensors each unsqueezed at {@code dim}. Scalars stack into
     * a vector. Gradients: each input gets its slice of {@code g} at its position along
     * {@code dim}, with that dim removed.
     *
     * @throws IllegalArgumentException when no tensor is given, the shapes differ or {@code dim} is
     *                                  out of range
     */
    public static Tensor stack(int dim, Tensor... tensors) {
        Shape shape = firstOf("stack", tensors).shape();
        for (int t = 0; t < tensors.length; t++) {
            Tensor x = Objects.requireNonNull(tensors[t], "stack: tensor " + t + " is null");
            if (!x.shape().equals(shape)) {
                throw new IllegalArgumentException("stack: tensor " + t + " has shape " + x.shape() + " but tensor 0 has shape "
                        + shape + "; stack needs tensors of equal shape");
            }
        }
        int rank = shape.rank();
        int d = dim < 0 ? dim + rank + 1 : dim;
        if (d < 0 || d > rank) {
            throw new IllegalArgumentException("stack: dim " + dim + " out of range for stacking " + rank
                    + "-d tensors (expected " + -(rank + 1) + " to " + rank + ")");
        }
        Tensor[] parts = new Tensor[tensors.length];
        for (int t = 0; t < parts.length; t++) {
            parts[t] = tensors[t].unsqueeze(d);
        }
        return join("stack", d, parts);
    }

    // ------------------------------------------------------------------ take / put: each other's backward

    /**
     * The slices of {@code x} at {@code idx} along dim {@code d}, laid out as
     * {@code (outer, idx.length, inner)} and given {@code outShape} (which may drop {@code d}, as
     * select does). Backward: {@link #put} of the gradient into zeros of {@code x}'s shape.
     */
    private static Tensor take(String op, Tensor x, int d, int[] idx, Shape outShape) {
        Shape in = x.shape();
        int[] dims = in.toArray();
        Object data = Indexing.take(TypedArrays.of(x), outer(dims, d), dims[d], inner(dims, d), idx);
        return TypedArrays.result(op, outShape, data, gradientOnly((g, out) -> new Tensor[] {put(op, g, d, idx, in)}), x);
    }

    /**
     * Zeros of {@code outShape} with {@code g} (read as {@code (outer, idx.length, inner)}) added
     * at {@code idx} along dim {@code d}. Backward: {@link #take} at the same indices, in
     * {@code g}'s shape.
     */
    private static Tensor put(String op, Tensor g, int d, int[] idx, Shape outShape) {
        Shape in = g.shape();
        int[] dims = outShape.toArray();
        double[] data = Indexing.put(g.doubles(), outer(dims, d), dims[d], inner(dims, d), idx);
        return Tensor.fromOp(op + "Backward", outShape, data, gradientOnly((gg, out) -> new Tensor[] {take(op, gg, d, idx, in)}), g);
    }

    /** {@code count} elements along dim {@code d} from {@code start}, {@code step} apart (all in range). */
    private static Tensor narrow(Tensor x, int d, int start, int count, int step) {
        int[] idx = new int[count];
        for (int j = 0; j < count; j++) {
            idx[j] = start + j * step;
        }
        return take("slice", x, d, idx, resized("slice", List.of(x.shape()), x.shape(), d, count));
    }

    private static List<Tensor> pieces(Tensor x, int d, int size) {
        int n = x.size(d);
        List<Tensor> out = new ArrayList<>();
        int from = 0;
        do {
            out.add(narrow(x, d, from, Math.min(size, n - from), 1));
            from += size;
        } while (from < n);
        return out;
    }

    // ------------------------------------------------------------------ gatherAt / scatterAt: each other's backward

    /**
     * {@code out[e] = x[offsets[e]]}, of {@code indexShape}, named {@code op} (gather, and max
     * pooling's pick of each window's maximum). Backward: {@link #scatterAt} into zeros of {@code x}'s shape.
     */
    static Tensor gatherAt(String op, Tensor x, int[] offsets, Shape indexShape) {
        Shape in = x.shape();
        return Tensor.fromOp(op, indexShape, Indexing.gather(x.doubles(), offsets),
                gradientOnly((g, out) -> new Tensor[] {scatterAt(Tensor.zeros(x.dtype(), in.toArray()), offsets, g)}), x);
    }

    /** A copy of {@code x} with {@code src[e]} added at {@code offsets[e]}. Backward: {@code g} to x, {@link #gatherAt} to src. */
    private static Tensor scatterAt(Tensor x, int[] offsets, Tensor src) {
        Shape srcShape = src.shape();
        boolean srcNeedsGrad = src.requiresGrad();
        return Tensor.fromOp("scatterAdd", x.shape(), Indexing.scatterAdd(x.doubles(), offsets, src.doubles()),
                gradientOnly((g, out) -> new Tensor[] {g, srcNeedsGrad ? gatherAt("gather", g, offsets, srcShape) : null}), x, src);
    }

    /**
     * Checks a gather/scatter {@code index} against {@code x}'s shape (and {@code src}'s when not
     * null) as PyTorch does, and returns, for each element of {@code index}, the flat offset in
     * {@code x} it addresses.
     */
    private static int[] offsets(String op, Shape xShape, int dim, Tensor index, Shape srcShape) {
        int rank = xShape.rank();
        int d = rank == 0 && (dim == 0 || dim == -1) ? 0 : xShape.normalize(op, dim);
        Shape indexShape = index.shape();
        if (indexShape.rank() != rank) {
            throw new IllegalArgumentException(op + ": index of shape " + indexShape + " has " + indexShape.rank()
                    + " dims but the input of shape " + xShape + " has " + rank + "; they must have the same number of dims");
        }
        if (srcShape != null && srcShape.rank() != rank) {
            throw new IllegalArgumentException(op + ": src of shape " + srcShape + " has " + srcShape.rank()
                    + " dims but the input of shape " + xShape + " has " + rank + "; they must have the same number of dims");
        }
        int[] xd = atLeastOneDim(xShape);
        int[] id = atLeastOneDim(indexShape);
        int[] sd = srcShape == null ? null : atLeastOneDim(srcShape);
        for (int k = 0; k < id.length; k++) {
            if (k != d && id[k] > xd[k]) {
                throw new IllegalArgumentException(op + ": index of shape " + indexShape + " is larger than the input of shape "
                        + xShape + " at dim " + k + "; index.size(k) must not exceed input.size(k) for k != dim " + dim);
            }
            if (sd != null && id[k] > sd[k]) {
                throw new IllegalArgumentException(op + ": index of shape " + indexShape + " is larger than src of shape "
                        + srcShape + " at dim " + k + "; index.size(k) must not exceed src.size(k) for every k");
            }
        }
        int[] strides = Shape.of(xd).strides();
        double[] values = index.doubles();
        int[] offsets = new int[values.length];
        int[] position = new int[id.length];
        for (int e = 0; e < values.length; e++) {
            int offset = 0;
            int rest = e;
            for (int k = id.length - 1; k >= 0; k--) {
                position[k] = rest % id[k];
                rest /= id[k];
                offset += k == d ? 0 : position[k] * strides[k];
            }
            double v = values[e];
            if (v != Math.rint(v)) {
                throw new IllegalArgumentException(op + ": index holds " + v + " at " + Arrays.toString(position)
                        + "; expected whole numbers");
            }
            if (v < 0 || v >= xd[d]) {
                throw new IllegalArgumentException(op + ": index " + (long) v + " at " + Arrays.toString(position)
                        + " out of range for dim " + dim + " of size " + xd[d] + " in shape " + xShape
                        + " (expected 0 to " + (xd[d] - 1) + ")");
            }
            offsets[e] = offset + (int) v * strides[d];
        }
        return offsets;
    }

    // ------------------------------------------------------------------ checks and shapes

    /** Checks that {@code tensors} holds at least one tensor and returns the first. */
    private static Tensor firstOf(String op, Tensor[] tensors) {
        Objects.requireNonNull(tensors, op + ": tensors are null");
        if (tensors.length == 0) {
            throw new IllegalArgumentException(op + ": expected at least one tensor, got none");
        }
        return Objects.requireNonNull(tensors[0], op + ": tensor 0 is null");
    }

    /** {@code index} resolved against dim {@code d} of {@code shape} (negative counts from the end). */
    private static int checkedIndex(String op, Shape shape, int dim, int d, int index) {
        int n = shape.size(d);
        int i = index < 0 ? index + n : index;
        if (i < 0 || i >= n) {
            throw new IllegalArgumentException(op + ": index " + index + " out of range for dim " + dim + " of size " + n
                    + " in shape " + shape + (n == 0 ? "" : " (expected " + -n + " to " + (n - 1) + ")"));
        }
        return i;
    }

    /** A Python slice bound: negative counts from the end, then clamped to {@code [0, n]}. */
    private static int clampBound(int bound, int n) {
        int b = bound < 0 ? bound + n : bound;
        return Math.max(0, Math.min(b, n));
    }

    private static boolean sameExceptAt(Shape a, Shape b, int d) {
        if (a.rank() != b.rank()) {
            return false;
        }
        for (int k = 0; k < a.rank(); k++) {
            if (k != d && a.size(k) != b.size(k)) {
                return false;
            }
        }
        return true;
    }

    /** {@code shape} with the size of dim {@code d} replaced by {@code size}: what {@code op} makes of {@code operands}. */
    private static Shape resized(String op, List<Shape> operands, Shape shape, int d, long size) {
        long[] dims = IntStream.of(shape.toArray()).asLongStream().toArray();
        dims[d] = size;
        return Shape.ofResult(op, operands, dims);
    }

    /** The sizes of {@code shape}, with a scalar read as a one-element vector. */
    private static int[] atLeastOneDim(Shape shape) {
        return shape.rank() == 0 ? new int[] {1} : shape.toArray();
    }

    /** The product of the sizes before dim {@code d}. */
    private static int outer(int[] dims, int d) {
        int p = 1;
        for (int k = 0; k < d; k++) {
            p *= dims[k];
        }
        return p;
    }

    /** The product of the sizes after dim {@code d}. */
    private static int inner(int[] dims, int d) {
        int p = 1;
        for (int k = d + 1; k < dims.length; k++) {
            p *= dims[k];
        }
        return p;
    }
}
