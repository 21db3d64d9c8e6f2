package io.github.autograd4j.examples.bench;

import java.util.List;
import java.util.Locale;

/**
 * A GEMM shape for the benchmarks, {@code C (m x n) = op(A) (m x k) op(B) (k x n)}, written
 * {@code m x n x k} with the transpose flags after a colon: {@code 1024x1024x1024} or
 * {@code 64x256x784:NT} ({@code A} as is, {@code B} transposed). A bare number is a square.
 *
 * @param m      rows of {@code C}
 * @param n      columns of {@code C}
 * @param k      the inner dimension
 * @param transA whether {@code A} is used transposed
 * @param transB whether {@code B} is used transposed
 */
public record GemmShape(int m, int n, int k, boolean transA, boolean transB) {

    /**
     * The products of one train step of the MLP 784-256-128-10 at batch 64, largest first: the
     * forward {@code x W^T} ({@code NT}), the weight gradients {@code g^T x} ({@code TN}) and the
     * input gradients {@code g W} ({@code NN}).
     */
    public static final List<GemmShape> MLP_BATCH_64 = List.of(
            parse("64x256x784:NT"), parse("256x784x64:TN"), parse("64x128x256:NT"), parse("128x256x64:TN"),
            parse("64x256x128:NN"));

    /** Reads {@code 512}, {@code 64x256x784} or {@code 64x256x784:NT}. */
    public static GemmShape parse(String text) {
        String[] parts = text.trim().split(":");
        String[] sizes = parts[0].split("x");
        String flags = parts.length > 1 ? parts[1].toUpperCase(Locale.ROOT) : "NN";
        if (parts.length > 2 || (sizes.length != 1 && sizes.length != 3) || !flags.matches("[NT]{2}")) {
            throw new IllegalArgumentException("GemmShape: expected n, or m x n x k with an optional :NN, :NT, :TN"
                    + " or :TT, e.g. 64x256x784:NT; got " + text);
        }
        int m = Integer.parseInt(sizes[0]);
        int n = sizes.length == 3 ? Integer.parseInt(sizes[1]) : m;
        int k = sizes.length == 3 ? Integer.parseInt(sizes[2]) : m;
        return new GemmShape(m, n, k, flags.charAt(0) == 'T', flags.charAt(1) == 'T');
    }

    /** Floating-point operations of one product: {@code 2 m n k}. */
    public double flop() {
        return 2.0 * m * n * k;
    }

    /** The leading dimension of {@code A} as stored, row-major. */
    public int lda() {
        return transA ? m : k;
    }

    /** The leading dimension of {@code B} as stored, row-major. */
    public int ldb() {
        return transB ? k : n;
    }

    @Override
    public String toString() {
        return m + "x" + n + "x" + k + ":" + (transA ? "T" : "N") + (transB ? "T" : "N");
    }
}
