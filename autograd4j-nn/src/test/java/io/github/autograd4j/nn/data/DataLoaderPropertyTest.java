package io.github.autograd4j.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.autograd4j.Tensor;
import io.github.autograd4j.properties.PropertySeed;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A {@link DataLoader} epoch, for any dataset size, batch size, shuffle and dropLast: every sample
 * comes at most once, and exactly once unless the short last batch is dropped; every batch is
 * full except perhaps the last; {@code numBatches()} counts them; rows travel together (the
 * second tensor's row matches the first's); and the same seed gives the same order.
 */
class DataLoaderPropertyTest {

    @Property(seed = PropertySeed.CI)
    void anEpochVisitsEverySampleOnceInFullBatches(@ForAll @IntRange(min = 1, max = 60) int size,
                                                   @ForAll @IntRange(min = 1, max = 70) int batchSize,
                                                   @ForAll boolean shuffle, @ForAll boolean dropLast,
                                                   @ForAll @IntRange(min = 0, max = 1000) int seed) {
        double[] ids = new double[size];
        double[] pairs = new double[2 * size];
        for (int i = 0; i < size; i++) {
            ids[i] = i;
            pairs[2 * i] = 10 * i;
            pairs[2 * i + 1] = 10 * i + 1;
        }
        Dataset<Batch> data = new TensorDataset(Tensor.of(ids, size), Tensor.of(pairs, size, 2));
        List<Double> seen = epoch(new DataLoader(data, batchSize, shuffle, new Random(seed), dropLast), batchSize);
        int expected = dropLast ? size / batchSize * batchSize : size;
        assertEquals(expected, seen.size());
        assertEquals(expected, seen.stream().distinct().count(), "no sample twice");
        if (!shuffle) {
            for (int i = 0; i < seen.size(); i++) {
                assertEquals(i, seen.get(i), 0.0, "the dataset's order");
            }
        }
        assertEquals(seen, epoch(new DataLoader(data, batchSize, shuffle, new Random(seed), dropLast), batchSize),
                "the same seed gives the same order");
    }

    /** The ids of one epoch, checking batch sizes, the batch count and that rows stay together. */
    private static List<Double> epoch(DataLoader loader, int batchSize) {
        List<Double> seen = new ArrayList<>();
        int batches = 0;
        int lastSize = batchSize;
        for (Batch b : loader) {
            assertEquals(batchSize, lastSize, "only the last batch may be short");
            double[] id = b.get(0).toArray();
            double[] pair = b.get(1).toArray();
            for (int r = 0; r < id.length; r++) {
                assertArrayEquals(new double[] {10 * id[r], 10 * id[r] + 1}, new double[] {pair[2 * r], pair[2 * r + 1]});
                seen.add(id[r]);
            }
            lastSize = id.length;
            batches++;
        }
        assertEquals(loader.numBatches(), batches);
        return seen;
    }
}
