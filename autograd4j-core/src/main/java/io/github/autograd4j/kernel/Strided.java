package io.github.autograd4j.kernel;

import java.util.function.DoubleBinaryOperator;

/**
 * Loops over row-major {@code double[]} storage under broadcasting: elementwise maps of two
 * operands of broadcast-compatible shapes, expansion, and the reverse of broadcasting (summing a
 * broadcast array back to a smaller shape). Shapes are passed as {@code int[]}; callers check
 * that they are compatible.
 */
public final class Strided {

    private Strided() {
    }

    /** {@code x + y}: {@link #map} runs it as a plain loop (which C2 vectorises) instead of a call per element. */
    public static final DoubleBinaryOperator ADD = Double::sum;
    /** {@code x - y}, run as a plain loop by {@link #map}. */
    public static final DoubleBinaryOperator SUB = (x, y) -> x - y;
    /** {@code x * y}, run as a plain loop by {@link #map}. */
    public static final DoubleBinaryOperator MUL = (x, y) -> x * y;
    /** {@code x / y}, run as a plain loop by {@link #map}. */
    public static final DoubleBinaryOperator DIV = (x, y) -> x / y;

    /**
     * {@code out[i] = f(a[ia], b[ib])} over {@code outShape}, where {@code a} and {@code b}
     * broadcast to {@code outShape}. For {@link #ADD}, {@link #SUB}, {@link #MUL} and {@link #DIV},
     * rows where both operands are contiguous, or the second is one value, run without calling
     * {@code f}.
     */
    public static double[] map(double[] a, int[] shapeA, double[] b, int[] shapeB, int[] outShape, DoubleBinaryOperator f) {
        double[] out = new double[numel(outShape)];
        forEachRun(a.length, shapeA, b.length, shapeB, outShape, (ia, da, ib, db, o, len) -> run(f, a, ia, da, b, ib, db, out, o, len));
        return out;
    }

    /** One stretch of a broadcast map: {@code len} outputs from {@code o}, operands from {@code ia}, {@code ib} with strides 0 or 1. */
    @FunctionalInterface
    private interface Run {
        void at(int ia, int da, int ib, int db, int o, int len);
    }

    /**
     * Cuts a map of operands of {@code lengthA} and {@code lengthB} elements broadcast to
     * {@code outShape} into runs: the whole output at once when each operand is full-size or one
     * value, else one run per row of the output.
     */
    private static void forEachRun(int lengthA, int[] shapeA, int lengthB, int[] shapeB, int[] outShape, Run run) {
        int n = numel(outShape);
        if (lengthA == n && lengthB == n) {
            run.at(0, 1, 0, 1, 0, n);
        } else if (lengthB == 1 && lengthA == n) {
            run.at(0, 1, 0, 0, 0, n);
        } else if (lengthA == 1 && lengthB == n) {
            run.at(0, 0, 0, 1, 0, n);
        } else if (n > 0) {
            int rank = outShape.length;
            int[] sa = broadcastStrides(shapeA, outShape);
            int[] sb = broadcastStrides(shapeB, outShape);
            int row = outShape[rank - 1];
            Odometer odometer = new Odometer(outShape, sa, sb);
            for (int i = 0; i < n; i += row) {
                run.at(odometer.first, sa[rank - 1], odometer.second, sb[rank - 1], i, row);
                odometer.next();
            }
        }
    }

    /** {@code out[o + j] = f(a[ia + j * da], b[ib + j * db])} for {@code j < len}; strides are 0 or 1. */
    private static void run(DoubleBinaryOperator f, double[] a, int ia, int da, double[] b, int ib, int db,
                            double[] out, int o, int len) {
        if (da == 1 && db == 1) {
            if (f == ADD) {
                for (int j = 0; j < len; j++) {
                    out[o + j] = a[ia + j] + b[ib + j];
                }
            } else if (f == SUB) {
                for (int j = 0; j < len; j++) {
                    out[o + j] = a[ia + j] - b[ib + j];
                }
            } else if (f == MUL) {
                for (int j = 0; j < len; j++) {
                    out[o + j] = a[ia + j] * b[ib + j];
                }
            } else if (f == DIV) {
                for (int j = 0; j < len; j++) {
                    out[o + j] = a[ia + j] / b[ib + j];
                }
            } else {
                for (int j = 0; j < len; j++) {
                    out[o + j] = f.applyAsDouble(a[ia + j], b[ib + j]);
                }
            }
        } else if (da == 1 && db == 0 && (f == ADD || f == SUB || f == MUL || f == DIV)) {
            double y = b[ib];
            if (f == ADD) {
                for (int j = 0; j < len; j++) {
                    out[o + j] = a[ia + j] + y;
                }
            } else if (f == SUB) {
                for (int j = 0; j < len; j++) {
                    out[o + j] = a[ia + j] - y;
                }
            } else if (f == MUL) {
                for (int j = 0; j < len; j++) {
                    out[o + j] = a[ia + j] * y;
                }
            } else {
                for (int j = 0; j < len; j++) {
                    out[o + j] = a[ia + j] / y;
                }
            }
        } else {
            for (int j = 0; j < len; j++) {
                out[o + j] = f.applyAsDouble(a[ia + j * da], b[ib + j * db]);
            }
        }
    }

