package io.github.autograd4j.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DataLoaderTest {

    /** Ten samples: x row i is (i, -i), y_i is 10 i, so a batch shows which samples it holds. */
    private static TensorDataset tenSamples() {
        double[] x = new double[20];
        double[] y = new double[10];
        for (int i = 0; i < 10; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = -i;
            y[i] = 10 * i;
        }
        return new TensorDataset(Tensor.of(x, 10, 2), Tensor.vector(y));
    }

    /** The sample ids of each batch of one epoch, checking that x and y stay paired. */
    private static List<List<Integer>> epoch(Iterable<Batch> loader) {
        List<List<Integer>> ids = new ArrayList<>();
        for (Batch b : loader) {
            List<Integer> batch = new ArrayList<>();
            for (int r = 0; r < b.rows(); r++) {
                int id = (int) b.get(0).get(r, 0);
                assertEquals(-id, b.get(0).get(r, 1));
                assertEquals(10 * id, b.get(1).get(r));
                batch.add(id);
            }
            ids.add(batch);
        }
        return ids;
    }

    private static List<Integer> sizes(List<List<Integer>> epoch) {
        return epoch.stream().map(List::size).toList();
    }

    @Test
    void batchesInOrderWithASmallerLastBatch() {
        var loader = new DataLoader(tenSamples(), 4);
        assertEquals(3, loader.numBatches());
        assertEquals(List.of(List.of(0, 1, 2, 3), List.of(4, 5, 6, 7), List.of(8, 9)), epoch(loader));
        Batch first = loader.iterator().next();
        assertEquals(Shape.of(4, 2), first.get(0).shape());
        assertEquals(Shape.of(4), first.get(1).shape());
    }

    @Test
    void dropLastLeavesOutTheSmallerBatch() {
        var loader = new DataLoader(tenSamples(), 4, true, new Random(0), true);
        assertEquals(2, loader.numBatches());
        assertEquals(List.of(4, 4), sizes(epoch(loader)));
        assertEquals(List.of(5, 5), sizes(epoch(new DataLoader(tenSamples(), 5, false, null, true))));
        var tooBig = new DataLoader(tenSamples(), 11, false, null, true);
        assertEquals(0, tooBig.numBatches());
        assertFalse(tooBig.iterator().hasNext());
        assertEquals(List.of(10), sizes(epoch(new DataLoader(tenSamples(), 11))));
    }

    @Test
    void everySampleOnceEachEpoch() {
        var loader = new DataLoader(tenSamples(), 3, true, new Random(5), false);
        for (int e = 0; e < 4; e++) {
            List<List<Integer>> batches = epoch(loader);
            assertEquals(List.of(3, 3, 3, 1), sizes(batches));
            int[] seen = batches.stream().flatMap(List::stream).mapToInt(Integer::intValue).sorted().toArray();
            assertArrayEquals(IntStream.range(0, 10).toArray(), seen);
        }
    }

    @Test
    void shuffleRepeatsForASeedAndChangesEachEpoch() {
        var a = new DataLoader(tenSamples(), 4, true, new Random(42), false);
        var b = new DataLoader(tenSamples(), 4, true, new Random(42), false);
        List<List<List<Integer>>> runA = List.of(epoch(a), epoch(a), epoch(a));
        List<List<List<Integer>>> runB = List.of(epoch(b), epoch(b), epoch(b));
        assertEquals(runA, runB);
        assertNotEquals(runA.get(0), runA.get(1));
        assertNotEquals(runA.get(1), runA.get(2));
        assertNotEquals(runA.get(0), epoch(new DataLoader(tenSamples(), 4, true, new Random(43), false)));
        assertNotEquals(epoch(new DataLoader(tenSamples(), 4)), runA.get(0));
    }

    @Test
    void orderIsDrawnWhenTheEpochStarts() {
        var loader = new DataLoader(tenSamples(), 10, true, new Random(9), false);
        Iterator<Batch> first = loader.iterator();
        Iterator<Batch> second = loader.iterator();
        double[] firstIds = first.next().get(1).toArray();
        double[] secondIds = second.next().get(1).toArray();
        assertFalse(Arrays.equals(firstIds, secondIds));
        var e = assertThrows(NoSuchElementException.class, first::next);
        assertEquals("DataLoader: all 1 batches of this epoch were taken", e.getMessage());
    }

    @Test
    void subsetsOfTensorDatasetsAndOtherDatasetsBatchAlike() {
        TensorDataset data = tenSamples();
        Subset<Batch> odd = new Subset<>(new Subset<>(data, 9, 7, 5, 3, 1, 0), 0, 1, 2, 3, 4);
        Dataset<Batch> plain = new Dataset<>() {
            @Override
            public int size() {
                return odd.size();
            }

            @Override
            public Batch get(int index) {
                return odd.get(index);
            }
        };
        assertEquals(List.of(List.of(9, 7), List.of(5, 3), List.of(1)), epoch(new DataLoader(odd, 2)));
        assertEquals(epoch(new DataLoader(odd, 2)), epoch(new DataLoader(plain, 2)));
    }

    @Test
    void rejectsBadSettings() {
        var empty = new TensorDataset(Tensor.zeros(0, 3));
        var e = assertThrows(IllegalArgumentException.class, () -> new DataLoader(empty, 4));
        assertEquals("DataLoader: the dataset is empty; there is nothing to batch", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new DataLoader(tenSamples(), 0));
        assertEquals("DataLoader: batchSize must be >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new DataLoader(tenSamples(), 2, true, null, false));
        assertEquals("DataLoader: shuffle needs a Random to draw the order from, got null", e.getMessage());
    }

    @Test
    void rejectsSamplesWithDifferentTensorCounts() {
        Dataset<Batch> ragged = new Dataset<>() {
            @Override
            public int size() {
                return 3;
            }

            @Override
            public Batch get(int index) {
                return index == 2 ? Batch.of(Tensor.scalar(1)) : Batch.of(Tensor.scalar(1), Tensor.scalar(2));
            }
        };
        var e = assertThrows(IllegalArgumentException.class, () -> new DataLoader(ragged, 3).iterator().next());
        assertEquals("DataLoader: sample 2 has 1 tensors but sample 0 has 2", e.getMessage());
    }
}
