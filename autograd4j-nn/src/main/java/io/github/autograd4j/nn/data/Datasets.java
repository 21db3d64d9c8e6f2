package io.github.autograd4j.nn.data;

import io.github.autograd4j.Generator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Splitting a dataset at random, as PyTorch's {@code torch.utils.data.random_split}, and the
 * random permutation that both the split and a shuffling {@link DataLoader} draw.
 *
 * <pre>{@code
 * List<Subset<Batch>> parts = Datasets.randomSplit(data, new Random(0), 0.8, 0.2);
 * var train = parts.get(0);
 * var test = parts.get(1);
 * }</pre>
 */
public final class Datasets {

    /** How far fractions may sum from 1 (as Python's {@code math.isclose}). */
    private static final double FRACTION_TOLERANCE = 1e-9;

    private Datasets() {
    }

    /**
     * Splits {@code dataset} into disjoint subsets of the given lengths, which together hold every
     * sample once: the samples are permuted with {@code rng}, and the subsets take consecutive runs
     * of the permutation. The same seed gives the same split.
     *
     * @param <T>     the type of one sample
     * @param dataset the dataset to split; nothing is copied
     * @param rng     the source of the permutation
     * @param lengths the sizes of the parts, summing to the dataset's size
     * @return the parts, one per length, in the order of {@code lengths}
     * @throws IllegalArgumentException when a length is negative or the lengths do not sum to the
     *                                  dataset's size
     */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, Random rng, int... lengths) {
        Objects.requireNonNull(dataset, "randomSplit: dataset is null");
        Objects.requireNonNull(rng, "randomSplit: rng is null");
        Objects.requireNonNull(lengths, "randomSplit: lengths are null");
        long sum = 0;
        for (int len : lengths) {
            if (len < 0) {
                throw new IllegalArgumentException("randomSplit: lengths must be >= 0, got " + Arrays.toString(lengths));
            }
            sum += len;
        }
        if (sum != dataset.size()) {
            throw new IllegalArgumentException("randomSplit: lengths " + Arrays.toString(lengths) + " sum to " + sum
                    + " but the dataset has " + dataset.size() + " samples");
        }
        int[] order = permutation(dataset.size(), rng);
        List<Subset<T>> parts = new ArrayList<>(lengths.length);
        int from = 0;
        for (int len : lengths) {
            parts.add(new Subset<>(dataset, Arrays.copyOfRange(order, from, from + len)));
            from += len;
        }
        return parts;
    }

    /**
     * {@link #randomSplit(Dataset, Random, int...)} drawing from {@link Generator#current()}, as
     * PyTorch's {@code random_split(dataset, lengths)}.
     *
     * @param dataset the dataset to split
     * @param lengths the sizes of the parts
     * @param <T>     the type of one sample
     * @return the parts
     */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, int... lengths) {
        return randomSplit(dataset, Generator.current(), lengths);
    }

    /**
     * {@link #randomSplit(Dataset, Random, double...)} drawing from {@link Generator#current()}.
     *
     * @param dataset   the dataset to split
     * @param fractions the parts' fractions of its size, summing to 1
     * @param <T>       the type of one sample
     * @return the parts
     */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, double... fractions) {
        return randomSplit(dataset, Generator.current(), fractions);
    }

    /**
     * Splits {@code dataset} by fractions of its size that sum to 1: each part gets
     * {@code floor(fraction * size)} samples, and the samples left over go one each to the first
     * parts, as PyTorch does. Otherwise as {@link #randomSplit(Dataset, Random, int...)}.
     *
     * @param <T>       the type of one sample
     * @param dataset   the dataset to split; nothing is copied
     * @param rng       the source of the permutation
     * @param fractions the parts' fractions of its size, summing to 1
     * @return the parts, one per fraction, in the order of {@code fractions}
     * @throws IllegalArgumentException when a fraction is outside {@code [0, 1]} or they do not sum to 1
     */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, Random rng, double... fractions) {
        Objects.requireNonNull(dataset, "randomSplit: dataset is null");
        Objects.requireNonNull(fractions, "randomSplit: fractions are null");
        double sum = 0;
        for (double f : fractions) {
            if (!(f >= 0 && f <= 1)) {
                throw new IllegalArgumentException("randomSplit: fractions must be in [0, 1], got " + Arrays.toString(fractions));
            }
            sum += f;
        }
        if (Math.abs(sum - 1) > FRACTION_TOLERANCE) {
            throw new IllegalArgumentException("randomSplit: fractions " + Arrays.toString(fractions) + " sum to " + sum
                    + ", expected 1");
        }
        int n = dataset.size();
        int[] lengths = new int[fractions.length];
        int left = n;
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = (int) Math.floor(fractions[i] * n);
            left -= lengths[i];
        }
        for (int i = 0; i < left; i++) {
            lengths[i % lengths.length]++;
        }
        return randomSplit(dataset, rng, lengths);
    }

    /** A uniformly random permutation of {@code 0..n-1} drawn from {@code rng} (Fisher-Yates). */
    static int[] permutation(int n, Random rng) {
        int[] order = identity(n);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** {@code 0, 1, ..., n-1}. */
    static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }
}