    /**
     * {@link #map(double[], int[], double[], int[], int[], DoubleBinaryOperator)} over float32
     * elements: add, sub, mul and div in single precision (as PyTorch's float32 kernels), any other
     * {@code f} on the widened pair, rounded once.
     */
    public static float[] map(float[] a, int[] shapeA, float[] b, int[] shapeB, int[] outShape, DoubleBinaryOperator f) {
        float[] out = new float[numel(outShape)];
        forEachRun(a.length, shapeA, b.length, shapeB, outShape, (ia, da, ib, db, o, len) -> run(f, a, ia, da, b, ib, db, out, o, len));
        return out;
    }

    /** The float32 twin of {@link #run(DoubleBinaryOperator, double[], int, int, double[], int, int, double[], int, int)}. */
    private static void run(DoubleBinaryOperator f, float[] a, int ia, int da, float[] b, int ib, int db,
                            float[] out, int o, int len) {
        if (da == 1 && db == 1 && (f == ADD || f == SUB || f == MUL || f == DIV)) {
            if (f == ADD) {
                for (int j = 0; j < len; j++) {
                    out[o + j] = a[ia + j] + b[ib + j];
                }
            } else if (f == SUB) {
                for (int j = 0; j < len; j++) {
                    out[o + j] = a[ia + j] - b[ib + j];
                }
            } else if (f == MUL) {
                for (int j = 0; j < len; j++) {
                    out[o + j] = a[ia + j] * b[ib + j];
                }
            } else {
                for (int j = 0; j < len; j++) {
                    out[o + j] = a[ia + j] / b[ib + j];
                }
            }
        } else if (da == 1 && db == 0 && (f == ADD || f == SUB || f == MUL || f == DIV)) {
            float y = b[ib];
            if (f == ADD) {
                for (int j = 0; j < len; j++) {
                    out[o + j] = a[ia + j] + y;
                }
            } else if (f == SUB) {
                for (int j = 0; j < len; j++) {
                    out[o + j] = a[ia + j] - y;
                }
            } else if (f == MUL) {
                for (int j = 0; j < len; j++) {
                    out[o + j] = a[ia + j] * y;
                }
            } else {
                for (int j = 0; j < len; j++) {
                    out[o + j] = a[ia + j] / y;
                }
            }
        } else {
            for (int j = 0; j < len; j++) {
                out[o + j] = (float) f.applyAsDouble(a[ia + j * da], b[ib + j * db]);
            }
        }
    }

    /** Copies {@code a} to every position of {@code outShape} it broadcasts to. */
    public static double[] expand(double[] a, int[] shapeA, int[] outShape) {
        return map(a, shapeA, new double[] {0.0}, new int[0], outShape, (x, zero) -> x);
    }

    /**
     * The reverse of broadcasting: sums {@code g} (of {@code shapeG}) over every dimension where
     * {@code target} is 1 or missing, giving an array of {@code target}'s shape.
     */
    public static double[] sumTo(double[] g, int[] shapeG, int[] target) {
        if (numel(target) == g.length) {
            return g.clone();
        }
        return sumRows(g.length, shapeG, target, (i, out, at, run, across) -> {
            if (across) {
                double s = 0.0;
                for (int j = 0; j < run; j++) {
                    s += g[i + j];
                }
                out[at] += s;
            } else {
                for (int j = 0; j < run; j++) {
                    out[at + j] += g[i + j];
                }
            }
        });
    }

    /**
     * {@link #sumTo(double[], int[], int[])} of a float array, summed in double precision as its
     * widened copy would be (the same bits), without making that copy.
     */
    public static double[] sumTo(float[] g, int[] shapeG, int[] target) {
        if (numel(target) == g.length) {
            return ElementLoops.widened(g);
        }
        return sumRows(g.length, shapeG, target, (i, out, at, run, across) -> {
            if (across) {
                double s = 0.0;
                for (int j = 0; j < run; j++) {
                    s += g[i + j];
                }
                out[at] += s;
            } else {
                for (int j = 0; j < run; j++) {
                    out[at + j] += g[i + j];
                }
            }
        });
    }

    /** Adds one row of the summed array, {@code run} elements from {@code i}, into {@code out} from {@code at}: all into one when {@code across}. */
    @FunctionalInterface
    private interface SumRow {
        void add(int i, double[] out, int at, int run, boolean across);
    }

