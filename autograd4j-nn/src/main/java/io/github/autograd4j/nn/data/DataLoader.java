package io.github.autograd4j.nn.data;

import io.github.autograd4j.Generator;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.StateReader;
import io.github.autograd4j.nn.Stateful;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Random;

/**
 * Batches of a dataset, one epoch per loop, as PyTorch's {@code DataLoader}: each batch stacks
 * {@code batchSize} samples along a new dim 0 (the last one may be smaller, unless
 * {@code dropLast}). With {@code shuffle}, every {@link #iterator()} call, that is every epoch,
 * takes a new order; every sample is seen exactly once per epoch.
 *
 * <pre>{@code
 * var loader = new DataLoader(new TensorDataset(x, y), 32, true);   // DataLoader(data, batch_size=32, shuffle=True)
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
 * <p><b>Where the order comes from.</b> A loader made with a seed, or without a {@code Random}
 * (it then draws its seed from {@link Generator#current()} once, when it is made), shuffles epoch
 * {@code e} by a permutation drawn from a generator seeded with the seed and {@code e}: so its
 * {@link #stateDict()} (the seed, the epoch and the position in it) lets a checkpoint resume in
 * the middle of an epoch with the same order as an uninterrupted run. A loader made with a
 * {@code Random} draws each epoch's order from it, as before; a {@code Random}'s state cannot be
 * read, so such a loader cannot be checkpointed while it shuffles.
 *
 * <p>Each {@link #iterator()} starts the next epoch, as in PyTorch; only right after
 * {@link #loadStateDict} does it continue the epoch that was interrupted, from the batch after the
 * last one taken.
 *
 * <p>Batches of a {@link TensorDataset}, or of {@link Subset}s of one, are taken with one
 * {@code indexSelect} per tensor; samples of other datasets are stacked one by one.
 */
public final class DataLoader implements Iterable<Batch>, Stateful {

    private static final String EPOCH = "epoch";
    private static final String BATCH = "batch";
    private static final String SEED = "seed";
    private static final String SHUFFLE = "shuffle";
    private static final String BATCH_SIZE = "batch_size";
    private static final String SIZE = "size";
    private static final List<String> KEYS = List.of(EPOCH, BATCH, SEED, SHUFFLE, BATCH_SIZE, SIZE);

    private final Dataset<Batch> dataset;
    private final int batchSize;
    private final boolean shuffle;
    private final Random rng;
    private long seed;
    private final boolean dropLast;

    /** The epoch the next {@link #iterator()} runs, and the batch it starts at (not 0 only after a mid-epoch load). */
    private int nextEpoch;
    private int resumeBatch;
    /** Where the latest iterator is; null before the first and after a load. */
    private Position current;

    /**
     * Where an epoch's iteration is: batches {@code 0..taken-1} of epoch {@code epoch} were taken,
     * and {@code finished} once the loop has asked for another and learnt there is none.
     */
    private static final class Position {
        final int epoch;
        int taken;
        boolean finished;

        Position(int epoch, int taken) {
            this.epoch = epoch;
            this.taken = taken;
        }
    }

    /**
     * Batches of {@code batchSize} samples in the dataset's order, the last one possibly smaller.
     *
     * @param dataset   the samples
     * @param batchSize the samples per batch
     * @throws IllegalArgumentException when the dataset is empty or {@code batchSize < 1}
     */
    public DataLoader(Dataset<Batch> dataset, int batchSize) {
        this(dataset, batchSize, false, null, 0, false);
    }

    /**
     * Batches of {@code batchSize} samples, shuffled or not, as PyTorch's
     * {@code DataLoader(dataset, batch_size, shuffle)}: a shuffling loader draws its seed from
     * {@link Generator#current()} now.
     *
     * @param dataset   the samples
     * @param batchSize the samples per batch
     * @param shuffle   take a new order every epoch
     * @throws IllegalArgumentException when the dataset is empty or {@code batchSize < 1}
     */
    public DataLoader(Dataset<Batch> dataset, int batchSize, boolean shuffle) {
        this(dataset, batchSize, shuffle, null, shuffle ? Generator.current().nextLong() : 0, false);
    }

