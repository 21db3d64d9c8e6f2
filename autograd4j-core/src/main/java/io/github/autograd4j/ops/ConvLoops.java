package io.github.autograd4j.ops;

import io.github.autograd4j.DType;
import io.github.autograd4j.kernel.Gemm;

/**
 * The three products of a 2-d convolution ({@link ConvGeometry}), on the GEMM kernel in the
 * operands' own type: the convolution itself, the gradient with respect to its input (a transposed
 * convolution) and the gradient with respect to its weight. Each works group by group on a chunk of
 * samples at a time: the chunk's input columns (im2col) sit side by side in one matrix of
 * {@code columnRows} rows, so one large product covers the chunk, and a chunk's columns stay under
 * {@link #COLUMN_BUDGET} elements whatever the batch.
 *
 * <p>Arrays are {@code double[]} or {@code float[]}, as {@link Elements} says; a tensor's
 * {@code (N, C, H, W)} storage is read per sample and group as rows of {@code H * W}.
 */
final class ConvLoops {

    /**
     * The most elements a chunk's columns take (1 MB of floats, 2 MB of doubles), unless one sample
     * alone needs more: small enough that the columns im2col writes are still in cache when the
     * product reads them. With 2^22 (a 20 MB float matrix for the cnn example's second convolution,
     * written across 400 rows) an MNIST epoch took 1.18x as long.
     */
    static final int COLUMN_BUDGET = 1 << 18;

    private final ConvGeometry geo;
    private final Elements type;
    private final int[] index;
    private final int samples;

    ConvLoops(ConvGeometry geo, DType dtype, int samples) {
        this.geo = geo;
        this.type = dtype == DType.FLOAT32 ? Elements.FLOAT32 : Elements.FLOAT64;
        this.index = geo.columnIndex();
        this.samples = samples;
    }

    /** Samples per chunk. */
    private int chunk() {
        long perSample = (long) geo.columnRows() * geo.outPositions();
        return (int) Math.max(1, Math.min(samples, COLUMN_BUDGET / Math.max(1, perSample)));
    }

    /** The convolution of {@code x} {@code (N, C, inH, inW)} with {@code w}: {@code (N, O, outH, outW)}. */
    Object convolve(Object x, Object w) {
        int rows = geo.columnRows();
        int og = geo.groupOutChannels();
        int p = geo.outPositions();
        Object y = type.newArray(samples * geo.outChannels() * p);
        int chunk = chunk();
        Object columns = type.newArray(rows * chunk * p);
        Object out = type.newArray(og * chunk * p);
        for (int n0 = 0; n0 < samples; n0 += chunk) {
            int nc = Math.min(chunk, samples - n0);
            int width = nc * p;
            for (int g = 0; g < geo.groups(); g++) {
                gatherColumns(x, n0, nc, g, columns);
                type.gemm(false, false, og, width, rows, w, g * og * rows, rows, columns, width, out, 0, width, false);
                moveRows(out, width, y, geo.outChannels(), p, n0, nc, g * og, og, false);
            }
        }
        return y;
    }

    /** The gradient with respect to the input of the convolution whose output gradient is {@code dy}: {@code (N, C, inH, inW)}. */
    Object inputGradient(Object dy, Object w) {
        int rows = geo.columnRows();
        int og = geo.groupOutChannels();
        int p = geo.outPositions();
        Object dx = type.newArray(samples * geo.inChannels() * geo.inPositions());
        int chunk = chunk();
        Object columns = type.newArray(rows * chunk * p);
        Object grad = type.newArray(og * chunk * p);
        for (int n0 = 0; n0 < samples; n0 += chunk) {
            int nc = Math.min(chunk, samples - n0);
            int width = nc * p;
            for (int g = 0; g < geo.groups(); g++) {
                moveRows(grad, width, dy, geo.outChannels(), p, n0, nc, g * og, og, true);
                type.gemm(true, false, rows, width, og, w, g * og * rows, rows, grad, width, columns, 0, width, false);
                for (int j = 0; j < nc; j++) {
                    type.scatterAdd(columns, j * p, width, index, rows, p, dx, slab(n0 + j, g));
                }
            }
        }
        return dx;
    }

    /** The gradient with respect to the weight, from the input {@code x} and the output gradient {@code dy}: the weight's shape. */
    Object weightGradient(Object x, Object dy) {
        int rows = geo.columnRows();
        int og = geo.groupOutChannels();
        int p = geo.outPositions();
        Object dw = type.newArray(geo.outChannels() * rows);
        int chunk = chunk();
        Object columns = type.newArray(rows * chunk * p);
        Object grad = type.newArray(og * chunk * p);
        for (int n0 = 0; n0 < samples; n0 += chunk) {
            int nc = Math.min(chunk, samples - n0);
            int width = nc * p;
            for (int g = 0; g < geo.groups(); g++) {
                gatherColumns(x, n0, nc, g, columns);
                moveRows(grad, width, dy, geo.outChannels(), p, n0, nc, g * og, og, true);
                type.gemm(false, true, og, rows, width, grad, 0, width, columns, width, dw, g * og * rows, rows, n0 > 0);
            }
        }
        return dw;
    }

