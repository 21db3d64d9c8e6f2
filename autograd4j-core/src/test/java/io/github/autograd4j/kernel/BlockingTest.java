package io.github.autograd4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link Blocking} sizes the blocks from the caches: each block in half of its cache, in whole tiles. */
class BlockingTest {

    @Test
    void doublesOnAZen3Core() {
        // 32 KB L1, 512 KB L2, 16 MB of L3 per core; a 6 x 8 double tile (AVX2)
        Blocking b = Blocking.of(new CacheSizes(32 << 10, 512 << 10, 16 << 20), Double.BYTES, 6, 8);
        // (6 + 8) x kc x 8 bytes <= 16 KB: kc = 146, rounded down to 144
        assertEquals(144, b.kc());
        // 144 x nc x 8 <= 256 KB: nc = 227, in whole 8-column panels 224
        assertEquals(224, b.nc());
        // mc x 144 x 8 <= 8 MB: mc = 7281, in whole 6-row panels 7278
        assertEquals(7278, b.mc());
    }

    @Test
    void floatsGetTwiceTheElements() {
        Blocking b = Blocking.of(new CacheSizes(32 << 10, 512 << 10, 16 << 20), Float.BYTES, 6, 16);
        assertEquals(184, b.kc());
        assertEquals(352, b.nc());
        assertEquals(11394, b.mc());
    }

    @Test
    void tinyCachesStillGiveOneTileAndSomeDepth() {
        Blocking b = Blocking.of(new CacheSizes(1024, 2048, 2048), Double.BYTES, 6, 16);
        assertEquals(new Blocking(6, 16, 8, 12, 16), b);
    }
}
