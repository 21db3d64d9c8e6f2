package io.github.autograd4j;

import java.util.Arrays;

/**
 * The dimensions of a {@link Tensor}: immutable, rank 0 (a scalar) or more, every size zero or
 * positive. Also where dims given by users are checked and negative dims (counted from the end,
 * as in PyTorch) are resolved.
 */
public final class Shape {

    private static final Shape SCALAR = new Shape(new int[0]);

    private final int[] dims;
    private final int numel;

    private Shape(int[] dims) {
        this.dims = dims;
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        this.numel = (int) n;
    }

    /**
     * A shape of the given sizes.
     *
     * @throws IllegalArgumentException if a size is negative or the element count exceeds an int
     */
    public static Shape of(int... dims) {
        if (dims.length == 0) {
            return SCALAR;
        }
        long n = 1;
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("shape: size " + d + " in " + Arrays.toString(dims) + " is negative; sizes must be >= 0");
            }
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape: " + Arrays.toString(dims) + " has more than 2^31-1 elements");
            }
        }
        return new Shape(dims.clone());
    }

    /** The shape of a scalar: rank 0, one element. */
    public static Shape scalar() {
        return SCALAR;
    }

    /** The number of dimensions. */
    public int rank() {
        return dims.length;
    }

    /** The number of elements: the product of the sizes (1 for a scalar). */
    public int numel() {
        return numel;
    }

    /** The size of dimension {@code i}; negative {@code i} counts from the end. */
    public int size(int i) {
        return dims[normalize("size", i)];
    }

    /** A copy of the sizes. */
    public int[] toArray() {
        return dims.clone();
    }

    /** Row-major strides: how many elements apart consecutive indices of each dimension are. */
    public int[] strides() {
        int[] strides = new int[dims.length];
        int s = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            strides[i] = s;
            s *= dims[i];
        }
        return strides;
    }

    /**
     * Resolves a dim given by a user for operation {@code op}: negative counts from the end.
     *
     * @throws IllegalArgumentException "{@code op}: dim 3 out of range for a 2-d tensor"
     */
    public int normalize(String op, int dim) {
        int r = dims.length;
        int d = dim < 0 ? dim + r : dim;
        if (d < 0 || d >= r) {
            throw new IllegalArgumentException(op + ": dim " + dim + " out of range for a " + r + "-d tensor"
                    + (r == 0 ? "" : " (expected " + -r + " to " + (r - 1) + ")"));
        }
        return d;
    }

    /**
     * The NumPy broadcast of two shapes: aligned from the right, each pair of sizes equal or one of them 1.
     *
     * @throws IllegalArgumentException naming {@code op} and both shapes when they do not broadcast
     */
    public static Shape broadcast(String op, Shape a, Shape b) {
        if (a.equals(b)) {
            return a;
        }
        int rank = Math.max(a.rank(), b.rank());
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.rank() ? 1 : a.dims[i - (rank - a.rank())];
            int db = i < rank - b.rank() ? 1 : b.dims[i - (rank - b.rank())];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + a + " and " + b
                        + " do not broadcast: sizes " + da + " and " + db + " at dim " + i + " differ and neither is 1");
            }
            out[i] = da == 1 ? db : da;
        }
        return new Shape(out);
    }

    /** True when this shape broadcasts to {@code target} (so {@code target} can be summed back to it). */
    public boolean broadcastsTo(Shape target) {
        if (rank() > target.rank()) {
            return false;
        }
        int offset = target.rank() - rank();
        for (int i = 0; i < rank(); i++) {
            if (dims[i] != 1 && dims[i] != target.dims[i + offset]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** {@code (2, 3)}; {@code ()} for a scalar; {@code (5,)} for a vector, as Python prints tuples. */
    @Override
    public String toString() {
        if (dims.length == 1) {
            return "(" + dims[0] + ",)";
        }
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            s.append(i == 0 ? "" : ", ").append(dims[i]);
        }
        return s.append(')').toString();
    }
}