    /**
     * The walk of {@link #sumTo} over {@code length > numel(target)} elements: each row of
     * {@code shapeG} added into the output element or row it broadcast from.
     */
    private static double[] sumRows(int length, int[] shapeG, int[] target, SumRow row) {
        double[] out = new double[numel(target)];
        if (out.length == 1) {
            row.add(0, out, 0, length, true);
            return out;
        }
        int rank = shapeG.length;
        int[] st = broadcastStrides(target, shapeG);
        int run = shapeG[rank - 1];
        boolean across = st[rank - 1] == 0;
        Odometer odometer = new Odometer(shapeG, st, new int[rank]);
        for (int i = 0; i < length; i += run) {
            row.add(i, out, odometer.first, run, across);
            odometer.next();
        }
        return out;
    }

    /** Reorders the axes of {@code a}: output dim {@code i} is input dim {@code perm[i]}. */
    public static double[] permute(double[] a, int[] shape, int[] perm) {
        int rank = shape.length;
        double[] out = new double[a.length];
        if (a.length == 0) {
            return out;
        }
        if (rank >= 2 && swapsLastTwo(perm)) {
            int rows = shape[rank - 2];
            int cols = shape[rank - 1];
            for (int at = 0; at < a.length; at += rows * cols) {
                transpose(a, at, rows, cols, out);
            }
            return out;
        }
        int[] inStrides = strides(shape);
        int[] outShape = new int[rank];
        int[] s = new int[rank];
        for (int i = 0; i < rank; i++) {
            outShape[i] = shape[perm[i]];
            s[i] = inStrides[perm[i]];
        }
        int run = rank == 0 ? 1 : outShape[rank - 1];
        int step = rank == 0 ? 0 : s[rank - 1];
        Odometer odometer = new Odometer(outShape, s, new int[rank]);
        for (int i = 0; i < out.length; i += run) {
            int ia = odometer.first;
            for (int j = 0; j < run; j++) {
                out[i + j] = a[ia + j * step];
            }
            odometer.next();
        }
        return out;
    }

    /** Whether {@code perm} keeps every dim but the last two, which it swaps. */
    private static boolean swapsLastTwo(int[] perm) {
        int rank = perm.length;
        for (int i = 0; i < rank - 2; i++) {
            if (perm[i] != i) {
                return false;
            }
        }
        return perm[rank - 2] == rank - 1 && perm[rank - 1] == rank - 2;
    }

    /**
     * {@code out[at + c * rows + r] = a[at + r * cols + c]}: the {@code rows x cols} matrix at
     * {@code at}, transposed in square tiles so that both reads and writes stay within a few cache
     * lines (a plain loop misses the cache on every write once a column exceeds it).
     */
    private static void transpose(double[] a, int at, int rows, int cols, double[] out) {
        final int tile = 32;
        for (int r0 = 0; r0 < rows; r0 += tile) {
            int r1 = Math.min(rows, r0 + tile);
            for (int c0 = 0; c0 < cols; c0 += tile) {
                int c1 = Math.min(cols, c0 + tile);
                for (int r = r0; r < r1; r++) {
                    int from = at + r * cols;
                    for (int c = c0; c < c1; c++) {
                        out[at + c * rows + r] = a[from + c];
                    }
                }
            }
        }
    }

    /** Row-major strides of a shape. */
    public static int[] strides(int[] shape) {
        int[] strides = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = s;
            s *= shape[i];
        }
        return strides;
    }

    /** The product of the sizes. */
    public static int numel(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** Strides of {@code shape} aligned to {@code outShape}'s rank, 0 where it is broadcast. */
    private static int[] broadcastStrides(int[] shape, int[] outShape) {
        int rank = outShape.length;
        int offset = rank - shape.length;
        int[] own = strides(shape);
        int[] s = new int[rank];
        for (int i = 0; i < shape.length; i++) {
            s[i + offset] = shape[i] == 1 ? 0 : own[i];
        }
        return s;
    }

    /**
     * Walks the positions of {@code shape} but its last dim (row by row), keeping two flat offsets
     * that advance by their own strides, so that loops run along the last dim in between.
     */
    private static final class Odometer {
        private final int[] shape;
        private final int[] firstStrides;
        private final int[] secondStrides;
        private final int[] index;
        /** The offsets at the start of the current row. */
        int first;
        int second;

        Odometer(int[] shape, int[] firstStrides, int[] secondStrides) {
            this.shape = shape;
            this.firstStrides = firstStrides;
            this.secondStrides = secondStrides;
            this.index = new int[shape.length];
        }

        /** Moves to the start of the next row. */
        void next() {
            for (int d = shape.length - 2; d >= 0; d--) {
                first += firstStrides[d];
                second += secondStrides[d];
                if (++index[d] < shape[d]) {
                    return;
                }
                first -= firstStrides[d] * shape[d];
                second -= secondStrides[d] * shape[d];
                index[d] = 0;
            }
        }
    }
}
