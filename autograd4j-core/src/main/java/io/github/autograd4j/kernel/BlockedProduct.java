package io.github.autograd4j.kernel;

/**
 * The loops of a packed GEMM (GotoBLAS's structure, as in BLIS) for one element type, run by one
 * thread at a time, around the packing and micro-kernel of a subclass. For each block of at most
 * {@code kc} inner indices (the blocks as deep as each other as they can be): a block of {@code mc} rows of {@code op(A)} (usually all of them) is
 * packed into micro-panels of {@code mr} rows, then each block of {@code nc} columns of
 * {@code op(B)} into micro-panels of {@code nr} columns, and the micro-kernel multiplies each pair
 * of micro-panels into a tile of {@code C}. The block sizes come from the caches
 * ({@link Blocking}); each operand is packed once when {@code op(A)} fits one block of rows.
 *
 * <p>The micro-kernel runs along a row of tiles before moving down (the micro-panel of
 * {@code A} stays in L1, those of {@code B} stream from L2), so the tiles of {@code C} are read
 * and written along its rows, where the hardware prefetches them. Down a column, as in BLIS's
 * usual order, each row of a tile is on a page of its own and every write-back of a large
 * {@code C} waits for memory: measured here, 15 % of the time at n = 1024 and 25-40 % slower
 * overall; Java has no prefetch instruction to hide it.
 */
abstract class BlockedProduct {

    final Blocking blocking;

    // the layout of the operands of the call in progress, which the subclass's packing and tiles read
    boolean transA;
    boolean transB;
    int offA;
    int lda;
    int offB;
    int ldb;
    int offC;
    int ldc;

    BlockedProduct(Blocking blocking) {
        this.blocking = blocking;
    }

    /** Records where the call's operands are and how they are stored, as {@link Gemm} describes them. */
    final void layout(boolean transA, boolean transB, int offA, int lda, int offB, int ldb, int offC, int ldc) {
        this.transA = transA;
        this.transB = transB;
        this.offA = offA;
        this.lda = lda;
        this.offB = offB;
        this.ldb = ldb;
        this.offC = offC;
        this.ldc = ldc;
    }

    /** Elements of the buffer of packed {@code A} that a product with {@code m} rows and inner dimension {@code k} needs. */
    final int packedASize(int m, int k) {
        return Math.min(blocking.kc(), k) * roundUp(Math.min(blocking.mc(), m), blocking.mr());
    }

    /** Elements of the buffer of packed {@code B} that a product with {@code n} columns and inner dimension {@code k} needs. */
    final int packedBSize(int n, int k) {
        return Math.min(blocking.kc(), k) * roundUp(Math.min(blocking.nc(), n), blocking.nr());
    }

    /**
     * The depth of the blocks of {@code k} inner indices at most {@code kc} deep, as equal as they
     * can be: a last block much thinner than the rest (k = 1024 in blocks of 144 ends with 16)
     * reads and writes its tiles of {@code C} for few multiply-adds.
     */
    static int balanced(int k, int kc) {
        int blocks = Math.max(1, (k + kc - 1) / kc);
        return Math.max(1, (k + blocks - 1) / blocks);
    }

    private static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }

    /**
     * {@code C += alpha op(A) op(B)} for {@code C} of {@code m x n}, block by block, on the
     * operands the subclass holds; with {@code overwrite}, {@code C = alpha op(A) op(B)}, the first
     * block of the inner dimension storing into {@code C} without reading it.
     */
    final void run(int m, int n, int k, boolean overwrite) {
        int mr = blocking.mr();
        int nr = blocking.nr();
        int kcStep = balanced(k, blocking.kc());
        for (int p0 = 0; p0 < k; p0 += kcStep) {
            int kc = Math.min(kcStep, k - p0);
            boolean store = overwrite && p0 == 0;
            for (int i0 = 0; i0 < m; i0 += blocking.mc()) {
                int mc = Math.min(blocking.mc(), m - i0);
                packA(i0, mc, p0, kc);
                for (int j0 = 0; j0 < n; j0 += blocking.nc()) {
                    int nc = Math.min(blocking.nc(), n - j0);
                    packB(p0, kc, j0, nc);
                    for (int ir = 0; ir < mc; ir += mr) {
                        int rows = Math.min(mr, mc - ir);
                        for (int jr = 0; jr < nc; jr += nr) {
                            tile(ir * kc, jr * kc, kc, i0 + ir, rows, j0 + jr, Math.min(nr, nc - jr), store);
                        }
                    }
                }
            }
        }
    }

    /**
     * Packs rows {@code i0 .. i0 + mc - 1}, columns {@code p0 .. p0 + kc - 1} of {@code op(A)}
     * into micro-panels of {@code mr} rows, {@code mr} values per column, zero past {@code mc}.
     */
    abstract void packA(int i0, int mc, int p0, int kc);

    /**
     * Packs rows {@code p0 .. p0 + kc - 1}, columns {@code j0 .. j0 + nc - 1} of {@code op(B)}
     * into micro-panels of {@code nr} columns, {@code nr} values per row, zero past {@code nc}.
     */
    abstract void packB(int p0, int kc, int j0, int nc);

    /**
     * Adds {@code alpha} times the product of the packed micro-panels at {@code aAt} and
     * {@code bAt} ({@code kc} deep) into the {@code rows x cols} tile of {@code C} at
     * {@code (i, j)}; with {@code store}, writes it there instead.
     */
    abstract void tile(int aAt, int bAt, int kc, int i, int rows, int j, int cols, boolean store);
}
