package io.github.autograd4j.nn.data;

import io.github.autograd4j.Tensor;
import java.util.List;
import java.util.Objects;

/**
 * The tensors of one sample or one batch, in the order the dataset holds them: typically
 * {@code (x, y)}. A sample of a {@link TensorDataset} holds one row of each tensor; a batch from a
 * {@link DataLoader} holds those rows stacked along a new dim 0.
 *
 * <pre>{@code
 * for (Batch b : loader) {
 *     Tensor x = b.get(0), y = b.get(1);
 *     ...
 * }
 * }</pre>
 *
 * @param tensors the tensors, at least one (the list is copied)
 */
public record Batch(List<Tensor> tensors) {

    /**
     * Checks the tensors and keeps an unmodifiable copy of the list.
     *
     * @param tensors the tensors, at least one, none null
     * @throws IllegalArgumentException when there is no tensor
     * @throws NullPointerException     when a tensor is null
     */
    public Batch {
        Objects.requireNonNull(tensors, "Batch: tensors are null");
        for (int i = 0; i < tensors.size(); i++) {
            Objects.requireNonNull(tensors.get(i), "Batch: tensor " + i + " is null");
        }
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("Batch: expected at least one tensor, got none");
        }
        tensors = List.copyOf(tensors);
    }

    /**
     * A batch of the given tensors, in that order.
     *
     * @param tensors the tensors, at least one, none null
     * @return a new batch
     */
    public static Batch of(Tensor... tensors) {
        return new Batch(List.of(Objects.requireNonNull(tensors, "Batch: tensors are null")));
    }

    /**
     * The tensor at position {@code i} ({@code get(0)} is usually the input, {@code get(1)} the target).
     *
     * @param i the position, from 0 to {@code count() - 1}
     * @return the tensor itself, not a copy
     * @throws IndexOutOfBoundsException naming the position and how many tensors there are
     */
    public Tensor get(int i) {
        if (i < 0 || i >= tensors.size()) {
            throw new IndexOutOfBoundsException("Batch: tensor " + i + " requested but the batch holds "
                    + tensors.size() + " (positions 0 to " + (tensors.size() - 1) + ")");
        }
        return tensors.get(i);
    }

    /**
     * The number of tensors (2 for {@code (x, y)}).
     *
     * @return the count, at least 1
     */
    public int count() {
        return tensors.size();
    }

    /**
     * The number of samples in a batch: the size of dim 0 of its first tensor.
     *
     * @return the size of dim 0 of the first tensor
     */
    public int rows() {
        Tensor first = tensors.get(0);
        if (first.dim() == 0) {
            throw new IllegalStateException("Batch: rows() needs tensors of at least 1 dim, tensor 0 is a scalar");
        }
        return first.size(0);
    }
}
