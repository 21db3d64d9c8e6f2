package io.github.autograd4j.examples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {

    @Test
    void eachClassKeepsItsShareAndEverySampleGoesOnce() {
        int[] labels = IntStream.range(0, 150).map(i -> i < 100 ? 0 : i < 140 ? 1 : 2).toArray();
        StratifiedSplit split = StratifiedSplit.of(labels, 0.2, new Random(3));
        assertEquals(20, Arrays.stream(split.test()).filter(i -> labels[i] == 0).count());
        assertEquals(8, Arrays.stream(split.test()).filter(i -> labels[i] == 1).count());
        assertEquals(2, Arrays.stream(split.test()).filter(i -> labels[i] == 2).count());
        int[] all = IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.test())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 150).toArray(), all);
        assertArrayEquals(split.test(), StratifiedSplit.of(labels, 0.2, new Random(3)).test(), "a seed repeats the split");
        assertEquals("split: the test fraction must be in (0, 1), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> StratifiedSplit.of(labels, 1.0, new Random(0))).getMessage());
    }
}
