package io.github.autograd4j.ops;

import static io.github.autograd4j.BackwardRule.gradientOnly;

import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.kernel.Indexing;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Lookups by integer index: {@code embedding} (rows of a table) and {@code oneHot}. Indices are
 * tensors of whole numbers held as doubles, as everywhere in this library (class indices, argmax).
 *
 * <p>Two private operations carry the embedding's rules and are each other's backward, so
 * gradients of any order work: {@code rows} (the table's rows at the indices) and
 * {@code addRows} (a gradient added into zeros of the table's shape at the indices, repeats
 * adding up). Both leave out the padding row when there is one: no gradient reaches it, as in
 * PyTorch.
 */
public final class EmbeddingOps {

    /** The padding index of a lookup without one. */
    private static final int NO_PADDING = -1;

    private EmbeddingOps() {
    }

    /**
     * The rows of {@code weight} (shape {@code (V, D)}) at {@code indices}, as PyTorch's
     * {@code F.embedding(indices, weight, padding_idx)}: the result has {@code indices}' shape
     * followed by {@code D}, and {@code weight}'s type. {@code paddingIdx} (null for none; negative
     * counts from the end) names a row that receives no gradient; its values are looked up as
     * any other's. Gradient: {@code g}'s rows added into zeros of {@code weight}'s shape at
     * {@code indices} (repeated indices add up), none to the padding row, none to {@code indices}.
     *
     * @throws IllegalArgumentException when {@code weight} is not 2-d, {@code paddingIdx} is out of
     *                                  range, or an index is not a whole number in {@code [0, V)}
     */
    public static Tensor embedding(Tensor indices, Tensor weight, Integer paddingIdx) {
        Objects.requireNonNull(indices, "embedding: indices are null");
        Objects.requireNonNull(weight, "embedding: weight is null");
        if (weight.dim() != 2) {
            throw new IllegalArgumentException("embedding: weight must be 2-d (num_embeddings, embedding_dim), got shape "
                    + weight.shape());
        }
        int count = weight.size(0);
        int pad = NO_PADDING;
        if (paddingIdx != null) {
            pad = paddingIdx < 0 ? paddingIdx + count : paddingIdx;
            if (pad < 0 || pad >= count) {
                throw new IllegalArgumentException("embedding: paddingIdx " + paddingIdx + " out of range for " + count
                        + " embeddings (expected " + -count + " to " + (count - 1) + ")");
            }
        }
        int[] idx = wholeNumbers("embedding", indices, count, "embeddings");
        long[] dims = new long[indices.dim() + 1];
        for (int k = 0; k < indices.dim(); k++) {
            dims[k] = indices.size(k);
        }
        dims[indices.dim()] = weight.size(1);
        Shape shape = Shape.ofResult("embedding", List.of(indices.shape(), weight.shape()), dims);
        return rows("embedding", weight, idx, pad, false, shape);
    }

    /**
     * One-hot vectors of {@code indices}, as PyTorch's {@code F.one_hot}: the result has
     * {@code indices}' shape followed by {@code numClasses}, 1 at each index and 0 elsewhere, in
     * {@code indices}' type. {@code numClasses} -1 means one more than the largest index. Gradient:
     * none (a constant).
     *
     * @throws IllegalArgumentException when an index is not a whole number in
     *                                  {@code [0, numClasses)}, {@code numClasses} is below -1, or
     *                                  it is -1 for no indices (there is nothing to infer it from)
     */
    public static Tensor oneHot(Tensor indices, int numClasses) {
        Objects.requireNonNull(indices, "oneHot: indices are null");
        if (numClasses < -1) {
            throw new IllegalArgumentException("oneHot: numClasses must be -1 (inferred) or at least 0, got " + numClasses);
        }
        int classes = numClasses;
        if (classes == -1) {
            if (indices.numel() == 0) {
                throw new IllegalArgumentException("oneHot: cannot infer the number of classes from indices of shape "
                        + indices.shape() + ", which hold none; pass numClasses");
            }
            classes = (int) Math.min(Integer.MAX_VALUE, Math.max(0, max(indices.doubles())) + 1);
        }
        int[] idx = wholeNumbers("oneHot", indices, classes, "classes");
        long[] dims = new long[indices.dim() + 1];
        for (int k = 0; k < indices.dim(); k++) {
            dims[k] = indices.size(k);
        }
        dims[indices.dim()] = classes;
        Shape shape = Shape.ofResult("oneHot", List.of(indices.shape()), dims);
        double[] data = new double[shape.numel()];
        for (int j = 0; j < idx.length; j++) {
            data[j * classes + idx[j]] = 1.0;
        }
        return Tensor.fromOp("oneHot", indices.dtype(), shape, data, gradientOnly((g, out) -> new Tensor[0]));
    }

    // ------------------------------------------------------------------ rows / addRows: each other's backward

    /**
     * The rows of {@code table} (of shape {@code (V, D)}) at {@code idx}, laid out in
     * {@code shape}; the padding row's places zeroed when {@code zeroPadding} (as the backward of
     * {@link #addRows}, which gives that row nothing). Backward: {@link #addRows}.
     */
    private static Tensor rows(String op, Tensor table, int[] idx, int pad, boolean zeroPadding, Shape shape) {
        Shape tableShape = table.shape();
        int width = table.size(1);
        double[] data = (double[]) Indexing.take(table.doubles(), 1, table.size(0), width, idx);
        if (zeroPadding) {
            zeroPaddingRows(data, idx, pad, width);
        }
        return Tensor.fromOp(op, table.dtype(), shape, data,
                gradientOnly((g, out) -> new Tensor[] {addRows(g, idx, pad, tableShape)}), table);
    }

    /**
     * Zeros of {@code tableShape} with the rows of {@code g} (read as {@code (idx.length, D)})
     * added at {@code idx}, except at the padding row. Backward: {@link #rows} of the gradient,
     * padding zeroed, in {@code g}'s shape.
     */
    private static Tensor addRows(Tensor g, int[] idx, int pad, Shape tableShape) {
        Shape gShape = g.shape();
        int width = tableShape.size(1);
        double[] rows = g.doubles();
        if (pad != NO_PADDING) {
            rows = rows.clone();
            zeroPaddingRows(rows, idx, pad, width);
        }
        double[] data = Indexing.put(rows, 1, tableShape.size(0), width, idx);
        return Tensor.fromOp("embeddingBackward", g.dtype(), tableShape, data,
                gradientOnly((gg, out) -> new Tensor[] {rows("embeddingBackward", gg, idx, pad, true, gShape)}), g);
    }

    private static void zeroPaddingRows(double[] rows, int[] idx, int pad, int width) {
        if (pad == NO_PADDING) {
            return;
        }
        for (int j = 0; j < idx.length; j++) {
            if (idx[j] == pad) {
                Arrays.fill(rows, j * width, (j + 1) * width, 0.0);
            }
        }
    }

    // ------------------------------------------------------------------ checks

    /** The values of {@code indices} as ints, each checked to be a whole number in {@code [0, bound)}. */
    private static int[] wholeNumbers(String op, Tensor indices, int bound, String what) {
        double[] values = indices.doubles();
        int[] idx = new int[values.length];
        for (int j = 0; j < values.length; j++) {
            double v = values[j];
            if (v != Math.rint(v)) {
                throw new IllegalArgumentException(op + ": indices hold " + v + " at " + position(indices.shape(), j)
                        + "; expected whole numbers");
            }
            if (v < 0 || v >= bound) {
                throw new IllegalArgumentException(op + ": index " + (long) v + " at " + position(indices.shape(), j)
                        + " out of range for " + bound + " " + what + " (expected 0 to " + (bound - 1) + ")");
            }
            idx[j] = (int) v;
        }
        return idx;
    }

    /** The multi-index of flat position {@code flat} in {@code shape}, as {@code [0, 1]}. */
    private static String position(Shape shape, int flat) {
        int[] at = new int[shape.rank()];
        int rest = flat;
        for (int k = shape.rank() - 1; k >= 0; k--) {
            at[k] = rest % shape.size(k);
            rest /= shape.size(k);
        }
        return Arrays.toString(at);
    }

    private static double max(double[] values) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