    /**
     * Batches of {@code batchSize} samples, each epoch's order drawn from {@code seed} and the epoch.
     *
     * @param dataset   the samples
     * @param batchSize the samples per batch
     * @param shuffle   take a new order every epoch (else the dataset's order)
     * @param seed      the seed of the orders
     * @param dropLast  leave out the last batch when it would be smaller than {@code batchSize}
     * @throws IllegalArgumentException when the dataset is empty or {@code batchSize < 1}
     */
    public DataLoader(Dataset<Batch> dataset, int batchSize, boolean shuffle, long seed, boolean dropLast) {
        this(dataset, batchSize, shuffle, null, seed, dropLast);
    }

    /**
     * Batches of {@code batchSize} samples, each epoch's order drawn from {@code rng} (such a
     * loader cannot be checkpointed while it shuffles: see the class comment).
     *
     * @param dataset   the samples
     * @param batchSize the samples per batch
     * @param shuffle   draw a new order from {@code rng} for every epoch (else the dataset's order)
     * @param rng       the source of the order; needed when {@code shuffle}, may be null otherwise
     * @param dropLast  leave out the last batch when it would be smaller than {@code batchSize}
     * @throws IllegalArgumentException when the dataset is empty, {@code batchSize < 1}, or
     *                                  {@code shuffle} is asked for without an {@code rng}
     */
    public DataLoader(Dataset<Batch> dataset, int batchSize, boolean shuffle, Random rng, boolean dropLast) {
        this(dataset, batchSize, shuffle, requireRandom(shuffle, rng), 0, dropLast);
    }

    private DataLoader(Dataset<Batch> dataset, int batchSize, boolean shuffle, Random rng, long seed, boolean dropLast) {
        this.dataset = Objects.requireNonNull(dataset, "DataLoader: dataset is null");
        if (batchSize < 1) {
            throw new IllegalArgumentException("DataLoader: batchSize must be >= 1, got " + batchSize);
        }
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.rng = rng;
        this.seed = seed;
        this.dropLast = dropLast;
        checkedSize();
    }

    private static Random requireRandom(boolean shuffle, Random rng) {
        if (shuffle && rng == null) {
            throw new IllegalArgumentException("DataLoader: shuffle needs a Random to draw the order from, got null");
        }
        return rng;
    }

    /**
     * The number of batches in one epoch: {@code ceil(size / batchSize)}, or {@code floor} with {@code dropLast}.
     *
     * @return the batches per epoch
     */
    public int numBatches() {
        int n = checkedSize();
        int full = n / batchSize;
        return dropLast || n % batchSize == 0 ? full : full + 1;
    }

    /**
     * The number of samples per batch (the last batch may hold fewer unless {@code dropLast}).
     *
     * @return the batch size
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * The dataset batched.
     *
     * @return the dataset
     */
    public Dataset<Batch> dataset() {
        return dataset;
    }

