package io.github.autograd4j.kernel;

import java.util.function.Supplier;

/**
 * The entry shared by the packed kernels ({@link JavaGemm}, {@link VectorGemm}), for both element
 * types: checks the arguments, hands products too small for packing to {@link DirectGemm},
 * scales {@code C} by {@code beta} (unless {@code beta} is 0 and the kernel overwrites {@code C}
 * itself, {@link #overwritesC()}), then runs the kernel's blocked product with this thread's
 * packing buffers ({@code W}), so that threads can share one instance.
 */
abstract class PackedGemm<W> implements Gemm {

    private static final Gemm DIRECT = new DirectGemm();

    private final ThreadLocal<W> workspace;

    PackedGemm(Supplier<W> newWorkspace) {
        this.workspace = ThreadLocal.withInitial(newWorkspace);
    }

    @Override
    public final void gemm(boolean transA, boolean transB, int m, int n, int k,
                           double alpha, double[] a, int offA, int lda,
                           double[] b, int offB, int ldb,
                           double beta, double[] c, int offC, int ldc) {
        GemmArguments.check(transA, transB, m, n, k, a, offA, lda, b, offB, ldb, c, offC, ldc);
        if (DirectGemm.suits(m, n, k) || alpha == 0.0) {
            DIRECT.gemm(transA, transB, m, n, k, alpha, a, offA, lda, b, offB, ldb, beta, c, offC, ldc);
            return;
        }
        boolean overwrite = beta == 0.0 && overwritesC();
        if (!overwrite) {
            Packing.scale(m, n, beta, c, offC, ldc);
        }
        multiply(workspace.get(), transA, transB, m, n, k, alpha, a, offA, lda, b, offB, ldb, c, offC, ldc, overwrite);
    }

    @Override
    public final void gemm(boolean transA, boolean transB, int m, int n, int k,
                           float alpha, float[] a, int offA, int lda,
                           float[] b, int offB, int ldb,
                           float beta, float[] c, int offC, int ldc) {
        GemmArguments.check(transA, transB, m, n, k, a, offA, lda, b, offB, ldb, c, offC, ldc);
        if (DirectGemm.suits(m, n, k) || alpha == 0.0f) {
            DIRECT.gemm(transA, transB, m, n, k, alpha, a, offA, lda, b, offB, ldb, beta, c, offC, ldc);
            return;
        }
        boolean overwrite = beta == 0.0f && overwritesC();
        if (!overwrite) {
            Packing.scale(m, n, beta, c, offC, ldc);
        }
        multiply(workspace.get(), transA, transB, m, n, k, alpha, a, offA, lda, b, offB, ldb, c, offC, ldc, overwrite);
    }

    /**
     * Whether {@link #multiply} can write {@code C = alpha op(A) op(B)} without reading {@code C}
     * (when {@code beta} is 0), which spares a pass that zeroes {@code C} and the reads of the
     * zeros: for a product with a small inner dimension, such as a weight gradient over a batch,
     * that pass is a few per cent of the time.
     */
    abstract boolean overwritesC();

    /**
     * {@code C += alpha op(A) op(B)} for checked arguments and a product worth packing; with
     * {@code overwrite} (only when {@link #overwritesC()}), {@code C = alpha op(A) op(B)}, not
     * reading {@code C}.
     */
    abstract void multiply(W w, boolean transA, boolean transB, int m, int n, int k,
                           double alpha, double[] a, int offA, int lda, double[] b, int offB, int ldb,
                           double[] c, int offC, int ldc, boolean overwrite);

    /** The same in {@code float}. */
    abstract void multiply(W w, boolean transA, boolean transB, int m, int n, int k,
                           float alpha, float[] a, int offA, int lda, float[] b, int offB, int ldb,
                           float[] c, int offC, int ldc, boolean overwrite);

    @Override
    public String toString() {
        return name();
    }
}
