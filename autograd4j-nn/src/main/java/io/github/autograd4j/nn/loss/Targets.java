package io.github.autograd4j.nn.loss;

import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;

/** The checks of inputs and targets that several losses share, each with the message it throws. */
final class Targets {

    private Targets() {
    }

    /**
     * Returns {@code value} when it is finite.
     *
     * @throws IllegalArgumentException "HingeLoss: margin must be finite, got NaN"
     */
    static double finite(String op, String what, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(op + ": " + what + " must be finite, got " + value);
        }
        return value;
    }

    /**
     * Checks that input and target have the same shape.
     *
     * @throws IllegalArgumentException "MSELoss: input shape (3, 2) and target shape (3,) differ"
     */
    static void sameShape(String op, Tensor input, Tensor target) {
        if (!input.shape().equals(target.shape())) {
            throw new IllegalArgumentException(op + ": input shape " + input.shape() + " and target shape "
                    + target.shape() + " differ");
        }
    }

    /**
     * Checks that {@code input} has shape {@code (N, C)}.
     *
     * @throws IllegalArgumentException "CrossEntropyLoss: expected input of shape (N, C), got (3,)"
     */
    static void batchOfScores(String op, Tensor input) {
        if (input.dim() != 2) {
            throw new IllegalArgumentException(op + ": expected input of shape (N, C), got " + input.shape());
        }
    }

    /**
     * Checks that {@code input} has shape {@code (N, C)} or {@code (N, C, d1, ...)}, the scores of
     * PyTorch's class losses.
     *
     * @throws IllegalArgumentException "NLLLoss: expected input of shape (N, C) or (N, C, d1, ...), got (3,)"
     */
    static void scoresOfClasses(String op, Tensor input) {
        if (input.dim() < 2) {
            throw new IllegalArgumentException(op + ": expected input of shape (N, C) or (N, C, d1, ...), got " + input.shape());
        }
    }

    /**
     * Checks that {@code target} holds a class index for each place of {@code input} but its
     * classes (dim 1): shape {@code (N, d1, ...)} for input {@code (N, C, d1, ...)}, whole numbers
     * in {@code [0, C)} or {@code ignoreIndex} (null for none); returns them as ints, row-major, with -1 where a
     * place is ignored. Positions in messages are flat row-major indices.
     *
     * @throws IllegalArgumentException naming the shape, or the first bad value and its position
     */
    static int[] classIndices(String op, Tensor input, Tensor target, Integer ignoreIndex) {
        int classes = input.size(1);
        int[] expected = new int[input.dim() - 1];
        expected[0] = input.size(0);
        for (int k = 2; k < input.dim(); k++) {
            expected[k - 1] = input.size(k);
        }
        if (!target.shape().equals(Shape.of(expected))) {
            throw new IllegalArgumentException(op + ": expected target of shape " + Shape.of(expected) + " holding class indices"
                    + " for input of shape " + input.shape() + ", got " + target.shape());
        }
        double[] values = target.doubles();
        int[] indices = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (v != Math.rint(v)) {
                throw new IllegalArgumentException(op + ": target " + v + " at position " + i
                        + " is not a class index (expected a whole number)");
            }
            if (ignoreIndex != null && v == ignoreIndex) {
                indices[i] = -1;
            } else if (v < 0 || v >= classes) {
                throw new IllegalArgumentException(op + ": target " + (long) v + " out of range for " + classes
                        + " classes at position " + i);
            } else {
                indices[i] = (int) v;
            }
        }
        return indices;
    }

    /**
     * {@code input[n, target[n]]} for each {@code n}, of shape {@code (N,)}, for input of shape
     * {@code (N, C)} after checking the indices as {@link #classIndices} does (none ignored); the
     * gradient reaches {@code input}.
     */
    static Tensor picked(String op, Tensor input, Tensor target) {
        batchOfScores(op, input);
        int[] indices = classIndices(op, input, target, null);
        return picked(input, indices);
    }

    /** {@code rows[m, indices[m]]} for each row of {@code rows} {@code (M, C)}, of shape {@code (M,)}; row {@code m} gives {@code rows[m, 0]} where {@code indices[m]} is -1. */
    static Tensor picked(Tensor rows, int[] indices) {
        double[] column = new double[indices.length];
        for (int m = 0; m < column.length; m++) {
            column[m] = Math.max(0, indices[m]);
        }
        return rows.gather(1, Tensor.of(column, column.length, 1)).reshape(column.length);
    }

    /**
     * Checks that {@code target} has {@code input}'s shape and holds only 1 and -1, and returns
     * the constant {@code (1 + target) / 2}: 1 where the label is 1, 0 where it is -1.
     *
     * @throws IllegalArgumentException "HingeEmbeddingLoss: target must be 1 or -1, got 0.5 at position 3"
     */
    static Tensor positives(String op, Tensor input, Tensor target) {
        sameShape(op, input, target);
        double[] values = target.doubles();
        double[] positive = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 1.0 && values[i] != -1.0) {
                throw new IllegalArgumentException(op + ": target must be 1 or -1, got " + values[i] + " at position " + i);
            }
            positive[i] = values[i] == 1.0 ? 1.0 : 0.0;
        }
        return Tensor.of(positive, target.shape().toArray());
    }

    /**
     * Checks that every value of {@code t} lies in {@code [0, 1]}.
     *
     * @throws IllegalArgumentException "BCELoss: input values must be in [0, 1], got 1.5 at position 3"
     */
    static void probabilities(String op, String what, Tensor t) {
        double[] values = t.doubles();
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0.0 && values[i] <= 1.0)) {
                throw new IllegalArgumentException(op + ": " + what + " values must be in [0, 1], got " + values[i]
                        + " at position " + i);
            }
        }
    }
}
