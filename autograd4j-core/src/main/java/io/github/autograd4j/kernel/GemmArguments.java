package io.github.autograd4j.kernel;

/**
 * Checks the arguments of a {@link Gemm} call before any kernel writes to {@code C}, so that a bad
 * call fails with a message naming the operand and the sizes instead of an index error half-way
 * through the product (with {@code C} partly overwritten).
 */
final class GemmArguments {

    private GemmArguments() {
    }

    /**
     * @throws IllegalArgumentException when a size is negative, a leading dimension is narrower than
     *                                  a stored row, or an array is too short for its matrix
     */
    static void check(boolean transA, boolean transB, int m, int n, int k, double[] a, int offA, int lda,
                      double[] b, int offB, int ldb, double[] c, int offC, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm: sizes must not be negative, got m=" + m + " n=" + n + " k=" + k);
        }
        operand("A", transA ? k : m, transA ? m : k, a, offA, lda);
        operand("B", transB ? n : k, transB ? k : n, b, offB, ldb);
        operand("C", m, n, c, offC, ldc);
    }

    /** Checks that a {@code rows x cols} matrix stored at {@code off} with row stride {@code ld} fits in {@code x}. */
    private static void operand(String name, int rows, int cols, double[] x, int off, int ld) {
        if (rows == 0 || cols == 0) {
            return;
        }
        long end = off + (long) (rows - 1) * ld + cols;
        if (off < 0 || ld < cols || end > x.length) {
            throw new IllegalArgumentException("gemm: " + name + " is " + rows + " x " + cols + " at offset " + off
                    + " with leading dimension " + ld + ", which needs offset >= 0, leading dimension >= " + cols
                    + " and an array of at least " + end + " elements; the array has " + x.length);
        }
    }
}
