package io.github.autograd4j.nn.data;

import io.github.autograd4j.Tensor;
import java.util.Objects;

/**
 * Samples that are the rows of one or more tensors of equal size in dim 0, as PyTorch's
 * {@code TensorDataset(x, y)}: sample {@code i} is {@code Batch(x[i], y[i], ...)}. A
 * {@link DataLoader} takes whole batches of rows at once with {@link #rows(int...)}, one
 * {@code indexSelect} per tensor.
 *
 * <pre>{@code
 * var data = new TensorDataset(x, y);          // x: (100, 3), y: (100,)
 * data.get(7);                                 // Batch(x[7] of shape (3,), y[7] a scalar)
 * }</pre>
 */
public final class TensorDataset implements Dataset<Batch> {

    private final Tensor[] tensors;

    /**
     * A dataset over the rows of {@code tensors} (the tensors are shared, not copied).
     *
     * @param tensors the tensors, at least one, each of at least 1 dim, all with the same size in
     *                dim 0 (typically the inputs, then the targets)
     * @throws IllegalArgumentException when there is no tensor, one is a scalar, or their sizes
     *                                  in dim 0 differ
     */
    public TensorDataset(Tensor... tensors) {
        Objects.requireNonNull(tensors, "TensorDataset: tensors are null");
        if (tensors.length == 0) {
            throw new IllegalArgumentException("TensorDataset: expected at least one tensor, got none");
        }
        for (int t = 0; t < tensors.length; t++) {
            Tensor x = Objects.requireNonNull(tensors[t], "TensorDataset: tensor " + t + " is null");
            if (x.dim() == 0) {
                throw new IllegalArgumentException("TensorDataset: tensor " + t
                        + " is a scalar; every tensor needs a dim 0 that indexes the samples");
            }
            if (x.size(0) != tensors[0].size(0)) {
                throw new IllegalArgumentException("TensorDataset: tensor " + t + " has " + x.size(0) + " rows (shape "
                        + x.shape() + ") but tensor 0 has " + tensors[0].size(0) + " (shape " + tensors[0].shape()
                        + "); all tensors need the same size in dim 0");
            }
        }
        this.tensors = tensors.clone();
    }

    @Override
    public int size() {
        return tensors[0].size(0);
    }

    /** Row {@code index} of every tensor, each with dim 0 removed. */
    @Override
    public Batch get(int index) {
        checkIndex(index);
        Tensor[] row = new Tensor[tensors.length];
        for (int t = 0; t < row.length; t++) {
            row[t] = tensors[t].select(0, index);
        }
        return Batch.of(row);
    }

    /**
     * The rows at {@code indices}, in that order, of every tensor: each result has
     * {@code indices.length} in dim 0.
     *
     * @param indices the rows, from 0 to {@code size() - 1}; repeats allowed
     * @return a batch of new tensors, one per tensor of this dataset, in the same order
     * @throws IndexOutOfBoundsException when an index is not in {@code [0, size())}
     */
    public Batch rows(int... indices) {
        for (int i : indices) {
            checkIndex(i);
        }
        Tensor[] batch = new Tensor[tensors.length];
        for (int t = 0; t < batch.length; t++) {
            batch[t] = tensors[t].indexSelect(0, indices);
        }
        return Batch.of(batch);
    }

    /**
     * The tensors themselves, in the order given.
     *
     * @return a batch of the tensors given to the constructor, not copies
     */
    public Batch tensors() {
        return Batch.of(tensors);
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("TensorDataset: index " + index + " out of range for "
                    + size() + " samples");
        }
    }
}
