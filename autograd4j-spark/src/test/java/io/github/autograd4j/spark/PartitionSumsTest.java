package io.github.autograd4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fixed-order sum: the same bits whatever order the partial sums arrive and merge in. */
class PartitionSumsTest {

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 2, 3, 7, 16, 100})
    void theSumDoesNotDependOnTheOrderOfArrival(int partitions) {
        Random rng = new Random(partitions);
        double[][] leaves = new double[partitions][];
        for (int p = 0; p < partitions; p++) {
            // magnitudes from 1e-8 to 1e8, so that a different order of adding shows in the last bits
            leaves[p] = p % 5 == 4 ? null : rng.doubles(3).map(v -> (v - 0.5) * Math.pow(10, rng.nextInt(17) - 8)).toArray();
        }
        double[] first = sumInRandomGroups(leaves, new Random(0));
        for (int trial = 1; trial < 20; trial++) {
            assertArrayEquals(first, sumInRandomGroups(leaves, new Random(trial)), 0.0, "trial " + trial);
        }
        double[] plain = new double[3];
        for (double[] leaf : leaves) {
            for (int i = 0; leaf != null && i < 3; i++) {
                plain[i] += leaf[i];
            }
        }
        assertArrayEquals(plain, first, 1e-6, "it is the sum");
    }

    /** Adds the leaves to partial sums in a random order, in random groups, then merges those in a random order. */
    private static double[] sumInRandomGroups(double[][] leaves, Random rng) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, leaves.length).boxed().toList());
        Collections.shuffle(order, rng);
        List<PartitionSums> partials = new ArrayList<>();
        for (int p : order) {
            if (partials.isEmpty() || rng.nextInt(3) == 0) {
                partials.add(PartitionSums.empty(leaves.length, 2));
            }
            partials.get(partials.size() - 1).add(p, leaves[p]);
        }
        Collections.shuffle(partials, rng);
        PartitionSums total = PartitionSums.empty(leaves.length, 2);
        partials.forEach(total::merge);
        return total.total();
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 5, 9, 10, 100, 1000})
    void treeAggregatesGroupsAreNeighbours(int partitions) {
        PartitionSums sums = PartitionSums.empty(partitions, 2);
        int groups = PartitionSums.firstLevelGroups(partitions, 2);
        int[] positions = IntStream.range(0, partitions).map(sums::position).sorted().toArray();
        assertArrayEquals(IntStream.range(0, partitions).toArray(), positions, "the positions are the partitions, reordered");
        for (int g = 0; g < groups; g++) {
            int group = g;
            int[] members = IntStream.range(0, partitions).filter(p -> p % groups == group).map(sums::position).toArray();
            assertEquals(members.length - 1, members[members.length - 1] - members[0], "group " + g + " is one run of positions");
        }
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {2, 5})
    void aMissingPartitionIsRefused(int partitions) {
        PartitionSums sums = PartitionSums.empty(partitions, 2);
        for (int p = 1; p < partitions; p++) {
            sums.add(p, new double[] {p});
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, sums::total);
        assertEquals("PartitionSums: the sums of " + partitions + " partitions are incomplete: " + (partitions - 1) + " arrived",
                e.getMessage());
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 3})
    void nothingToAddIsNull(int partitions) {
        PartitionSums sums = PartitionSums.empty(partitions, 2);
        IntStream.range(0, partitions).forEach(p -> sums.add(p, null));
        assertNull(sums.total());
    }
}
