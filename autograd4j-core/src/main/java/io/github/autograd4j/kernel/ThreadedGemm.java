package io.github.autograd4j.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a single-threaded {@link Gemm} on several threads for large products: {@code C} is cut into
 * stripes of rows or of columns (whichever dimension is larger), each computed by the inner kernel
 * as a product of its own, one on the calling thread and the rest on {@link SpinningWorkers}
 * shared by all calls. Products below {@link #MIN_WORK} multiply-adds run on the calling
 * thread alone: for them, handing work to another thread costs more than it saves.
 */
final class ThreadedGemm implements Gemm {

    /** Products with fewer multiply-adds ({@code m n k}) than this per thread are not split. */
    static final long MIN_WORK = 1L << 20;
    /**
     * Stripes of rows start at multiples of this: whole tiles of every kernel (6 and 3 rows). A
     * coarser step unbalances the parts: 256 rows cut at multiples of 48 were 144 + 112, and the
     * step waited for the larger.
     */
    static final int ROW_ALIGN = 6;
    /**
     * Stripes of columns start at multiples of this: whole tiles of the kernels' 8 and 16 columns on
     * AVX2 (on AVX-512 a float stripe may end in one partial tile of 32).
     */
    static final int COLUMN_ALIGN = 16;

    private final Gemm inner;
    private final int threads;
    private final SpinningWorkers workers;

    /** {@code inner} on up to {@code threads} threads ({@code >= 2}). */
    ThreadedGemm(Gemm inner, int threads) {
        if (threads < 2) {
            throw new IllegalArgumentException("ThreadedGemm: needs at least 2 threads, got " + threads);
        }
        this.inner = inner;
        this.threads = threads;
        this.workers = new SpinningWorkers(threads - 1, "autograd4j-gemm");
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public String toString() {
        return name() + " on " + threads + " threads";
    }

    /** The most threads one product uses. */
    int threads() {
        return threads;
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double alpha, double[] a, int offA, int lda,
                     double[] b, int offB, int ldb,
                     double beta, double[] c, int offC, int ldc) {
        GemmArguments.check(transA, transB, m, n, k, a, offA, lda, b, offB, ldb, c, offC, ldc);
        split(m, n, k, (byRows, start, size) -> {
            Stripe p = Stripe.of(byRows, start, size, transA, transB, m, n, offA, lda, offB, ldb, offC, ldc);
            inner.gemm(transA, transB, p.m(), p.n(), k, alpha, a, p.offA(), lda, b, p.offB(), ldb, beta, c, p.offC(), ldc);
        });
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float alpha, float[] a, int offA, int lda,
                     float[] b, int offB, int ldb,
                     float beta, float[] c, int offC, int ldc) {
        GemmArguments.check(transA, transB, m, n, k, a, offA, lda, b, offB, ldb, c, offC, ldc);
        split(m, n, k, (byRows, start, size) -> {
            Stripe p = Stripe.of(byRows, start, size, transA, transB, m, n, offA, lda, offB, ldb, offC, ldc);
            inner.gemm(transA, transB, p.m(), p.n(), k, alpha, a, p.offA(), lda, b, p.offB(), ldb, beta, c, p.offC(), ldc);
        });
    }

    /** A stripe of rows (or columns) of {@code C} as a product of its own: its sizes and where its operands start. */
    private record Stripe(int m, int n, int offA, int offB, int offC) {

        /** Rows (or columns) {@code start .. start + size - 1} of the {@code m x n} product with these operands. */
        static Stripe of(boolean byRows, int start, int size, boolean transA, boolean transB, int m, int n,
                         int offA, int lda, int offB, int ldb, int offC, int ldc) {
            return byRows
                    ? new Stripe(size, n, offA + (transA ? start : start * lda), offB, offC + start * ldc)
                    : new Stripe(m, size, offA, offB + (transB ? start * ldb : start), offC + start);
        }
    }

    /** The product for rows (or columns) {@code start .. start + size - 1} of {@code C}, as a product of its own. */
    @FunctionalInterface
    private interface Part {
        void run(boolean byRows, int start, int size);
    }

    /**
     * Cuts {@code C} ({@code m x n}, inner dimension {@code k}) into stripes of rows or columns,
     * whichever dimension is larger, and runs {@code part} for each: the first on the calling
     * thread, the others on the pool; a product too small to split runs whole on this thread.
     */
    private void split(int m, int n, int k, Part part) {
        boolean byRows = m >= n;
        int extent = byRows ? m : n;
        int align = byRows ? ROW_ALIGN : COLUMN_ALIGN;
        long work = (long) m * n * k;
        int parts = (int) Math.min(Math.min(threads, work / MIN_WORK), (extent + align - 1) / align);
        if (parts < 2) {
            part.run(byRows, 0, extent);
            return;
        }
        int stripe = ((extent + parts - 1) / parts + align - 1) / align * align;
        List<Runnable> others = new ArrayList<>();
        for (int from = stripe; from < extent; from += stripe) {
            int start = from;
            int size = Math.min(stripe, extent - from);
            others.add(() -> part.run(byRows, start, size));
        }
        workers.run(others, () -> part.run(byRows, 0, Math.min(stripe, extent)));
    }
}
