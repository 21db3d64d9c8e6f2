package io.github.autograd4j;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The dimensions of a {@link Tensor}: immutable, rank 0 (a scalar) or more, every size zero or
 * positive. Also where dims given by users are checked and negative dims (counted from the end,
 * as in PyTorch) are resolved.
 */
public final class Shape {

    /** The most elements a tensor holds: its storage is one Java array, indexed by an int. */
    static final long MAX_NUMEL = Integer.MAX_VALUE;

    private static final Shape SCALAR = new Shape(new int[0], 1);

    private final int[] dims;
    private final int numel;

    private Shape(int[] dims, int numel) {
        this.dims = dims;
        this.numel = numel;
    }

    /**
     * A shape of the given sizes.
     *
     * @param dims the sizes, outermost first; none for a scalar
     * @return the shape
     * @throws IllegalArgumentException if a size is negative or the sizes hold more than 2^31-1 elements
     */
    public static Shape of(int... dims) {
        return of("shape", dims);
    }

    /**
     * A shape of the given sizes for operation {@code op}, checked before anything of that shape is
     * allocated.
     *
     * @param op   the operation asking, named in the exception
     * @param dims the sizes, outermost first; none for a scalar
     * @return the shape
     * @throws NullPointerException     "{@code op}: shape is null"
     * @throws IllegalArgumentException naming {@code op} and the sizes, if a size is negative or the
     *                                  sizes hold more than 2^31-1 elements
     */
    public static Shape of(String op, int... dims) {
        Objects.requireNonNull(op, "Shape.of: op is null");
        Objects.requireNonNull(dims, op + ": shape is null");
        return dims.length == 0 ? SCALAR : checked(op, List.of(), widened(dims));
    }

    /**
     * The shape of what operation {@code op} makes from operands of shapes {@code operands}, checked
     * before anything of that shape is allocated. The sizes are longs so that a sum or product of
     * sizes can be passed before it is known to fit.
     *
     * @param op       the operation asking, named in the exception
     * @param operands the shapes of its operands, named in the exception
     * @param dims     the result's sizes, outermost first
     * @return the result's shape
     * @throws IllegalArgumentException naming {@code op}, the operands' shapes and the result's,
     *                                  when the result would hold more than 2^31-1 elements (or a
     *                                  size is negative)
     */
    public static Shape ofResult(String op, List<Shape> operands, long... dims) {
        Objects.requireNonNull(op, "Shape.ofResult: op is null");
        Objects.requireNonNull(operands, op + ": operand shapes are null");
        Objects.requireNonNull(dims, op + ": shape is null");
        return checked(op, operands, dims);
    }

