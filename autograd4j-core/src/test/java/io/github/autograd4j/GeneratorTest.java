package io.github.autograd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The per-thread default generator: seeded runs repeat, threads do not disturb each other. */
class GeneratorTest {

    @Test
    void manualSeedMakesTheDefaultFormsRepeat() {
        Generator.manualSeed(42);
        double[] first = Tensor.randn(3, 2).toArray();
        double[] uniform = Tensor.rand(4).toArray();
        Generator.manualSeed(42);
        assertArrayEquals(first, Tensor.randn(3, 2).toArray());
        assertArrayEquals(uniform, Tensor.rand(4).toArray());
        assertArrayEquals(first, Tensor.randn(new Random(42), 3, 2).toArray(), "the default is a java.util.Random of that seed");
    }

    @Test
    void everyThreadStartsFromTheSameSeedAndKeepsItsOwnState() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<double[]> a = pool.submit(() -> Tensor.randn(5).toArray());
            Future<double[]> b = pool.submit(() -> Tensor.randn(5).toArray());
            double[] expected = Tensor.randn(new Random(Generator.DEFAULT_SEED), 5).toArray();
            assertArrayEquals(expected, a.get());
            assertArrayEquals(expected, b.get());
        } finally {
            pool.shutdownNow();
        }
        Generator.manualSeed(1);
        double[] here = Tensor.randn(5).toArray();
        assertFalse(Arrays.equals(here, Tensor.randn(5).toArray()), "the generator moves on");
    }

    @Test
    void aNullGeneratorIsNamed() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> Tensor.rand(null, 2));
        assertEquals("rand: the random generator is null; pass a Random, or use the form without one,"
                + " which draws from Generator.current()", e.getMessage());
    }
}
