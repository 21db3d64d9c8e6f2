package io.github.autograd4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link Blocking} sizes the blocks from the caches: the micro-panel of A in 3/8 of L1, the other
 * blocks in half of their cache, in whole tiles.
 */
class BlockingTest {

    @Test
    void doublesOnAZen3Core() {
        // 32 KB L1, 512 KB L2, 16 MB of L3 per core; a 6 x 8 double tile (AVX2)
        Blocking b = Blocking.of(new CacheSizes(32 << 10, 512 << 10, 16 << 20), Double.BYTES, 6, 8);
        // 6 x kc x 8 bytes <= 12 KB: kc = 256
        assertEquals(256, b.kc());
        // 256 x nc x 8 <= 256 KB: nc = 128
        assertEquals(128, b.nc());
        // mc x 256 x 8 <= 8 MB: mc = 4096, in whole 6-row panels 4092
        assertEquals(4092, b.mc());
    }

    @Test
    void floatsGetTwiceTheElements() {
        Blocking b = Blocking.of(new CacheSizes(32 << 10, 512 << 10, 16 << 20), Float.BYTES, 6, 16);
        assertEquals(512, b.kc());
        assertEquals(128, b.nc());
        assertEquals(4092, b.mc());
    }

    @Test
    void tinyCachesStillGiveOneTileAndSomeDepth() {
        Blocking b = Blocking.of(new CacheSizes(1024, 2048, 2048), Double.BYTES, 6, 16);
        assertEquals(new Blocking(6, 16, 8, 12, 16), b);
    }
}
