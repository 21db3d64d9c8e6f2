package io.github.autograd4j.kernel;

/**
 * The block sizes of a packed GEMM for one micro-kernel tile ({@code mr x nr}) and element size,
 * derived from the machine's caches in the manner of BLIS's analytical model (Low et al.,
 * "Analytical modeling is enough for high-performance BLIS", 2016), for the loop order of
 * {@link BlockedProduct} (micro-panels of {@code A} outside, of {@code B} inside): the
 * {@code mr x kc} micro-panel of {@code A}, which stays in L1 for a whole row of tiles, fills 3/8
 * of L1, leaving the rest to the {@code kc x nr} micro-panels of {@code B} streaming through from
 * L2 and to the tile of {@code C}; a {@code kc x nc} block of {@code B} fills half of L2; an
 * {@code mc x kc} block of {@code A} half of this core's share of L3.
 *
 * <p>Measured on a Zen 3 core (32 KB L1): the rates rise with {@code kc} up to 256 doubles or
 * 384 floats and stay level to 320 and 512, which 3/8 of L1 gives; with {@code A} and {@code B}
 * micro-panels together in half of L1 (144 doubles, 184 floats) products ran 3-8 % slower.
 *
 * @param mr rows of a micro-tile
 * @param nr columns of a micro-tile
 * @param kc the inner dimension of a block
 * @param mc rows of a block of {@code A}, a multiple of {@code mr}
 * @param nc columns of a block of {@code B}, a multiple of {@code nr}
 */
record Blocking(int mr, int nr, int kc, int mc, int nc) {

    /** The blocks for a {@code mr x nr} micro-kernel over elements of {@code elementBytes} bytes. */
    static Blocking of(CacheSizes caches, int elementBytes, int mr, int nr) {
        int kc = Math.max(8, roundDown(3 * caches.l1() / (8 * mr * elementBytes), 8));
        int nc = Math.max(nr, roundDown(caches.l2() / (2 * kc * elementBytes), nr));
        int mc = Math.max(mr, roundDown(caches.l3Core() / (2 * kc * elementBytes), mr));
        return new Blocking(mr, nr, kc, mc, nc);
    }

    private static int roundDown(int x, int multiple) {
        return x / multiple * multiple;
    }
}