    /** The columns of samples {@code n0 .. n0 + nc - 1}, group {@code g}, side by side: {@code columnRows x (nc * outPositions)}. */
    private void gatherColumns(Object x, int n0, int nc, int g, Object columns) {
        int p = geo.outPositions();
        for (int j = 0; j < nc; j++) {
            type.gather(x, slab(n0 + j, g), index, geo.columnRows(), p, columns, j * p, nc * p);
        }
    }

    /** Where sample {@code n}'s input channels of group {@code g} start. */
    private int slab(int n, int g) {
        return (n * geo.inChannels() + g * geo.groupInChannels()) * geo.inPositions();
    }

    /**
     * Copies channels {@code c0 .. c0 + count - 1} of samples {@code n0 .. n0 + nc - 1} of a tensor
     * {@code (N, channels, p)} to or from (when {@code toMatrix}) a matrix of {@code count} rows
     * holding the samples side by side ({@code width = nc * p}).
     */
    private static void moveRows(Object matrix, int width, Object tensor, int channels, int p, int n0, int nc, int c0,
                                 int count, boolean toMatrix) {
        for (int j = 0; j < nc; j++) {
            for (int c = 0; c < count; c++) {
                int at = ((n0 + j) * channels + c0 + c) * p;
                if (toMatrix) {
                    System.arraycopy(tensor, at, matrix, c * width + j * p, p);
                } else {
                    System.arraycopy(matrix, c * width + j * p, tensor, at, p);
                }
            }
        }
    }

    /** The loops that differ by element type only. */
    enum Elements {
        /** {@code double[]}. */
        FLOAT64 {
            @Override
            Object newArray(int length) {
                return new double[length];
            }

            @Override
            void gather(Object from, int slab, int[] index, int rows, int p, Object columns, int offset, int ld) {
                double[] x = (double[]) from;
                double[] cols = (double[]) columns;
                for (int r = 0; r < rows; r++) {
                    for (int q = 0, i = r * p, at = r * ld + offset; q < p; q++, i++, at++) {
                        cols[at] = index[i] < 0 ? 0.0 : x[slab + index[i]];
                    }
                }
            }

            @Override
            void scatterAdd(Object columns, int offset, int ld, int[] index, int rows, int p, Object to, int slab) {
                double[] cols = (double[]) columns;
                double[] x = (double[]) to;
                for (int r = 0; r < rows; r++) {
                    for (int q = 0, i = r * p, at = r * ld + offset; q < p; q++, i++, at++) {
                        if (index[i] >= 0) {
                            x[slab + index[i]] += cols[at];
                        }
                    }
                }
            }

            @Override
            void gemm(boolean ta, boolean tb, int m, int n, int k, Object a, int offA, int lda, Object b, int ldb,
                      Object c, int offC, int ldc, boolean accumulate) {
                Gemm.get().gemm(ta, tb, m, n, k, 1.0, (double[]) a, offA, lda, (double[]) b, 0, ldb,
                        accumulate ? 1.0 : 0.0, (double[]) c, offC, ldc);
            }
        },
        /** {@code float[]}, multiplied and accumulated in single precision as {@code sgemm} does. */
        FLOAT32 {
            @Override
            Object newArray(int length) {
                return new float[length];
            }

            @Override
            void gather(Object from, int slab, int[] index, int rows, int p, Object columns, int offset, int ld) {
                float[] x = (float[]) from;
                float[] cols = (float[]) columns;
                for (int r = 0; r < rows; r++) {
                    for (int q = 0, i = r * p, at = r * ld + offset; q < p; q++, i++, at++) {
                        cols[at] = index[i] < 0 ? 0f : x[slab + index[i]];
                    }
                }
            }

            @Override
            void scatterAdd(Object columns, int offset, int ld, int[] index, int rows, int p, Object to, int slab) {
                float[] cols = (float[]) columns;
                float[] x = (float[]) to;
                for (int r = 0; r < rows; r++) {
                    for (int q = 0, i = r * p, at = r * ld + offset; q < p; q++, i++, at++) {
                        if (index[i] >= 0) {
                            x[slab + index[i]] += cols[at];
                        }
                    }
                }
            }

            @Override
            void gemm(boolean ta, boolean tb, int m, int n, int k, Object a, int offA, int lda, Object b, int ldb,
                      Object c, int offC, int ldc, boolean accumulate) {
                Gemm.get().gemm(ta, tb, m, n, k, 1f, (float[]) a, offA, lda, (float[]) b, 0, ldb,
                        accumulate ? 1f : 0f, (float[]) c, offC, ldc);
            }
        };

        abstract Object newArray(int length);

        /** Row {@code r} of the columns, at {@code offset + r * ld}, is the input at {@code slab + index[r * p + q]} (0 at -1). */
        abstract void gather(Object x, int slab, int[] index, int rows, int p, Object columns, int offset, int ld);

        /** The inverse placement of {@link #gather}, adding: the input at {@code slab + index[...]} gets the column element. */
        abstract void scatterAdd(Object columns, int offset, int ld, int[] index, int rows, int p, Object x, int slab);

        /** {@code C = op(A) op(B) (+ C when accumulating)}, {@code B} from offset 0. */
        abstract void gemm(boolean ta, boolean tb, int m, int n, int k, Object a, int offA, int lda, Object b, int ldb,
                           Object c, int offC, int ldc, boolean accumulate);
    }
}