    /**
     * The next epoch: its order, then its batches; right after {@link #loadStateDict} the interrupted
     * epoch's remaining batches instead.
     */
    @Override
    public Iterator<Batch> iterator() {
        int n = checkedSize();
        int batches = numBatches();
        Position position = new Position(nextEpoch, resumeBatch);
        int[] order = order(position.epoch, n);
        current = position;
        nextEpoch = position.epoch + 1;
        resumeBatch = 0;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                position.finished = position.taken >= batches;
                return !position.finished;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("DataLoader: all " + batches + " batches of this epoch were taken");
                }
                long from = (long) position.taken * batchSize;
                int to = (int) Math.min(from + batchSize, n);
                Batch batch = fetch(dataset, Arrays.copyOfRange(order, (int) from, to));
                position.taken++;
                return batch;
            }
        };
    }

    /** The order of {@code epoch}: the dataset's, one drawn from {@code rng}, or one drawn from the seed and the epoch. */
    private int[] order(int epoch, int n) {
        if (!shuffle) {
            return Datasets.identity(n);
        }
        return Datasets.permutation(n, rng != null ? rng : new Random(epochSeed(seed, epoch)));
    }

    /** The seed of one epoch's order: SplitMix64's finaliser of the seed and the epoch, so that neighbouring epochs are unrelated. */
    private static long epochSeed(long seed, int epoch) {
        long z = seed + 0x9E3779B97F4A7C15L * (epoch + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Where the loader is: the epoch being iterated ({@code "epoch"}) and how many of its batches
     * were taken ({@code "batch"}), the seed of the orders ({@code "seed"}, its two 32-bit halves),
     * and {@code "shuffle"}, {@code "batch_size"} and {@code "size"} (the dataset's), which a loader
     * restoring it must share. Taken inside a loop over an epoch, even after its last batch, it
     * names that epoch, so a resumed loop finishes it (with no batch left, the code after the loop
     * runs once, as in the run that saved it); taken after the loop has ended, it names the next
     * epoch's first batch.
     *
     * @throws IllegalStateException when the loader shuffles with a {@code Random}
     */
    @Override
    public Map<String, Tensor> stateDict() {
        requireCheckpointable("stateDict");
        boolean midEpoch = current != null && !current.finished;
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put(EPOCH, Tensor.scalar(midEpoch ? current.epoch : nextEpoch));
        state.put(BATCH, Tensor.scalar(midEpoch ? current.taken : resumeBatch));
        state.put(SEED, Tensor.vector(seed >> 32, seed & 0xFFFFFFFFL));
        state.put(SHUFFLE, Tensor.scalar(shuffle ? 1 : 0));
        state.put(BATCH_SIZE, Tensor.scalar(batchSize));
        state.put(SIZE, Tensor.scalar(dataset.size()));
        return state;
    }

    /**
     * Makes the next {@link #iterator()} continue where the state was taken: the same epoch, from
     * the same batch, in the same order.
     *
     * @throws IllegalArgumentException when a key is missing or unknown, the state is of a loader
     *                                  with another batch size, dataset size or shuffle, or the
     *                                  position is not within an epoch (nothing changes)
     * @throws IllegalStateException    when the loader shuffles with a {@code Random}
     */
    @Override
    public void loadStateDict(Map<String, Tensor> state) {
        requireCheckpointable("loadStateDict");
        StateReader in = StateReader.of("DataLoader", state).expectKeys(KEYS);
        boolean savedShuffle = in.wholeNumber(SHUFFLE, 0, 1) == 1;
        long savedBatchSize = in.wholeNumber(BATCH_SIZE, 1, Integer.MAX_VALUE);
        long savedSize = in.wholeNumber(SIZE, 0, Integer.MAX_VALUE);
        if (savedShuffle != shuffle || savedBatchSize != batchSize || savedSize != dataset.size()) {
            throw in.error("the state is of a loader of " + savedSize + " samples in batches of " + savedBatchSize
                    + (savedShuffle ? ", shuffled" : ", not shuffled") + ", but this one has " + dataset.size()
                    + " samples in batches of " + batchSize + (shuffle ? ", shuffled" : ", not shuffled")
                    + "; its position would name other samples");
        }
        int epoch = (int) in.wholeNumber(EPOCH, 0, Integer.MAX_VALUE);
        int batch = (int) in.wholeNumber(BATCH, 0, numBatches());
        double[] halves = in.finiteVector(SEED, 2);
        long high = in.wholeNumber(SEED + "[0]", Tensor.scalar(halves[0]), Integer.MIN_VALUE, Integer.MAX_VALUE);
        long low = in.wholeNumber(SEED + "[1]", Tensor.scalar(halves[1]), 0, 0xFFFFFFFFL);
        seed = high << 32 | low;
        nextEpoch = epoch;
        resumeBatch = batch;
        current = null;
    }

    private void requireCheckpointable(String op) {
        if (shuffle && rng != null) {
            throw new IllegalStateException("DataLoader." + op + ": this loader shuffles with a java.util.Random, whose state"
                    + " cannot be saved or restored; make it with a seed, new DataLoader(data, batchSize, true, seed, dropLast),"
                    + " or without a Random, to checkpoint it");
        }
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
