package io.github.autograd4j.nn.data;

/**
 * A finite collection of samples read by index, as PyTorch's map-style
 * {@code torch.utils.data.Dataset}: {@link #size()} samples, numbered {@code 0} to
 * {@code size() - 1}. A {@link DataLoader} batches a {@code Dataset<Batch>}; {@link TensorDataset}
 * is the usual one, {@link Subset} a view of part of another.
 *
 * @param <T> the type of one sample
 */
public interface Dataset<T> {

    /**
     * The number of samples.
     *
     * @return the count, 0 or more
     */
    int size();

    /**
     * The sample at {@code index}.
     *
     * @param index from 0 to {@code size() - 1}
     * @return the sample
     * @throws IndexOutOfBoundsException when {@code index} is not in {@code [0, size())}
     */
    T get(int index);
}
