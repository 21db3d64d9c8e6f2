package io.github.autograd4j.nn.data;

import io.github.autograd4j.Tensor;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Random;

/**
 * Batches of a dataset, one epoch per loop, as PyTorch's {@code DataLoader}: each batch stacks
 * {@code batchSize} samples along a new dim 0 (the last one may be smaller, unless
 * {@code dropLast}). With {@code shuffle}, every {@link #iterator()} call, that is every epoch,
 * draws a new order from {@code rng}, so a seed repeats the whole run; every sample is seen
 * exactly once per epoch.
 *
 * <pre>{@code
 * var loader = new DataLoader(new TensorDataset(x, y), 32, true, new Random(0), false);
 * for (int epoch = 0; epoch < 10; epoch++) {
 *     for (Batch b : loader) {
 *         optimizer.zeroGrad();
 *         Tensor loss = criterion.forward(net.forward(b.get(0)), b.get(1));
 *         loss.backward();
 *         optimizer.step();
 *     }
 * }
 * }</pre>
 *
 * <p>Batches of a {@link TensorDataset}, or of {@link Subset}s of one, are taken with one
 * {@code indexSelect} per tensor; samples of other datasets are stacked one by one.
 */
public final class DataLoader implements Iterable<Batch> {

    private final Dataset<Batch> dataset;
    private final int batchSize;
    private final boolean shuffle;
    private final Random rng;
    private final boolean dropLast;

    /**
     * Batches of {@code batchSize} samples in the dataset's order, the last one possibly smaller.
     *
     * @throws IllegalArgumentException when the dataset is empty or {@code batchSize < 1}
     */
    public DataLoader(Dataset<Batch> dataset, int batchSize) {
        this(dataset, batchSize, false, null, false);
    }

    /**
     * Batches of {@code batchSize} samples.
     *
     * @param shuffle  draw a new order from {@code rng} for every epoch (else the dataset's order)
     * @param rng      the source of the order; needed when {@code shuffle}, may be null otherwise
     * @param dropLast leave out the last batch when it would be smaller than {@code batchSize}
     * @throws IllegalArgumentException when the dataset is empty, {@code batchSize < 1}, or
     *                                  {@code shuffle} is asked for without an {@code rng}
     */
    public DataLoader(Dataset<Batch> dataset, int batchSize, boolean shuffle, Random rng, boolean dropLast) {
        this.dataset = Objects.requireNonNull(dataset, "DataLoader: dataset is null");
        if (batchSize < 1) {
            throw new IllegalArgumentException("DataLoader: batchSize must be >= 1, got " + batchSize);
        }
        if (shuffle && rng == null) {
            throw new IllegalArgumentException("DataLoader: shuffle needs a Random to draw the order from, got null");
        }
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.rng = rng;
        this.dropLast = dropLast;
        checkedSize();
    }

    /** The number of batches in one epoch: {@code ceil(size / batchSize)}, or {@code floor} with {@code dropLast}. */
    public int numBatches() {
        int n = checkedSize();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** The number of samples per batch (the last batch may hold fewer unless {@code dropLast}). */
    public int batchSize() {
        return batchSize;
    }

    /** The dataset batched. */
    public Dataset<Batch> dataset() {
        return dataset;
    }

    /** One epoch: a new order from {@code rng} when shuffling, then the batches in that order. */
    @Override
    public Iterator<Batch> iterator() {
        int n = checkedSize();
        int[] order = shuffle ? Datasets.permutation(n, rng) : Datasets.identity(n);
        int batches = numBatches();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < batches;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("DataLoader: all " + batches + " batches of this epoch were taken");
                }
                int from = next++ * batchSize;
                return fetch(dataset, Arrays.copyOfRange(order, from, Math.min(from + batchSize, n)));
            }
        };
    }

    private int checkedSize() {
        int n = dataset.size();
        if (n == 0) {
            throw new IllegalArgumentException("DataLoader: the dataset is empty; there is nothing to batch");
        }
        return n;
    }

    /** The samples at {@code indices} stacked along dim 0: by {@code indexSelect} when the data are tensors' rows. */
    private static Batch fetch(Dataset<Batch> dataset, int[] indices) {
        Dataset<Batch> d = dataset;
        int[] idx = indices;
        while (d instanceof Subset<Batch> s) {
            idx = s.parentIndices(idx);
            d = s.dataset();
        }
        if (d instanceof TensorDataset t) {
            return t.rows(idx);
        }
        return stack(d, idx);
    }

    private static Batch stack(Dataset<Batch> dataset, int[] indices) {
        Batch[] samples = new Batch[indices.length];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = dataset.get(indices[i]);
            if (samples[i].count() != samples[0].count()) {
                throw new IllegalArgumentException("DataLoader: sample " + indices[i] + " has " + samples[i].count()
                        + " tensors but sample " + indices[0] + " has " + samples[0].count());
            }
        }
        Tensor[] columns = new Tensor[samples[0].count()];
        for (int c = 0; c < columns.length; c++) {
            Tensor[] parts = new Tensor[samples.length];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = samples[i].get(c);
            }
            columns[c] = Tensor.stack(0, parts);
        }
        return Batch.of(columns);
    }
}
