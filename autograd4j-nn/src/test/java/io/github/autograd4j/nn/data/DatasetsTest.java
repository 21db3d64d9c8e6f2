package io.github.autograd4j.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.autograd4j.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DatasetsTest {

    private final TensorDataset data = new TensorDataset(Tensor.arange(10));

    @Test
    void splitHasTheGivenSizesDisjointAndCoveringEverySample() {
        List<Subset<Batch>> parts = Datasets.randomSplit(data, new Random(1), 6, 0, 4);
        assertEquals(List.of(6, 0, 4), parts.stream().map(Subset::size).toList());
        int[] all = parts.stream().flatMapToInt(p -> IntStream.of(p.indices())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 10).toArray(), all);
        Subset<Batch> first = parts.get(0);
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.indices()[i], first.get(i).get(0).item());
        }
    }

    @Test
    void splitRepeatsForASeedAndDiffersAcrossSeeds() {
        int[] a = Datasets.randomSplit(data, new Random(7), 5, 5).get(0).indices();
        int[] b = Datasets.randomSplit(data, new Random(7), 5, 5).get(0).indices();
        int[] c = Datasets.randomSplit(data, new Random(8), 5, 5).get(0).indices();
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void fractionsRoundDownAndGiveTheRestToTheFirstParts() {
        var parts = Datasets.randomSplit(data, new Random(0), 0.33, 0.33, 0.34);
        assertEquals(List.of(4, 3, 3), parts.stream().map(Subset::size).toList());
        parts = Datasets.randomSplit(data, new Random(0), 0.8, 0.2);
        assertEquals(List.of(8, 2), parts.stream().map(Subset::size).toList());
    }

    @Test
    void rejectsLengthsThatDoNotAddUp() {
        var e = assertThrows(IllegalArgumentException.class, () -> Datasets.randomSplit(data, new Random(0), 3, 4));
        assertEquals("randomSplit: lengths [3, 4] sum to 7 but the dataset has 10 samples", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.randomSplit(data, new Random(0), 12, -2));
        assertEquals("randomSplit: lengths must be >= 0, got [12, -2]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.randomSplit(data, new Random(0), 0.5, 0.6));
        assertEquals("randomSplit: fractions [0.5, 0.6] sum to 1.1, expected 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.randomSplit(data, new Random(0), 1.5, -0.5));
        assertEquals("randomSplit: fractions must be in [0, 1], got [1.5, -0.5]", e.getMessage());
    }

    @Test
    void subsetRejectsIndicesOutOfRange() {
        var e = assertThrows(IndexOutOfBoundsException.class, () -> new Subset<>(data, 0, 10));
        assertEquals("Subset: index 10 at position 1 out of range for a dataset of 10 samples", e.getMessage());
        var e2 = assertThrows(IndexOutOfBoundsException.class, () -> new Subset<>(data, 0, 1).get(2));
        assertEquals("Subset: index 2 out of range for 2 samples", e2.getMessage());
    }

    @Test
    void permutationHoldsEveryIndexOnce() {
        int[] p = Datasets.permutation(100, new Random(3));
        assertArrayEquals(IntStream.range(0, 100).toArray(), IntStream.of(p).sorted().toArray());
        assertFalse(Arrays.equals(Datasets.identity(100), p));
    }
}