    /**
     * The one check of sizes: none negative, and the product of the sizes other than 0 at most
     * 2^31-1, so that every partial product a kernel forms fits in an int.
     */
    private static Shape checked(String op, List<Shape> operands, long[] dims) {
        long product = 1;
        boolean empty = false;
        for (long d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException(op + ": size " + d + " in " + Arrays.toString(dims)
                        + " is negative; sizes must be >= 0");
            }
            if (d == 0) {
                empty = true;
            } else {
                product = d > MAX_NUMEL ? MAX_NUMEL + 1 : Math.min(product * d, MAX_NUMEL + 1);
            }
        }
        if (product > MAX_NUMEL) {
            throw new IllegalArgumentException(tooLarge(op, operands, dims, empty));
        }
        int[] sizes = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            sizes[i] = (int) dims[i];
        }
        return new Shape(sizes, empty ? 0 : (int) product);
    }

    private static String tooLarge(String op, List<Shape> operands, long[] dims, boolean empty) {
        BigInteger count = BigInteger.ONE;
        for (long d : dims) {
            count = d == 0 ? count : count.multiply(BigInteger.valueOf(d));
        }
        String result = format(dims);
        String made = operands.isEmpty() ? "shape " + result + " "
                : (operands.size() == 1 ? "shape " : "shapes ") + list(operands)
                        + (operands.size() == 1 ? " gives shape " : " give shape ") + result + ", which ";
        return op + ": " + made + (empty ? "has sizes other than 0 that multiply to " + count
                : "would hold " + count + " elements") + ", more than the " + MAX_NUMEL + " (2^31-1) a tensor can hold";
    }

    /** {@code (2, 3)}, {@code (2, 3) and (3,)}, {@code (2, 3), (3,) and (1,)}; past four, the first three and a count. */
    private static String list(List<Shape> shapes) {
        int n = shapes.size();
        if (n > 4) {
            return shapes.get(0) + ", " + shapes.get(1) + ", " + shapes.get(2) + " and " + (n - 3) + " more";
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : i == n - 1 ? " and " : ", ").append(shapes.get(i));
        }
        return s.toString();
    }

    /**
     * The shape of a scalar: rank 0, one element.
     *
     * @return the shape {@code ()}
     */
    public static Shape scalar() {
        return SCALAR;
    }

    /**
     * The number of dimensions.
     *
     * @return the number of sizes, 0 for a scalar
     */
    public int rank() {
        return dims.length;
    }

    /**
     * The number of elements: the product of the sizes (1 for a scalar).
     *
     * @return the element count, at most 2^31-1 (0 when a size is 0)
     */
    public int numel() {
        return numel;
    }

    /**
     * The size of dimension {@code i}; negative {@code i} counts from the end.
     *
     * @param i the dimension, from {@code -rank()} to {@code rank() - 1}
     * @return that dimension's size
     */
    public int size(int i) {
        return dims[normalize("size", i)];
    }

    /**
     * A copy of the sizes.
     *
     * @return a new array of {@code rank()} sizes, outermost first
     */
    public int[] toArray() {
        return dims.clone();
    }

    /**
     * Row-major strides: how many elements apart consecutive indices of each dimension are.
     *
     * @return a new array of {@code rank()} strides, the last 1
     */
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
     * @param op  the operation asking, named in the exception
     * @param dim the dim, from {@code -rank()} to {@code rank() - 1}
     * @return the dim counted from the start, from 0 to {@code rank() - 1}
     * @throws IllegalArgumentException "{@code op}: dim 3 out of range for a 2-d tensor"
     */
    public int normalize(String op, int dim) {
        Objects.requireNonNull(op, "Shape.normalize: op is null");
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
     * @param op the operation asking, named in the exception
     * @param a  one operand's shape
     * @param b  the other's
     * @return the broadcast shape: at each position the larger size, the rank the larger rank
     * @throws IllegalArgumentException naming {@code op} and both shapes when they do not broadcast,
     *                                  or when the result would hold more than 2^31-1 elements
     */
    public static Shape broadcast(String op, Shape a, Shape b) {
        Objects.requireNonNull(op, "Shape.broadcast: op is null");
        Objects.requireNonNull(a, op + ": first shape is null");
        Objects.requireNonNull(b, op + ": second shape is null");
        if (a.equals(b)) {
            return a;
        }
        int conflict = conflict(a, b);
        int rank = Math.max(a.rank(), b.rank());
        if (conflict >= 0) {
            throw new IllegalArgumentException(op + ": shapes " + a + " and " + b + " do not broadcast: sizes "
                    + a.alignedSize(conflict, rank) + " and " + b.alignedSize(conflict, rank) + " at dim " + conflict
                    + " differ and neither is 1");
        }
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            int da = a.alignedSize(i, rank);
            out[i] = da == 1 ? b.alignedSize(i, rank) : da;
        }
        return checked(op, List.of(a, b), out);
    }

    /**
     * True when this shape and {@code other} broadcast together (whatever the size of the result).
     *
     * @param other the other shape
     * @return whether each pair of sizes, aligned from the right, is equal or holds a 1
     */
    public boolean broadcastsWith(Shape other) {
        return conflict(this, Objects.requireNonNull(other, "broadcastsWith: other is null")) < 0;
    }

    /** The first dim, aligned from the right in the rank of the larger, where the sizes differ and neither is 1; -1 if none. */
    private static int conflict(Shape a, Shape b) {
        int rank = Math.max(a.rank(), b.rank());
        for (int i = 0; i < rank; i++) {
            int da = a.alignedSize(i, rank);
            int db = b.alignedSize(i, rank);
            if (da != db && da != 1 && db != 1) {
                return i;
            }
        }
        return -1;
    }

    /** The size at dim {@code i} of this shape aligned from the right in {@code rank} dims (1 where it has none). */
    private int alignedSize(int i, int rank) {
        int offset = rank - dims.length;
        return i < offset ? 1 : dims[i - offset];
    }

    /**
     * True when this shape broadcasts to {@code target} (so {@code target} can be summed back to
     * it).
     *
     * @param target the shape to broadcast to
     * @return whether each of this shape's sizes, aligned from the right, is 1 or {@code target}'s
     *         (and this rank is at most {@code target}'s)
     */
    public boolean broadcastsTo(Shape target) {
        Objects.requireNonNull(target, "broadcastsTo: target is null");
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
        return format(widened(dims));
    }

    private static long[] widened(int[] dims) {
        long[] sizes = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            sizes[i] = dims[i];
        }
        return sizes;
    }

    private static String format(long[] dims) {
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
