package io.github.autograd4j.kernel;

/**
 * The block sizes of a packed GEMM for one micro-kernel tile ({@code mr x nr}) and element size,
 * derived from the machine's caches in the manner of BLIS's analytical model (Low et al.,
 * "Analytical modeling is enough for high-performance BLIS", 2016), for the loop order of
 * {@link BlockedProduct} (micro-panels of {@code A} outside, of {@code B} inside), each block
 * given half of its cache: an {@code mr x kc} micro-panel of {@code A} and a {@code kc x nr} one
 * of {@code B} fill half of L1; a {@code kc x nc} block of {@code B} half of L2; an
 * {@code mc x kc} block of {@code A} half of this core's share of L3.
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
        int kc = Math.max(8, roundDown(caches.l1() / (2 * (mr + nr) * elementBytes), 8));
        int nc = Math.max(nr, roundDown(caches.l2() / (2 * kc * elementBytes), nr));
        int mc = Math.max(mr, roundDown(caches.l3Core() / (2 * kc * elementBytes), mr));
        return new Blocking(mr, nr, kc, mc, nc);
    }

    private static int roundDown(int x, int multiple) {
        return x / multiple * multiple;
    }
}
