package io.github.autograd4j.nn.data;

import java.util.Objects;

/**
 * A view of some samples of another dataset, as PyTorch's {@code Subset}: sample {@code i} is
 * {@code dataset.get(indices[i])}. Nothing is copied; {@link Datasets#randomSplit} makes these.
 *
 * @param <T> the type of one sample
 */
public final class Subset<T> implements Dataset<T> {

    private final Dataset<T> dataset;
    private final int[] indices;

    /**
     * A view of the samples of {@code dataset} at {@code indices}, in that order (the array is copied).
     *
     * @param dataset the dataset viewed, not copied
     * @param indices the positions in {@code dataset} of this view's samples; repeats allowed
     * @throws IndexOutOfBoundsException when an index is not in {@code [0, dataset.size())}
     */
    public Subset(Dataset<T> dataset, int... indices) {
        this.dataset = Objects.requireNonNull(dataset, "Subset: dataset is null");
        this.indices = Objects.requireNonNull(indices, "Subset: indices are null").clone();
        int n = dataset.size();
        for (int i = 0; i < this.indices.length; i++) {
            if (this.indices[i] < 0 || this.indices[i] >= n) {
                throw new IndexOutOfBoundsException("Subset: index " + this.indices[i] + " at position " + i
                        + " out of range for a dataset of " + n + " samples");
            }
        }
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public T get(int index) {
        return dataset.get(indices[checkIndex(index)]);
    }

    /**
     * The dataset this is a view of.
     *
     * @return the dataset given to the constructor
     */
    public Dataset<T> dataset() {
        return dataset;
    }

    /**
     * A copy of the indices into {@link #dataset()}.
     *
     * @return a new array, one index per sample of this view
     */
    public int[] indices() {
        return indices.clone();
    }

    /** The indices into {@link #dataset()} of this view's samples at {@code positions}. */
    int[] parentIndices(int[] positions) {
        int[] out = new int[positions.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = indices[checkIndex(positions[i])];
        }
        return out;
    }

    private int checkIndex(int index) {
        if (index < 0 || index >= indices.length) {
            throw new IndexOutOfBoundsException("Subset: index " + index + " out of range for "
                    + indices.length + " samples");
        }
        return index;
    }
}
