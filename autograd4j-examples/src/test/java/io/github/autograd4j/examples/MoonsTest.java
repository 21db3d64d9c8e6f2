package io.github.autograd4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MoonsTest {

    @Test
    void withoutNoiseThePointsLieOnTheTwoHalfCircles() {
        Moons moons = Moons.make(6, 0.0, new Random(0));
        assertEquals(6, moons.size());
        assertEquals(-3.0, Arrays.stream(moons.labels()).filter(y -> y < 0).sum());
        assertEquals(3.0, Arrays.stream(moons.labels()).filter(y -> y > 0).sum());
        assertArrayEquals(new double[] {1, 0}, moons.points()[0], 1e-15);
        assertArrayEquals(new double[] {0, 1}, moons.points()[1], 1e-15);
        assertArrayEquals(new double[] {-1, 0}, moons.points()[2], 1e-15);
        assertArrayEquals(new double[] {0, 0.5}, moons.points()[3], 1e-15);
        assertArrayEquals(new double[] {1, -0.5}, moons.points()[4], 1e-15);
        assertArrayEquals(new double[] {2, 0.5}, moons.points()[5], 1e-15);
    }

    @Test
    void aSeedRepeatsTheNoise() {
        Moons a = Moons.make(100, 0.1, new Random(1337));
        Moons b = Moons.make(100, 0.1, new Random(1337));
        assertArrayEquals(a.points(), b.points());
        assertThrows(IllegalArgumentException.class, () -> Moons.make(1, 0.1, new Random(0)));
        assertThrows(IllegalArgumentException.class, () -> Moons.make(10, -0.1, new Random(0)));
    }
}
