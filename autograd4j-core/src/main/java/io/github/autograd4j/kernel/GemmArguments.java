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
        check(transA, transB, m, n, k, a.length, offA, lda, b.length, offB, ldb, c.length, offC, ldc);
    }

    /** As {@link #check(boolean, boolean, int, int, int, double[], int, int, double[], int, int, double[], int, int)}, for {@code float[]} operands. */
    static void check(boolean transA, boolean transB, int m, int n, int k, float[] a, int offA, int lda,
                      float[] b, int offB, int ldb, float[] c, int offC, int ldc) {
        check(transA, transB, m, n, k, a.length, offA, lda, b.length, offB, ldb, c.length, offC, ldc);
    }

    /** The checks on the sizes and the lengths of the three arrays, whatever their element type. */
    private static void check(boolean transA, boolean transB, int m, int n, int k, int aLength, int offA, int lda,
                              int bLength, int offB, int ldb, int cLength, int offC, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm: sizes must not be negative, got m=" + m + " n=" + n + " k=" + k);
        }
        operand("A", transA ? k : m, transA ? m : k, aLength, offA, lda);
        operand("B", transB ? n : k, transB ? k : n, bLength, offB, ldb);
        operand("C", m, n, cLength, offC, ldc);
    }

    /** Checks that a {@code rows x cols} matrix stored at {@code off} with row stride {@code ld} fits in an array of {@code length}. */
    private static void operand(String name, int rows, int cols, int length, int off, int ld) {
        if (rows == 0 || cols == 0) {
            return;
        }
        long end = off + (long) (rows - 1) * ld + cols;
        if (off < 0 || ld < cols || end > length) {
            throw new IllegalArgumentException("gemm: " + name + " is " + rows + " x " + cols + " at offset " + off
                    + " with leading dimension " + ld + ", which needs offset >= 0, leading dimension >= " + cols
                    + " and an array of at least " + end + " elements; the array has " + length);
        }
    }
}
