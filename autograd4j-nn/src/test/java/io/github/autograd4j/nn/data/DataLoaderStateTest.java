package io.github.autograd4j.nn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.autograd4j.Generator;
import io.github.autograd4j.Tensor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Sizes that overflow an int, and the loader's state: a restored loader continues with the same order. */
class DataLoaderStateTest {

    /** Samples 0..n-1: row i of the only tensor is i. */
    private static TensorDataset samples(int n) {
        return new TensorDataset(Tensor.vector(IntStream.range(0, n).asDoubleStream().toArray()));
    }

    private static List<Integer> ids(Batch b) {
        List<Integer> ids = new ArrayList<>();
        for (double v : b.get(0).toArray()) {
            ids.add((int) v);
        }
        return ids;
    }

    /** The next {@code count} batches' sample ids, across epochs: each epoch is one {@code iterator()}. */
    private static List<List<Integer>> take(DataLoader loader, int count) {
        List<List<Integer>> taken = new ArrayList<>();
        while (taken.size() < count) {
            Iterator<Batch> epoch = loader.iterator();
            while (epoch.hasNext() && taken.size() < count) {
                taken.add(ids(epoch.next()));
            }
        }
        return taken;
    }

    @Test
    void aBatchSizeOfIntegerMaxValueIsOneBatch() {
        DataLoader loader = new DataLoader(samples(10), Integer.MAX_VALUE);
        assertEquals(1, loader.numBatches());
        assertEquals(List.of(IntStream.range(0, 10).boxed().toList()), take(loader, 1));
        assertEquals(0, new DataLoader(samples(10), Integer.MAX_VALUE, false, 0L, true).numBatches());
        assertEquals(1, new DataLoader(samples(10), Integer.MAX_VALUE - 1, true, 0L, false).numBatches());
    }

    @Test
    void aSeededLoaderShufflesEachEpochDifferentlyAndRepeatsForTheSameSeed() {
        List<List<Integer>> a = take(new DataLoader(samples(12), 4, true, 7L, false), 9);
        List<List<Integer>> b = take(new DataLoader(samples(12), 4, true, 7L, false), 9);
        assertEquals(a, b);
        assertNotEquals(a.subList(0, 3), a.subList(3, 6), "epochs 0 and 1");
        for (int e = 0; e < 3; e++) {
            List<Integer> all = new ArrayList<>();
            a.subList(3 * e, 3 * e + 3).forEach(all::addAll);
            assertEquals(IntStream.range(0, 12).boxed().toList(), all.stream().sorted().toList(), "epoch " + e);
        }
        assertNotEquals(a, take(new DataLoader(samples(12), 4, true, 8L, false), 9));
    }

    @Test
    void withoutARandomTheSeedComesFromTheThreadsGenerator() {
        Generator.manualSeed(3);
        List<List<Integer>> first = take(new DataLoader(samples(12), 5, true), 6);
        Generator.manualSeed(3);
        assertEquals(first, take(new DataLoader(samples(12), 5, true), 6));
    }

    /** {@code before} batches, a snapshot into a loader made with another seed, then 8 batches of each: the same. */
    private static void assertResumesAfter(int before) {
        DataLoader original = new DataLoader(samples(10), 3, true, 11L, false);
        Iterator<Batch> epoch = null;
        for (int taken = 0; taken < before; taken++) {
            if (epoch == null || !epoch.hasNext()) {
                epoch = original.iterator();
            }
            epoch.next();
        }
        Map<String, Tensor> state = original.stateDict();
        DataLoader restored = new DataLoader(samples(10), 3, true, 99L, false);
        restored.loadStateDict(state);
        List<List<Integer>> expected = new ArrayList<>();
        while (epoch != null && epoch.hasNext()) {
            expected.add(ids(epoch.next()));
        }
        expected.addAll(take(original, 8));
        List<List<Integer>> resumed = take(restored, expected.size());
        assertEquals(expected, resumed, "resumed after " + before + " batches");
    }

    @Test
    void aRestoredLoaderContinuesMidEpochAndAtAnEpochBoundary() {
        assertResumesAfter(0);
        assertResumesAfter(6);   // two epochs of 3, 3, 3, 1: in the middle of the second
        assertResumesAfter(8);   // at the end of the second epoch
        assertResumesAfter(9);
    }

    @Test
    void afterAnEpochsLastBatchTheStateNamesThatEpochUntilTheLoopHasEnded() {
        DataLoader loader = new DataLoader(samples(10), 5, true, 3L, false);
        Iterator<Batch> epoch = loader.iterator();
        epoch.next();
        epoch.next();
        assertEquals(List.of(0.0, 2.0), List.of(loader.stateDict().get("epoch").item(), loader.stateDict().get("batch").item()));
        DataLoader inside = new DataLoader(samples(10), 5, true, 3L, false);
        inside.loadStateDict(loader.stateDict());
        assertEquals(false, inside.iterator().hasNext(), "the rest of epoch 0 is empty");
        epoch.hasNext();
        assertEquals(List.of(1.0, 0.0), List.of(loader.stateDict().get("epoch").item(), loader.stateDict().get("batch").item()));
    }

    @Test
    void theStateNamesThePositionAndHowTheLoaderWasMade() {
        DataLoader loader = new DataLoader(samples(10), 3, true, -5L, false);
        take(loader, 5);
        Map<String, Tensor> state = loader.stateDict();
        assertEquals(List.of("epoch", "batch", "seed", "shuffle", "batch_size", "size"), List.copyOf(state.keySet()));
        assertEquals(1.0, state.get("epoch").item());
        assertEquals(1.0, state.get("batch").item());
        assertEquals(List.of(-1.0, (double) 0xFFFFFFFBL), List.of(state.get("seed").toArray()[0], state.get("seed").toArray()[1]));
    }

    @Test
    void aStateThatDoesNotFitChangesNothing() {
        DataLoader loader = new DataLoader(samples(10), 3, true, 1L, false);
        Map<String, Tensor> state = new DataLoader(samples(10), 4, true, 2L, false).stateDict();
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class, () -> loader.loadStateDict(state));
        assertEquals("DataLoader.loadStateDict: the state is of a loader of 10 samples in batches of 4, shuffled, but this one"
                + " has 10 samples in batches of 3, shuffled; its position would name other samples", other.getMessage());
        Map<String, Tensor> past = new LinkedHashMap<>(loader.stateDict());
        past.put("batch", Tensor.scalar(5));
        IllegalArgumentException beyond = assertThrows(IllegalArgumentException.class, () -> loader.loadStateDict(past));
        assertEquals("DataLoader.loadStateDict: 'batch' must be a whole number in [0, 4], got 5.0", beyond.getMessage());
        assertEquals(take(new DataLoader(samples(10), 3, true, 1L, false), 6), take(loader, 6));
    }

    @Test
    void aLoaderShufflingWithARandomCannotBeCheckpointed() {
        DataLoader loader = new DataLoader(samples(10), 3, true, new Random(0), false);
        IllegalStateException e = assertThrows(IllegalStateException.class, loader::stateDict);
        assertEquals("DataLoader.stateDict: this loader shuffles with a java.util.Random, whose state cannot be saved or"
                + " restored; make it with a seed, new DataLoader(data, batchSize, true, seed, dropLast), or without a Random,"
                + " to checkpoint it", e.getMessage());
        new DataLoader(samples(10), 3, false, new Random(0), false).stateDict(); // not shuffling: nothing to lose
    }
}
