package io.github.autograd4j;

import io.github.autograd4j.ops.AttentionOps;
import io.github.autograd4j.ops.BinaryOps;
import io.github.autograd4j.ops.ConvOps;
import io.github.autograd4j.ops.DecompositionOps;
import io.github.autograd4j.ops.EmbeddingOps;
import io.github.autograd4j.ops.IndexOps;
import io.github.autograd4j.ops.LayerNormOps;
import io.github.autograd4j.ops.MovementOps;
import io.github.autograd4j.ops.NormOps;
import io.github.autograd4j.ops.PoolOps;
import io.github.autograd4j.ops.ProductOps;
import io.github.autograd4j.ops.ReduceOps;
import io.github.autograd4j.ops.SoftmaxOps;
import io.github.autograd4j.ops.UnaryOps;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.ejml.data.DMatrixRMaj;

/**
 * An n-dimensional array of doubles that records the operations made from it, for reverse-mode
 * differentiation; the n-d counterpart of {@link Value}, on the same graph engine.
 *
 * <pre>{@code
 * Tensor w = Tensor.randn(new Random(0), 3, 2).requiresGrad(true);
 * Tensor x = Tensor.of(new double[][] {{1, 2, 3}});
 * Tensor loss = x.matmul(w).tanh().sum();
 * loss.backward();
 * w.grad();                      // d loss / d w, shape (3, 2)
 * }</pre>
 *
 * <p><b>Storage.</b> A contiguous row-major {@code double[]} and a {@link Shape}; {@code reshape}
 * and {@code view} share storage, every other operation makes a new array. Tensors are immutable
 * apart from their gradient and a leaf's data, which optimisers update in place.
 *
 * <p><b>Operations</b> follow PyTorch's names and semantics: binary operations broadcast as NumPy
 * does, dims may be negative, reductions take {@code keepDim}. The rules live one file per family
 * in {@code io.github.autograd4j.ops}; every rule is written with tensor operations, so gradients
 * of gradients work ({@code backward(gradient, retainGraph, createGraph)}, {@link Autograd}).
 *
 * <p><b>Gradients.</b> {@code backward()} accumulates into leaves that require grad, as PyTorch
 * does; interior gradients are freed after the pass unless {@link #retainGrad()} was called, and
 * the graph is freed unless it is retained: what the rules saved, and each interior tensor's links
 * to its inputs, so intermediate results nobody else holds can be collected even while the loss is
 * kept. A second backward through a freed graph throws an {@link IllegalStateException} that says
 * so, and a graph view ({@code Graph.of}) of a freed tensor shows it without its inputs: to view a
 * graph with its gradients after backward, pass {@code retainGraph = true}.
 */
public final class Tensor extends Node implements Differentiable<Tensor> {

    private static final Tensor[] NO_INPUTS = new Tensor[0];

    /** The elements (double[] or float[]) and their version, shared by every tensor over them. */
    private final Storage data;
    private final Shape shape;
    private final String opName;
    private Tensor[] inputs;
    private BackwardRule rule;
    private Function<Tensor[], Tensor> replay;
    private boolean requiresGrad;
    private Tensor grad;
    private boolean retainsGrad;
    private boolean freed;
    /**
     * The versions of the inputs (then the output) when the operation was recorded, checked before
     * the rule runs; null when the rule reads only the gradient ({@link BackwardRule.GradientOnly}).
     */
    private int[] savedVersions;

    private Tensor(Storage data, Shape shape, String opName, Tensor[] inputs, BackwardRule rule, boolean requiresGrad) {
        this.data = data;
        this.shape = shape;
        this.opName = opName;
        this.inputs = inputs;
        this.rule = rule;
        this.requiresGrad = requiresGrad;
    }

    // ------------------------------------------------------------------ the door every op goes through

    /**
     * Makes the result of an operation: the door every built-in and custom operation goes through.
     * When recording is on and an input requires grad, the result remembers its inputs and
     * {@code rule}; otherwise it is a constant. The array is taken, not copied: do not change it
     * afterwards. The result's type is the inputs' ({@link #resultType}): computed in double
     * precision, a float32 result is rounded once.
     *
     * @param opName the operation's name, shown in graphs and errors
     * @param shape  the result's shape
     * @param data   the result's elements, row-major, {@code shape.numel()} of them
     * @param rule   the backward rule
     * @param inputs the operands, in the order the rule returns their gradients
     * @return the result: a graph node over {@code data} when recording is on and an input requires
     *         grad, else a constant leaf
     */
    public static Tensor fromOp(String opName, Shape shape, double[] data, BackwardRule rule, Tensor... inputs) {
        return fromOp(opName, shape, data, rule, null, inputs);
    }

    /**
     * {@link #fromOp(String, Shape, double[], BackwardRule, Tensor...)} with a way to run the
     * operation again on other inputs, which lets {@link #ruleCheck()} check the rule of this one
     * node against finite differences.
     *
     * @param opName the operation's name, shown in graphs and errors
     * @param shape  the result's shape
     * @param data   the result's elements, row-major, {@code shape.numel()} of them; taken, not
     *               copied
     * @param rule   the backward rule
     * @param replay the operation itself, applied to inputs like these (null when not available)
     * @param inputs the operands, in the order the rule returns their gradients
     * @return the result: a graph node over {@code data} when recording is on and an input requires
     *         grad, else a constant leaf
     */
    public static Tensor fromOp(String opName, Shape shape, double[] data, BackwardRule rule,
                                Function<Tensor[], Tensor> replay, Tensor... inputs) {
        Objects.requireNonNull(data, opName + ": data is null");
        return make(opName, resultType(inputs), shape, data, rule, replay, inputs);
    }

    /**
     * {@link #fromOp(String, Shape, double[], BackwardRule, Tensor...)} for a result of type
     * {@code dtype} whatever the inputs' types (e.g. {@code where}, whose condition does not count).
     *
     * @param opName the operation's name
     * @param dtype  the result's type
     * @param shape  the result's shape
     * @param data   the result's elements in double precision, taken (rounded once for float32)
     * @param rule   the backward rule
     * @param inputs the operands
     * @return the result
     */
    public static Tensor fromOp(String opName, DType dtype, Shape shape, double[] data, BackwardRule rule, Tensor... inputs) {
        return fromOp(opName, dtype, shape, data, rule, null, inputs);
    }

    /**
     * {@link #fromOp(String, DType, Shape, double[], BackwardRule, Tensor...)} with a replay (see
     * {@link #fromOp(String, Shape, double[], BackwardRule, Function, Tensor...)}).
     *
     * @param opName the operation's name
     * @param dtype  the result's type
     * @param shape  the result's shape
     * @param data   the result's elements in double precision, taken (rounded once for float32)
     * @param rule   the backward rule
     * @param replay the operation itself (null when not available)
     * @param inputs the operands
     * @return the result
     */
    public static Tensor fromOp(String opName, DType dtype, Shape shape, double[] data, BackwardRule rule,
                                Function<Tensor[], Tensor> replay, Tensor... inputs) {
        Objects.requireNonNull(dtype, opName + ": dtype is null");
        Objects.requireNonNull(data, opName + ": data is null");
        return make(opName, dtype, shape, data, rule, replay, inputs);
    }
    /**
     * {@link #fromOp(String, Shape, double[], BackwardRule, Tensor...)} for a float32 result
     * computed in single precision.
     *
     * @param opName the operation's name
     * @param shape  the result's shape
     * @param data   the result's elements, taken
     * @param rule   the backward rule
     * @param inputs the operands
     * @return the result, of type {@link DType#FLOAT32}
     */
    public static Tensor fromOp(String opName, Shape shape, float[] data, BackwardRule rule, Tensor... inputs) {
        Objects.requireNonNull(data, opName + ": data is null");
        return make(opName, DType.FLOAT32, shape, data, rule, null, inputs);
    }

    /**
     * The result of an operation that shares {@code source}'s storage, a view ({@code reshape}):
     * an in-place change to either is one to both, counted once.
     *
     * @param opName the operation's name
     * @param shape  the view's shape, of {@code source}'s element count
     * @param rule   the backward rule
     * @param source the tensor viewed, the only input
     * @return the view
     */
    public static Tensor viewOf(String opName, Shape shape, BackwardRule rule, Tensor source) {
        Objects.requireNonNull(opName, "viewOf: op name is null");
        Objects.requireNonNull(source, opName + ": input is null");
        return make(opName, source.dtype(), shape, source.data.floats != null ? source.data.floats : source.data.doubles,
                rule, null, new Tensor[] {source});
    }

    /**
     * The type of the result of an operation on {@code operands}, by PyTorch's promotion (see
     * {@link DType}): {@link DType#FLOAT64} when there are none; null operands are skipped.
     *
     * @param operands the operands
     * @return their result type
     */
    public static DType resultType(Tensor... operands) {
        Objects.requireNonNull(operands, "resultType: operands are null");
        DType type = null;
        boolean hasDims = false;
        for (Tensor t : operands) {
            if (t == null) {
                continue;
            }
            boolean dims = t.dim() > 0;
            type = type == null ? t.dtype() : DType.promote(type, hasDims, t.dtype(), dims);
            hasDims |= dims;
        }
        return type == null ? DType.FLOAT64 : type;
    }

    /** The one constructor path of every operation's result; {@code array} is a double[] or float[], taken. */
    private static Tensor make(String opName, DType dtype, Shape shape, Object array, BackwardRule rule,
                               Function<Tensor[], Tensor> replay, Tensor[] inputs) {
        Objects.requireNonNull(shape, opName + ": shape is null");
        int length = array instanceof float[] f ? f.length : ((double[]) array).length;
        if (length != shape.numel()) {
            throw new IllegalArgumentException(opName + ": " + length + " values for shape " + shape
                    + ", which holds " + shape.numel());
        }
        boolean needsGrad = false;
        Storage storage = null;
        for (Tensor in : inputs) {
            needsGrad |= Objects.requireNonNull(in, opName + ": operand is null").requiresGrad;
            if (in.data.holds(array)) {
                storage = in.data; // a view (reshape) over an input's storage: one storage, one count
            }
        }
        if (storage == null || storage.dtype() != dtype) {
            storage = array instanceof float[] f ? Storage.of(f).as(dtype) : Storage.of((double[]) array, dtype);
        }
        Tensor result = needsGrad && Grad.isEnabled()
                ? new Tensor(storage, shape, opName, inputs.clone(), Objects.requireNonNull(rule, opName + ": rule is null"), true)
                : new Tensor(storage, shape, "leaf", NO_INPUTS, null, false);
        if (result.rule != null) {
            result.replay = replay;
            if (!(rule instanceof BackwardRule.GradientOnly)) {
                result.savedVersions = result.versionsNow();
            }
        }
        if (Debug.active()) {
            Debug.afterForward(result, storage.asDoubles());
        }
        return result;
    }

    // ------------------------------------------------------------------ creation

    /**
     * A tensor of the given shape over a copy of {@code data} (row-major).
     *
     * @param data  the elements, row-major; copied
     * @param shape the sizes of the dimensions (none for a scalar)
     * @return a leaf that does not require grad
     * @throws IllegalArgumentException when {@code data.length} is not the shape's element count
     */
    public static Tensor of(double[] data, int... shape) {
        Objects.requireNonNull(data, "of: data is null");
        Shape s = Shape.of("of", shape);
        if (data.length != s.numel()) {
            throw new IllegalArgumentException("of: " + data.length + " values do not fill shape " + s
                    + ", which holds " + s.numel());
        }
        return constant(data.clone(), s);
    }

    /**
     * A 1-d tensor over a copy of {@code values}, as PyTorch's {@code torch.tensor([1, 2, 3])}
     * ({@link #scalar} makes a 0-d one).
     *
     * @param values the elements; copied
     * @return a leaf of shape {@code (values.length,)} that does not require grad
     */
    public static Tensor of(double... values) {
        return vector(values);
    }

    /**
     * A 1-d tensor over a copy of {@code data}.
     *
     * @param data the elements; copied
     * @return a leaf of shape {@code (data.length,)} that does not require grad
     */
    public static Tensor vector(double... data) {
        Objects.requireNonNull(data, "vector: data is null");
        return of(data, data.length);
    }

    /**
     * A 2-d tensor from rows.
     *
     * @param rows the rows, all of one length; copied
     * @return a leaf of shape {@code (rows.length, rows[0].length)} ({@code (0, 0)} for no rows)
     *         that does not require grad
     * @throws IllegalArgumentException when the rows differ in length
     */
    public static Tensor of(double[][] rows) {
        Objects.requireNonNull(rows, "of: rows are null");
        for (int i = 0; i < rows.length; i++) {
            Objects.requireNonNull(rows[i], "of: row " + i + " is null");
        }
        int cols = rows.length == 0 ? 0 : rows[0].length;
        Shape shape = Shape.of("of", rows.length, cols);
        double[] data = new double[shape.numel()];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("of: row " + i + " has " + rows[i].length
                        + " values, row 0 has " + cols + "; rows must be equally long");
            }
            System.arraycopy(rows[i], 0, data, i * cols, cols);
        }
        return constant(data, shape);
    }

    /**
     * A rank-0 tensor.
     *
     * @param value the element
     * @return a leaf of shape {@code ()} that does not require grad
     */
    public static Tensor scalar(double value) {
        return constant(new double[] {value}, Shape.scalar());
    }

    /**
     * Zeros of the given shape.
     *
     * @param shape the sizes of the dimensions (none for a scalar)
     * @return a leaf that does not require grad
     */
    public static Tensor zeros(int... shape) {
        Shape s = Shape.of("zeros", shape);
        return constant(new double[s.numel()], s);
    }

    /**
     * Ones of the given shape.
     *
     * @param shape the sizes of the dimensions (none for a scalar)
     * @return a leaf that does not require grad
     */
    public static Tensor ones(int... shape) {
        return filled(Shape.of("ones", shape), 1.0);
    }

    /**
     * {@code value} everywhere in the given shape.
     *
     * @param value the value of every element
     * @param shape the sizes of the dimensions (none for a scalar)
     * @return a leaf that does not require grad
     */
    public static Tensor full(double value, int... shape) {
        return filled(Shape.of("full", shape), value);
    }

    /**
     * Zeros of {@code t}'s shape.
     *
     * @param t the tensor whose shape is taken (its values are not read)
     * @return a new leaf that does not require grad
     */
    public static Tensor zerosLike(Tensor t) {
        Objects.requireNonNull(t, "zerosLike: tensor is null");
        return zeros(t.dtype(), t.shape.toArray());
    }

    /**
     * Ones of {@code t}'s shape.
     *
     * @param t the tensor whose shape is taken (its values are not read)
     * @return a new leaf that does not require grad
     */
    public static Tensor onesLike(Tensor t) {
        Objects.requireNonNull(t, "onesLike: tensor is null");
        return full(1.0, t.dtype(), t.shape.toArray());
    }

    /**
     * Zeros of type {@code dtype} (PyTorch's {@code torch.zeros(..., dtype=...)}).
     *
     * @param dtype the element type
     * @param shape the sizes
     * @return the tensor
     */
    public static Tensor zeros(DType dtype, int... shape) {
        Objects.requireNonNull(dtype, "zeros: dtype is null");
        Shape s = Shape.of("zeros", shape);
        return constant(dtype == DType.FLOAT32 ? Storage.of(new float[s.numel()]) : Storage.of(new double[s.numel()]), s);
    }

    /**
     * Ones of type {@code dtype}.
     *
     * @param dtype the element type
     * @param shape the sizes
     * @return the tensor
     */
    public static Tensor ones(DType dtype, int... shape) {
        return full(1.0, dtype, shape);
    }

    /**
     * {@code value} everywhere, of type {@code dtype}.
     *
     * @param value the value (rounded once for float32)
     * @param dtype the element type
     * @param shape the sizes
     * @return the tensor
     */
    public static Tensor full(double value, DType dtype, int... shape) {
        Objects.requireNonNull(dtype, "full: dtype is null");
        Tensor t = filled(Shape.of("full", shape), value);
        return dtype == DType.FLOAT64 ? t : constant(t.data.as(dtype), t.shape);
    }

    /**
     * A rank-0 tensor of type {@code dtype}.
     *
     * @param value the value
     * @param dtype the element type
     * @return the tensor
     */
    public static Tensor scalar(double value, DType dtype) {
        return full(value, dtype);
    }

    /**
     * A float32 tensor of the given shape over a copy of {@code data} (row-major).
     *
     * @param data  the values
     * @param shape the sizes
     * @return the tensor
     * @throws IllegalArgumentException when {@code data.length} is not the shape's element count
     */
    public static Tensor of(float[] data, int... shape) {
        Objects.requireNonNull(data, "of: data is null");
        Objects.requireNonNull(shape, "of: shape is null");
        Shape s = Shape.of("of", shape);
        if (data.length != s.numel()) {
            throw new IllegalArgumentException("of: " + data.length + " values do not fill shape " + s
                    + ", which holds " + s.numel());
        }
        return constant(Storage.of(data.clone()), s);
    }

    /**
     * A 1-d float32 tensor over a copy of {@code values}, as {@code torch.tensor([...], dtype=torch.float32)}.
     *
     * @param values the values
     * @return the tensor
     */
    public static Tensor of(float[] values) {
        Objects.requireNonNull(values, "of: data is null");
        return of(values, values.length);
    }

    private static Tensor filled(Shape shape, double value) {
        double[] data = new double[shape.numel()];
        Arrays.fill(data, value);
        return constant(data, shape);
    }

    /**
     * {@code 0, 1, ..., n - 1}.
     *
     * @param n how many values, 0 or more
     * @return a leaf of shape {@code (n,)} that does not require grad
     */
    public static Tensor arange(int n) {
        return arange(0, n, 1);
    }

    /**
     * {@code start, start + step, ...} up to but excluding {@code end}, as NumPy's arange.
     *
     * @param start the first value
     * @param end   the bound, not included
     * @param step  the distance between values, negative to count down
     * @return a leaf of shape {@code (ceil((end - start) / step),)}, empty when the range is, that
     *         does not require grad
     * @throws IllegalArgumentException when {@code step} is 0 or not finite, or the range holds more
     *                                  than 2^31-1 values
     */
    public static Tensor arange(double start, double end, double step) {
        if (step == 0.0 || !Double.isFinite(step) || !Double.isFinite(start) || !Double.isFinite(end)) {
            throw new IllegalArgumentException("arange: start " + start + ", end " + end + ", step " + step
                    + ": expected finite values and a non-zero step");
        }
        double count = Math.max(0, Math.ceil((end - start) / step));
        if (count > Shape.MAX_NUMEL) {
            throw new IllegalArgumentException("arange: start " + start + ", end " + end + ", step " + step + " give "
                    + (count < 1e18 ? String.valueOf((long) count) : String.valueOf(count)) + " values, more than the " + Shape.MAX_NUMEL
                    + " (2^31-1) a tensor can hold");
        }
        int n = (int) count;
        double[] data = new double[n];
        for (int i = 0; i < n; i++) {
            data[i] = start + i * step;
        }
        return constant(data, Shape.of("arange", n));
    }

    /**
     * {@code n} evenly spaced values from {@code start} to {@code end}, both included.
     *
     * @param start the first value
     * @param end   the last value (unused when {@code n} is 1: the one value is {@code start})
     * @param n     how many values
     * @return a leaf of shape {@code (n,)} that does not require grad
     * @throws IllegalArgumentException when {@code n} is negative
     */
    public static Tensor linspace(double start, double end, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("linspace: n must be zero or positive, got " + n);
        }
        double[] data = new double[n];
        for (int i = 0; i < n; i++) {
            data[i] = n == 1 ? start : start + (end - start) * i / (n - 1);
        }
        return constant(data, Shape.of("linspace", n));
    }

    /**
     * The {@code n} x {@code n} identity.
     *
     * @param n the number of rows and columns
     * @return a leaf of shape {@code (n, n)} that does not require grad
     */
    public static Tensor eye(int n) {
        Shape s = Shape.of("eye", n, n);
        double[] data = new double[s.numel()];
        for (int i = 0; i < n; i++) {
            data[i * n + i] = 1.0;
        }
        return constant(data, s);
    }

    /**
     * Uniform in [0, 1) from {@code rng}, so runs repeat exactly for a seed.
     *
     * @param rng   the source of randomness; its state advances by one draw per element
     * @param shape the sizes of the dimensions
     * @return a leaf that does not require grad
     */
    public static Tensor rand(Random rng, int... shape) {
        Random r = Generator.checked("rand", rng);
        Shape s = Shape.of("rand", shape);
        double[] data = new double[s.numel()];
        for (int i = 0; i < data.length; i++) {
            data[i] = r.nextDouble();
        }
        return constant(data, s);
    }

    /**
     * Uniform in [0, 1) from this thread's default generator ({@link Generator#manualSeed}), as
     * {@code torch.rand}.
     *
     * @param shape the sizes of the dimensions
     * @return a leaf that does not require grad
     */
    public static Tensor rand(int... shape) {
        return rand(Generator.current(), shape);
    }

    /**
     * Standard normal from {@code rng}, so runs repeat exactly for a seed.
     *
     * @param rng   the source of randomness; its state advances by one Gaussian draw per element
     * @param shape the sizes of the dimensions
     * @return a leaf that does not require grad
     */
    public static Tensor randn(Random rng, int... shape) {
        Random r = Generator.checked("randn", rng);
        Shape s = Shape.of("randn", shape);
        double[] data = new double[s.numel()];
        for (int i = 0; i < data.length; i++) {
            data[i] = r.nextGaussian();
        }
        return constant(data, s);
    }

    /**
     * Standard normal from this thread's default generator ({@link Generator#manualSeed}), as
     * {@code torch.randn}.
     *
     * @param shape the sizes of the dimensions
     * @return a leaf that does not require grad
     */
    public static Tensor randn(int... shape) {
        return randn(Generator.current(), shape);
    }

    /**
     * A rank-2 tensor over an EJML matrix. The matrix's array is shared, not copied, when it holds
     * exactly {@code rows * cols} values (EJML may over-allocate, in which case it is copied): do
     * not change the matrix afterwards.
     *
     * @param m the matrix; its first {@code rows * cols} values are read row-major
     * @return a leaf of shape {@code (rows, cols)} that does not require grad
     */
    public static Tensor fromMatrix(DMatrixRMaj m) {
        Objects.requireNonNull(m, "fromMatrix: matrix is null");
        int n = m.getNumElements();
        double[] data = m.data.length == n ? m.data : Arrays.copyOf(m.data, n);
        return constant(data, Shape.of("fromMatrix", m.numRows, m.numCols));
    }

    /**
     * This rank-2 tensor as an EJML matrix that shares its array (no copy) when it is float64 (a
     * float32 one is widened into a new array): do not change the matrix. Use
     * {@code toMatrix().copy()} for one you may change.
     *
     * @return a {@code rows x cols} matrix over this tensor's storage
     * @throws IllegalStateException when the tensor is not 2-d
     */
    public DMatrixRMaj toMatrix() {
        if (dim() != 2) {
            throw new IllegalStateException("toMatrix: expected a 2-d tensor, got shape " + shape);
        }
        return DMatrixRMaj.wrap(shape.size(0), shape.size(1), data.asDoubles());
    }

    private static Tensor constant(double[] data, Shape shape) {
        return new Tensor(Storage.of(data), shape, "leaf", NO_INPUTS, null, false);
    }

    private static Tensor constant(Storage data, Shape shape) {
        return new Tensor(data, shape, "leaf", NO_INPUTS, null, false);
    }

    // ------------------------------------------------------------------ properties

    /** The shape. */
    @Override
    public Shape shape() {
        return shape;
    }

    /**
     * The number of dimensions (0 for a scalar).
     *
     * @return the rank, 0 or more
     */
    public int dim() {
        return shape.rank();
    }

    /**
     * The number of elements.
     *
     * @return the product of the sizes (1 for a scalar, 0 when a size is 0)
     */
    public int numel() {
        return shape.numel();
    }

    /**
     * The size of dimension {@code d} (negative counts from the end).
     *
     * @param d the dimension, from {@code -dim()} to {@code dim() - 1}
     * @return that dimension's size
     */
    public int size(int d) {
        return shape.size(d);
    }

    /**
     * The single element of a one-element tensor.
     *
     * @return the element
     * @throws IllegalStateException when the tensor has other than one element
     */
    public double item() {
        if (data.length() != 1) {
            throw new IllegalStateException("item: expected a tensor with one element, got shape " + shape);
        }
        return data.get(0);
    }

    /**
     * The element at {@code index} (one index per dimension, negative counts from the end).
     *
     * @param index one index per dimension, each from {@code -size} to {@code size - 1}
     * @return the element's value
     * @throws IllegalArgumentException when the index does not fit the shape
     */
    public double get(int... index) {
        Objects.requireNonNull(index, "get: index is null");
        if (index.length != dim()) {
            throw new IllegalArgumentException("get: " + index.length + " indices for a " + dim() + "-d tensor of shape " + shape);
        }
        int flat = 0;
        for (int d = 0; d < index.length; d++) {
            int size = shape.size(d);
            int i = index[d] < 0 ? index[d] + size : index[d];
            if (i < 0 || i >= size) {
                throw new IllegalArgumentException("get: index " + index[d] + " out of range for dim " + d
                        + " of size " + size + " (shape " + shape + ")");
            }
            flat = flat * size + i;
        }
        return data.get(flat);
    }

    /**
     * A copy of the elements as doubles, row-major (a float32 tensor's widened exactly).
     *
     * @return a new array of {@code numel()} values
     */
    public double[] toArray() {
        return data.doubles != null ? data.doubles.clone() : data.asDoubles();
    }

    /**
     * A copy of the elements as floats, row-major (a float64 tensor's rounded).
     *
     * @return a new array of {@code numel()} values
     */
    public float[] toFloatArray() {
        return data.floats != null ? data.floats.clone() : data.asFloats();
    }

    /**
     * The type of the elements.
     *
     * @return {@link DType#FLOAT64} or {@link DType#FLOAT32}
     */
    public DType dtype() {
        return data.dtype();
    }

    /**
     * The backing array of a float64 tensor itself, row-major, {@code numel()} long: for kernels
     * and custom operations that read many elements. Treat it as read-only, except to change a
     * leaf's values in place followed by {@link #incrementVersion()}; any other change corrupts
     * every graph that uses this tensor.
     *
     * @return the array
     * @throws IllegalStateException for a float32 tensor ({@link #floatStorage()}, or {@link #doubles()})
     */
    public double[] storage() {
        if (data.doubles == null) {
            throw new IllegalStateException("storage: " + describe() + " is float32; use floatStorage(), or doubles()"
                    + " for its values as doubles");
        }
        return data.doubles;
    }

    /**
     * The backing array of a float32 tensor itself, as {@link #storage()} is for float64.
     *
     * @return the array
     * @throws IllegalStateException for a float64 tensor ({@link #storage()})
     */
    public float[] floatStorage() {
        if (data.floats == null) {
            throw new IllegalStateException("floatStorage: " + describe() + " is float64; use storage()");
        }
        return data.floats;
    }

    /**
     * The elements as doubles, for reading: the backing array of a float64 tensor (do not change
     * it), a widened copy of a float32 one. The form of kernels that compute in double precision
     * for both types.
     *
     * @return the values, row-major
     */
    public double[] doubles() {
        return data.asDoubles();
    }

    /**
     * This tensor's values in type {@code dtype} (PyTorch's {@code x.to(dtype)}): this tensor when
     * it has that type already, else a copy that gradients flow through, converted back.
     *
     * @param dtype the type wanted
     * @return a tensor of that type
     */
    public Tensor to(DType dtype) {
        Objects.requireNonNull(dtype, "to: dtype is null");
        if (dtype == dtype()) {
            return this;
        }
        Tensor source = this;
        Object array = dtype == DType.FLOAT32 ? data.asFloats() : data.asDoubles();
        return make("to", dtype, shape, array, BackwardRule.gradientOnly((g, out) -> new Tensor[] {g.to(source.dtype())}),
                null, new Tensor[] {this});
    }

    // ------------------------------------------------------------------ gradients

    /**
     * Marks a leaf as a parameter or input that gradients should reach; returns this tensor.
     *
     * @param requires true for gradients to reach this leaf, false to stop them
     * @return this tensor
     * @throws IllegalStateException for a tensor made by an operation (use {@link #detach()} first)
     */
    public Tensor requiresGrad(boolean requires) {
        if (!isLeaf()) {
            throw new IllegalStateException("requiresGrad: " + describe() + " was made by " + opName
                    + "; only a leaf can be marked (detach() it first)");
        }
        this.requiresGrad = requires;
        return this;
    }

    @Override
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /**
     * Overwrites this leaf's values in place with a copy of {@code values}: for optimiser steps
     * and loading checkpoints. Graphs already built from this leaf see the new values, as with
     * PyTorch's in-place updates under {@code no_grad}; do it between backward passes: the change
     * counts as a new {@link #version()}, and a backward rule that saved this tensor (or any
     * tensor sharing its storage) before the change refuses to run rather than give a wrong gradient.
     *
     * @param values the new values, of this tensor's shape; read, not kept
     * @throws IllegalStateException    for a tensor made by an operation (its values follow from its inputs)
     * @throws IllegalArgumentException when the shapes differ
     */
    public void copyFrom(Tensor values) {
        Objects.requireNonNull(values, "copyFrom: values are null");
        requireLeaf("copyFrom");
        if (!values.shape.equals(shape)) {
            throw new IllegalArgumentException("copyFrom: values of shape " + values.shape
                    + " do not fit " + describe());
        }
        data.overwrite(values.data);
    }

    /**
     * Counts a change of this leaf's values made in place through its backing array
     * ({@link #storage()}, {@link #floatStorage()}) as a new {@link #version()}, as
     * {@link #copyFrom} does its own (PyTorch's {@code torch.autograd.graph.increment_version}):
     * for a kernel, an optimiser step for one, that writes the values itself instead of copying
     * them from a new tensor. Call it once the values are written; a backward rule that saved this
     * tensor before then refuses to run rather than give a wrong gradient.
     *
     * @throws IllegalStateException for a tensor made by an operation (its values follow from its inputs)
     */
    public void incrementVersion() {
        requireLeaf("incrementVersion");
        data.changed();
    }

    private void requireLeaf(String op) {
        if (!isLeaf()) {
            throw new IllegalStateException(op + ": " + describe() + " was made by " + opName
                    + "; only a leaf's values can be overwritten");
        }
    }

    /**
     * The gradient accumulated by backward passes, or null when none has reached this tensor.
     *
     * @return the gradient, of this tensor's shape, or null
     */
    public Tensor grad() {
        return grad;
    }

    /** Clears the gradient (sets it to null, as PyTorch's {@code zero_grad(set_to_none=True)}). */
    public void zeroGrad() {
        grad = null;
    }

    /**
     * Keeps this interior tensor's gradient after backward passes (PyTorch's
     * {@code retain_grad()}); returns this.
     *
     * @return this tensor
     */
    public Tensor retainGrad() {
        retainsGrad = true;
        return this;
    }

    /**
     * True when this tensor keeps its gradient after a pass: every leaf, and interior tensors asked
     * to.
     *
     * @return whether {@link #grad()} still holds this tensor's gradient after a pass
     */
    public boolean retainsGrad() {
        return isLeaf() || retainsGrad;
    }

    /**
     * The same data (shared), cut from the graph: a leaf that does not require grad.
     *
     * @return a new leaf over this tensor's storage: in-place changes to one show in the other
     */
    public Tensor detach() {
        return constant(data, shape);
    }

    /**
     * How many times this tensor's storage was changed in place ({@link #copyFrom}), counted over
     * every tensor that shares it (views, {@link #detach()}), as PyTorch's {@code _version}.
     *
     * @return the number of in-place changes so far, 0 for storage never changed
     */
    public int version() {
        return data.version();
    }

    /**
     * Back-propagates from this one-element tensor: every tensor it depends on that requires grad
     * receives d(this)/d(tensor), accumulated into leaves. Frees the graph afterwards.
     *
     * @throws IllegalArgumentException when this tensor has more than one element
     * @throws IllegalStateException    when it does not require grad, or its graph was freed
     */
    public void backward() {
        backward(null, false, false);
    }

    /**
     * Back-propagates {@code gradient} (the gradient of some loss with respect to this tensor, of
     * its shape).
     *
     * @param gradient d(loss)/d(this), of this tensor's shape; null means 1 for a one-element
     *                 tensor
     */
    public void backward(Tensor gradient) {
        backward(gradient, false, false);
    }

    /**
     * Back-propagates {@code gradient} (null for a one-element tensor means 1).
     *
     * @param gradient    d(loss)/d(this), of this tensor's shape
     * @param retainGraph keep what the rules saved, so that the graph can be back-propagated again
     * @param createGraph record the backward pass itself, so the gradients can be differentiated
     */
    public void backward(Tensor gradient, boolean retainGraph, boolean createGraph) {
        runBackward(checkedSeed("backward", gradient), retainGraph, createGraph);
    }

    /** One backward pass from this tensor with a checked seed. */
    void runBackward(Tensor seed, boolean retainGraph, boolean createGraph) {
        startBackward(seed, createGraph).finish(retainGraph);
    }

    private BackwardPass startBackward(Tensor seed, boolean createGraph) {
        BackwardPass pass = new BackwardPass(this, createGraph);
        if (isLeaf()) {
            accumulate(seed);
        } else {
            grad = seed;
        }
        return pass;
    }

    /**
     * Back-propagates from this one-element tensor one node at a time: each {@code next()} runs
     * one node's rule, outputs first, and says what it sent to each input. Exhausting the iterator
     * leaves exactly the state {@link #backward()} would (the graph is freed at the end).
     *
     * @return the steps, one per node that receives a gradient; close it to stop part way
     */
    public BackwardSteps<Tensor, Tensor> backwardSteps() {
        return backwardSteps(null, false);
    }

    /**
     * {@link #backwardSteps()} with a gradient (null means 1 for one element) and graph retention.
     *
     * @param gradient    d(loss)/d(this), of this tensor's shape; null means 1 for a one-element
     *                    tensor
     * @param retainGraph keep what the rules saved, so that the graph can be back-propagated again
     * @return the steps, one per node that receives a gradient; close it to stop part way
     */
    public BackwardSteps<Tensor, Tensor> backwardSteps(Tensor gradient, boolean retainGraph) {
        BackwardPass pass = startBackward(checkedSeed("backwardSteps", gradient), false);
        return new BackwardSteps<>(pass, Tensor::describedStep, retainGraph);
    }

    /**
     * Runs {@code hook} on this tensor's gradient in each backward pass, once the gradient is
     * complete, as PyTorch's {@code register_hook}: a hook that returns a tensor (of the same
     * shape) replaces the gradient that flows on; one that returns null leaves it as it is, so a
     * hook that only watches returns null. For a leaf, the hook sees this pass's part alone, before
     * it is added to {@link #grad()}. Hooks run in the order they were registered.
     *
     * @param hook given this tensor's gradient; returns its replacement of the same shape, or null
     *             to keep it
     * @return a handle whose {@code remove()} takes this hook off again
     */
    public HookHandle registerHook(UnaryOperator<Tensor> hook) {
        Objects.requireNonNull(hook, "registerHook: hook is null");
        return this.<Tensor>hooksToAddTo().add(g -> {
            Tensor replaced = hook.apply(g);
            if (replaced == null) {
                return g;
            }
            if (!replaced.shape.equals(g.shape)) {
                throw new IllegalStateException(opName + ": a gradient hook returned shape " + replaced.shape
                        + " for a gradient of shape " + g.shape);
            }
            return replaced;
        });
    }

    /** Removes every hook added with {@link #registerHook}. */
    public void clearHooks() {
        removeHooks();
    }

    Tensor checkedSeed(String op, Tensor gradient) {
        if (!requiresGrad) {
            throw new IllegalStateException(op + ": " + describe() + " does not require grad: no input it was made"
                    + " from requires grad, or it was made under Grad.disabled()");
        }
        if (gradient == null) {
            if (numel() != 1) {
                throw new IllegalArgumentException(op + ": a gradient is needed for an output of shape " + shape
                        + "; pass backward(gradient) with a tensor of that shape, or reduce the output to one element");
            }
            return onesLike(this);
        }
        if (!gradient.shape.equals(shape)) {
            throw new IllegalArgumentException(op + ": gradient of shape " + gradient.shape
                    + " does not match the output's shape " + shape);
        }
        return gradient;
    }

    void accumulate(Tensor contribution) {
        grad = grad == null ? contribution : grad.add(contribution);
    }

    /**
     * Replaces this tensor's gradient, e.g. with a clipped one between {@code backward()} and an
     * optimiser step ({@code null} clears it).
     *
     * @param gradient the new gradient, of this tensor's shape, or null for none
     * @throws IllegalArgumentException when the gradient's shape is not this tensor's
     */
    public void setGrad(Tensor gradient) {
        if (gradient != null && !gradient.shape.equals(shape)) {
            throw new IllegalArgumentException("setGrad: gradient of shape " + gradient.shape
                    + " does not fit " + describe());
        }
        grad = gradient;
    }

    @Override
    int enterPass() {
        checkPass();
        return START_LATER;
    }

    @Override
    void checkPass() {
        if (freed) {
            throw new IllegalStateException("backward: the graph through " + describe() + " (" + opName
                    + ") was freed by an earlier backward pass; pass retainGraph=true to the first"
                    + " backward(gradient, retainGraph, createGraph) to back-propagate through it again");
        }
        checkSavedVersions();
    }

    @Override
    boolean startPass() {
        if (!isLeaf()) {
            grad = null;
            return true;
        }
        GradHooks<Tensor> hooks = hooks();
        if (hooks != null) {
            hooks.prior = grad;
            grad = null;
            return true;
        }
        return false;
    }


    @Override
    void propagate(boolean createGraph) {
        if (grad != null) {
            grad = withHooks(grad);
            deliver(contributions(grad, createGraph));
        }
    }

    /** {@link #propagate}, described for {@link #backwardSteps()}. */
    private BackwardStep<Tensor, Tensor> describedStep(boolean createGraph) {
        Tensor[] sent = new Tensor[inputs.length];
        if (grad != null) {
            grad = withHooks(grad);
            sent = contributions(grad, createGraph);
            deliver(sent);
        }
        return new BackwardStep<>(this, grad, List.of(inputs), Collections.unmodifiableList(Arrays.asList(sent)));
    }

    private void deliver(Tensor[] sent) {
        for (int i = 0; i < sent.length; i++) {
            if (sent[i] != null) {
                checkReceipt(i, sent[i], grad);
                inputs[i].accumulate(sent[i]);
            }
        }
    }

    /** {@code g} after this node's gradient hooks, which may replace it. */
    Tensor withHooks(Tensor g) {
        GradHooks<Tensor> hooks = hooks();
        return hooks == null ? g : hooks.apply(g);
    }

    /**
     * What this node's rule sends to each input for the upstream gradient {@code g} (null where
     * nothing flows), each summed back to its input's shape: the one place where broadcasting is
     * undone.
     */
    Tensor[] contributions(Tensor g, boolean createGraph) {
        Tensor[] sent = new Tensor[inputs.length];
        try (var recording = createGraph ? Grad.enabled() : Grad.disabled();
             var checkedOnReceipt = Debug.anomaliesOn() ? Debug.runningRule() : null) {
            Tensor[] grads = rule.apply(g, this);
            if (grads == null || grads.length != inputs.length) {
                throw new IllegalStateException(opName + ": its backward rule returned "
                        + (grads == null ? "null" : grads.length + " gradients") + " for " + inputs.length + " inputs");
            }
            for (int i = 0; i < inputs.length; i++) {
                Tensor in = inputs[i];
                Tensor c = grads[i];
                if (c == null || !in.requiresGrad) {
                    continue;
                }
                if (!c.shape.equals(in.shape)) {
                    if (!in.shape.broadcastsTo(c.shape)) {
                        throw new IllegalStateException(opName + ": its backward rule returned a gradient of shape "
                                + c.shape + " for input " + i + " of shape " + in.shape);
                    }
                    c = c.sumToShape(in.shape);
                }
                if (c.dtype() != in.dtype()) {
                    c = c.to(in.dtype()); // a gradient has its tensor's type, as PyTorch's engine makes sure
                }
                sent[i] = createGraph || !c.requiresGrad ? c : c.detach();
            }
        }
        return sent;
    }

    /** Under anomaly detection, refuses a non-finite gradient that this node's rule sent to input {@code i}. */
    void checkReceipt(int i, Tensor sent, Tensor upstream) {
        if (Debug.anomaliesOn() && !Debug.allFinite(sent.doubles())) {
            throw AnomalyException.backward(this, i, sent.dataSummary(), upstream.dataSummary());
        }
    }

    /** The versions of the inputs, then of the output, now. */
    private int[] versionsNow() {
        int[] versions = new int[inputs.length + 1];
        for (int i = 0; i < inputs.length; i++) {
            versions[i] = inputs[i].data.version();
        }
        versions[inputs.length] = data.version();
        return versions;
    }

    /**
     * Refuses to run this node's rule when a tensor it saved (an input, or the output) was changed
     * in place since the operation was recorded: the rule would compute the gradient from the new
     * values, a wrong answer with no sign of it.
     */
    private void checkSavedVersions() {
        if (savedVersions == null) {
            return;
        }
        int[] now = versionsNow();
        for (int i = 0; i < now.length; i++) {
            if (now[i] != savedVersions[i]) {
                String which = i < inputs.length
                        ? "input " + i + " of " + opName + ", " + inputs[i].describe() + ","
                        : "the output of " + opName + ", " + describe() + ",";
                throw new IllegalStateException("backward: " + which + " was changed in place after " + opName
                        + " saved it for its backward rule (it is at version " + now[i] + ", " + opName + " saved version "
                        + savedVersions[i] + "), so its gradient would be wrong; change tensors after backward(), or"
                        + " record the operation on a copy (clone())");
            }
        }
    }

    @Override
    void endPass(boolean retainGraph) {
        if (isLeaf()) {
            GradHooks<Tensor> hooks = hooks();
            if (hooks != null) {
                Tensor passGrad = grad == null ? null : hooks.apply(grad);
                grad = hooks.prior == null ? passGrad : passGrad == null ? hooks.prior : hooks.prior.add(passGrad);
            }
            return;
        }
        if (!retainsGrad) {
            grad = null;
        }
        if (!retainGraph) {
            free();
        }
    }

    /**
     * Frees this interior node as PyTorch frees its graph: what the rule saved, and the links that
     * would keep every intermediate tensor reachable from the root while the caller holds it.
     */
    void free() {
        rule = null;
        replay = null;
        inputs = NO_INPUTS;
        freed = true;
    }

    // ------------------------------------------------------------------ graph

    @Override
    public String opName() {
        return opName;
    }

    @Override
    public int inputCount() {
        return inputs.length;
    }

    @Override
    public Tensor input(int i) {
        return inputs[i];
    }

    @Override
    public boolean isLeaf() {
        return inputs.length == 0 && !freed;
    }

    /**
     * A check of this node's backward rule alone against finite differences of its operation at
     * its current inputs (those that require grad), when the operation can be run again: see
     * {@code GraphCheck.locate} for checking a whole graph node by node. Empty for a leaf, after
     * the graph was freed, or for an operation recorded without a replay.
     */
    @Override
    public Optional<GradCheck> ruleCheck() {
        if (rule == null || replay == null) {
            return Optional.empty();
        }
        Tensor[] copies = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            copies[i] = constant(inputs[i].data.copy(), inputs[i].shape).requiresGrad(inputs[i].requiresGrad);
        }
        return Optional.of(GradCheck.of(replay, copies));
    }

    /**
     * Gives this tensor a name for {@code toString()}, graph views and error messages; returns this
     * tensor.
     *
     * @param label the name, or null to remove it
     * @return this tensor
     */
    public Tensor label(String label) {
        setLabel(label);
        return this;
    }

    @Override
    public String dataSummary() {
        return TensorFormat.summary(data.asDoubles(), shape);
    }

    @Override
    public String gradSummary() {
        return grad == null ? null : TensorFormat.summary(grad.data.asDoubles(), grad.shape);
    }

    private String describe() {
        String label = label();
        return label == null ? "tensor of shape " + shape : "tensor '" + label + "' of shape " + shape;
    }

    /** Like PyTorch: {@code tensor([[1.0000, 2.0000], ...], requires_grad=True)}, elided when large. */
    @Override
    public String toString() {
        return TensorFormat.format(this);
    }

    // ------------------------------------------------------------------ elementwise: ops/UnaryOps, ops/BinaryOps

    /** {@code this + other}, broadcasting. */
    @Override
    public Tensor add(Tensor other) { return BinaryOps.add(this, other); }
    /** {@code this + c}. */
    @Override
    public Tensor add(double c) { return BinaryOps.add(this, scalar(c, dtype())); }
    /** {@code this - other}, broadcasting. */
    @Override
    public Tensor sub(Tensor other) { return BinaryOps.sub(this, other); }
    /** {@code this - c}. */
    @Override
    public Tensor sub(double c) { return BinaryOps.sub(this, scalar(c, dtype())); }
    /** {@code this * other}, elementwise, broadcasting. */
    @Override
    public Tensor mul(Tensor other) { return BinaryOps.mul(this, other); }
    /** {@code this * c}. */
    @Override
    public Tensor mul(double c) { return BinaryOps.mul(this, scalar(c, dtype())); }
    /** {@code this / other}, elementwise, broadcasting. */
    @Override
    public Tensor div(Tensor other) { return BinaryOps.div(this, other); }
    /**
     * {@code this / c}.
     *
     * @param c the divisor (0 gives infinities or NaN, as IEEE division)
     * @return a new tensor of this tensor's shape
     */
    public Tensor div(double c) { return BinaryOps.div(this, scalar(c, dtype())); }
    /** {@code this ^ exponent}, elementwise, broadcasting; differentiable in both. */
    @Override
    public Tensor pow(Tensor exponent) { return BinaryOps.pow(this, exponent); }
    /** {@code this ^ exponent} for a constant exponent. */
    @Override
    public Tensor pow(double exponent) { return UnaryOps.pow(this, exponent); }
    /**
     * The elementwise larger of the two, broadcasting; ties split the gradient evenly.
     *
     * @param other the other operand; broadcasts with this tensor
     * @return a new tensor of the broadcast shape
     */
    public Tensor maximum(Tensor other) { return BinaryOps.maximum(this, other); }
    /**
     * The elementwise smaller of the two, broadcasting; ties split the gradient evenly.
     *
     * @param other the other operand; broadcasts with this tensor
     * @return a new tensor of the broadcast shape
     */
    public Tensor minimum(Tensor other) { return BinaryOps.minimum(this, other); }
    /**
     * 1 where {@code this == other}, else 0; no gradient.
     *
     * @param other the right-hand side; broadcasts with this tensor
     * @return 0/1 values of the broadcast shape, a constant that does not require grad
     */
    public Tensor eq(Tensor other) { return BinaryOps.eq(this, other); }
    /**
     * 1 where {@code this == c}, else 0; no gradient.
     *
     * @param c the value compared with
     * @return 0/1 values of this tensor's shape, a constant that does not require grad
     */
    public Tensor eq(double c) { return BinaryOps.eq(this, scalar(c, dtype())); }
    /**
     * 1 where {@code this != other}, else 0; no gradient.
     *
     * @param other the right-hand side; broadcasts with this tensor
     * @return 0/1 values of the broadcast shape, a constant that does not require grad
     */
    public Tensor ne(Tensor other) { return BinaryOps.ne(this, other); }
    /**
     * 1 where {@code this != c}, else 0; no gradient.
     *
     * @param c the value compared with
     * @return 0/1 values of this tensor's shape, a constant that does not require grad
     */
    public Tensor ne(double c) { return BinaryOps.ne(this, scalar(c, dtype())); }
    /**
     * 1 where {@code this < other}, else 0; no gradient.
     *
     * @param other the right-hand side; broadcasts with this tensor
     * @return 0/1 values of the broadcast shape, a constant that does not require grad
     */
    public Tensor lt(Tensor other) { return BinaryOps.lt(this, other); }
    /**
     * 1 where {@code this < c}, else 0; no gradient.
     *
     * @param c the value compared with
     * @return 0/1 values of this tensor's shape, a constant that does not require grad
     */
    public Tensor lt(double c) { return BinaryOps.lt(this, scalar(c, dtype())); }
    /**
     * 1 where {@code this <= other}, else 0; no gradient.
     *
     * @param other the right-hand side; broadcasts with this tensor
     * @return 0/1 values of the broadcast shape, a constant that does not require grad
     */
    public Tensor le(Tensor other) { return BinaryOps.le(this, other); }
    /**
     * 1 where {@code this <= c}, else 0; no gradient.
     *
     * @param c the value compared with
     * @return 0/1 values of this tensor's shape, a constant that does not require grad
     */
    public Tensor le(double c) { return BinaryOps.le(this, scalar(c, dtype())); }
    /**
     * 1 where {@code this > other}, else 0; no gradient.
     *
     * @param other the right-hand side; broadcasts with this tensor
     * @return 0/1 values of the broadcast shape, a constant that does not require grad
     */
    public Tensor gt(Tensor other) { return BinaryOps.gt(this, other); }
    /**
     * 1 where {@code this > c}, else 0; no gradient.
     *
     * @param c the value compared with
     * @return 0/1 values of this tensor's shape, a constant that does not require grad
     */
    public Tensor gt(double c) { return BinaryOps.gt(this, scalar(c, dtype())); }
    /**
     * 1 where {@code this >= other}, else 0; no gradient.
     *
     * @param other the right-hand side; broadcasts with this tensor
     * @return 0/1 values of the broadcast shape, a constant that does not require grad
     */
    public Tensor ge(Tensor other) { return BinaryOps.ge(this, other); }
    /**
     * 1 where {@code this >= c}, else 0; no gradient.
     *
     * @param c the value compared with
     * @return 0/1 values of this tensor's shape, a constant that does not require grad
     */
    public Tensor ge(double c) { return BinaryOps.ge(this, scalar(c, dtype())); }

    /**
     * {@code value} where {@code mask} is non-zero, else this tensor, broadcasting (PyTorch's
     * {@code x.masked_fill(mask, value)}).
     *
     * @param mask  where to fill: non-zero (NaN included) means fill; no gradient flows to it
     * @param value the fill value, a constant
     * @return a new tensor of the broadcast shape of this tensor and {@code mask}; the gradient
     *         flows to this tensor where it was kept
     */
    public Tensor maskedFill(Tensor mask, double value) { return BinaryOps.where(mask, scalar(value, dtype()), this); }
    /**
     * {@code a} where {@code condition} is non-zero, else {@code b}; all three broadcast.
     *
     * @param condition which operand to take: non-zero (NaN included) takes {@code a}; no gradient
     *                  flows to it
     * @param a         the values where the condition holds
     * @param b         the values elsewhere
     * @return a new tensor of the broadcast shape of the three
     */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) { return BinaryOps.where(condition, a, b); }
    /** {@code this} where {@code condition} is non-zero, else {@code other}, broadcasting (PyTorch's {@code x.where(condition, y)}). */
    @Override
    public Tensor where(Tensor condition, Tensor other) { return BinaryOps.where(condition, this, other); }
    /** {@code f} of each element, as a tensor no gradient flows through (the masks of derivative rules). */
    @Override
    public Tensor map(DoubleUnaryOperator f) { return UnaryOps.mask(this, f); }

    /** {@code -this}. */
    @Override
    public Tensor neg() { return UnaryOps.neg(this); }
    /** {@code e ^ this}. */
    @Override
    public Tensor exp() { return UnaryOps.exp(this); }
    /** The natural logarithm. */
    @Override
    public Tensor log() { return UnaryOps.log(this); }
    /**
     * {@code log(1 + this)}, accurate near 0.
     *
     * @return a new tensor of this tensor's shape
     */
    public Tensor log1p() { return UnaryOps.log1p(this); }
    /**
     * {@code e ^ this - 1}, accurate near 0.
     *
     * @return a new tensor of this tensor's shape
     */
    public Tensor expm1() { return UnaryOps.expm1(this); }
    /** The square root. */
    @Override
    public Tensor sqrt() { return UnaryOps.sqrt(this); }
    /**
     * {@code 1 / sqrt(this)}.
     *
     * @return a new tensor of this tensor's shape (infinite at 0, NaN below)
     */
    public Tensor rsqrt() { return UnaryOps.rsqrt(this); }
    /** The absolute value; derivative 0 at 0. */
    @Override
    public Tensor abs() { return UnaryOps.abs(this); }
    /**
     * -1, 0 or 1; no gradient (zero).
     *
     * @return a new tensor of this tensor's shape
     */
    public Tensor sign() { return UnaryOps.sign(this); }
    /** The sine. */
    @Override
    public Tensor sin() { return UnaryOps.sin(this); }
    /** The cosine. */
    @Override
    public Tensor cos() { return UnaryOps.cos(this); }
    /**
     * The hyperbolic tangent.
     *
     * @return a new tensor of this tensor's shape, values in [-1, 1]
     */
    public Tensor tanh() { return UnaryOps.tanh(this); }
    /**
     * The logistic function.
     *
     * @return a new tensor of this tensor's shape, values in [0, 1]
     */
    public Tensor sigmoid() { return UnaryOps.sigmoid(this); }
    /**
     * {@code max(this, 0)}; derivative 0 at 0.
     *
     * @return a new tensor of this tensor's shape
     */
    public Tensor relu() { return UnaryOps.relu(this); }
    /**
     * {@code this} where positive, else {@code slope * this}.
     *
     * @param slope the factor for negative elements, finite (PyTorch's default is 0.01)
     * @return a new tensor of this tensor's shape
     */
    public Tensor leakyRelu(double slope) { return UnaryOps.leakyRelu(this, slope); }
    /**
     * {@code this} where positive, else {@code alpha * (e^this - 1)}.
     *
     * @param alpha the scale of the negative part, finite; its limit at {@code -inf} is
     *              {@code -alpha}
     * @return a new tensor of this tensor's shape
     */
    public Tensor elu(double alpha) { return UnaryOps.elu(this, alpha); }
    /**
     * ELU with alpha 1.
     *
     * @return a new tensor of this tensor's shape
     */
    public Tensor elu() { return UnaryOps.elu(this, 1.0); }
    /**
     * The Gaussian error linear unit {@code x * Phi(x)} (exact, erf form).
     *
     * @return a new tensor of this tensor's shape
     */
    public Tensor gelu() { return UnaryOps.gelu(this); }
    /**
     * {@code log(1 + e^this)}, computed stably.
     *
     * @return a new tensor of this tensor's shape, every value positive
     */
    public Tensor softplus() { return UnaryOps.softplus(this); }
    /**
     * Limits every element to {@code [min, max]}; gradient 1 inside, 0 outside.
     *
     * @param min the lower bound ({@code Double.NEGATIVE_INFINITY} for none)
     * @param max the upper bound, at least {@code min} ({@code Double.POSITIVE_INFINITY} for none)
     * @return a new tensor of this tensor's shape
     */
    public Tensor clamp(double min, double max) { return UnaryOps.clamp(this, min, max); }

    // ------------------------------------------------------------------ reductions: ops/ReduceOps

    /**
     * The sum of all elements, as a scalar.
     *
     * @return a scalar (shape {@code ()}); 0 for a tensor with no elements
     */
    public Tensor sum() { return ReduceOps.sum(this, null, false); }
    /**
     * The sum over {@code dim}.
     *
     * @param dim     the dim to reduce, negative counting from the end
     * @param keepDim keep {@code dim} with size 1, so that the result broadcasts against this
     *                tensor
     * @return a new tensor of this tensor's shape without {@code dim}, or with size 1 there when
     *         {@code keepDim}
     */
    public Tensor sum(int dim, boolean keepDim) { return ReduceOps.sum(this, new int[] {dim}, keepDim); }
    /**
     * The sum over {@code dims}.
     *
     * @param dims    the dims to reduce, negative counting from the end; null for all
     * @param keepDim keep the reduced dims with size 1, so that the result broadcasts against this
     *                tensor
     * @return a new tensor of this tensor's shape without {@code dims}, or with size 1 there when
     *         {@code keepDim}
     */
    public Tensor sum(int[] dims, boolean keepDim) { return ReduceOps.sum(this, dims, keepDim); }
    /**
     * The sum over {@code dims}, which are removed (PyTorch's {@code x.sum(dim)} and
     * {@code x.sum((0, 1))}).
     *
     * @param dims the dims to reduce, negative counting from the end
     * @return a new tensor of this tensor's shape without {@code dims}
     */
    public Tensor sum(int... dims) { return ReduceOps.sum(this, dims, false); }
    /**
     * The mean of all elements.
     *
     * @return a scalar (shape {@code ()}); NaN for a tensor with no elements
     */
    public Tensor mean() { return ReduceOps.mean(this, null, false); }
    /**
     * The mean over {@code dim}.
     *
     * @param dim     the dim to reduce, negative counting from the end
     * @param keepDim keep {@code dim} with size 1, so that the result broadcasts against this
     *                tensor
     * @return a new tensor of this tensor's shape without {@code dim}, or with size 1 there when
     *         {@code keepDim}
     */
    public Tensor mean(int dim, boolean keepDim) { return ReduceOps.mean(this, new int[] {dim}, keepDim); }
    /**
     * The mean over {@code dims}.
     *
     * @param dims    the dims to reduce, negative counting from the end; null for all
     * @param keepDim keep the reduced dims with size 1, so that the result broadcasts against this
     *                tensor
     * @return a new tensor of this tensor's shape without {@code dims}, or with size 1 there when
     *         {@code keepDim}
     */
    public Tensor mean(int[] dims, boolean keepDim) { return ReduceOps.mean(this, dims, keepDim); }
    /**
     * The mean over {@code dims}, which are removed (PyTorch's {@code x.mean(dim)}).
     *
     * @param dims the dims to reduce, negative counting from the end
     * @return a new tensor of this tensor's shape without {@code dims}
     */
    public Tensor mean(int... dims) { return ReduceOps.mean(this, dims, false); }
    /**
     * The product of all elements.
     *
     * @return a scalar (shape {@code ()}); 1 for a tensor with no elements
     */
    public Tensor prod() { return ReduceOps.prod(this, null, false); }
    /**
     * The product over {@code dim}.
     *
     * @param dim     the dim to reduce, negative counting from the end
     * @param keepDim keep {@code dim} with size 1, so that the result broadcasts against this
     *                tensor
     * @return a new tensor of this tensor's shape without {@code dim}, or with size 1 there when
     *         {@code keepDim}
     */
    public Tensor prod(int dim, boolean keepDim) { return ReduceOps.prod(this, new int[] {dim}, keepDim); }
    /**
     * The product over {@code dims}.
     *
     * @param dims    the dims to reduce, negative counting from the end; null for all
     * @param keepDim keep the reduced dims with size 1, so that the result broadcasts against this
     *                tensor
     * @return a new tensor of this tensor's shape without {@code dims}, or with size 1 there when
     *         {@code keepDim}
     */
    public Tensor prod(int[] dims, boolean keepDim) { return ReduceOps.prod(this, dims, keepDim); }
    /**
     * The product over {@code dim}, which is removed.
     *
     * @param dim the dim to reduce, negative counting from the end
     * @return a new tensor of this tensor's shape without {@code dim}
     */
    public Tensor prod(int dim) { return ReduceOps.prod(this, new int[] {dim}, false); }
    /**
     * The largest element; ties split the gradient evenly.
     *
     * @return a scalar (shape {@code ()}); NaN if any element is NaN
     */
    public Tensor max() { return ReduceOps.max(this, null, false); }
    /**
     * The largest over {@code dim}; ties split the gradient evenly.
     *
     * @param dim     the dim to reduce, negative counting from the end
     * @param keepDim keep {@code dim} with size 1, so that the result broadcasts against this
     *                tensor
     * @return a new tensor of this tensor's shape without {@code dim}, or with size 1 there when
     *         {@code keepDim}
     */
    public Tensor max(int dim, boolean keepDim) { return ReduceOps.max(this, new int[] {dim}, keepDim); }
    /**
     * The largest over {@code dims}; ties split the gradient evenly.
     *
     * @param dims    the dims to reduce, negative counting from the end; null for all
     * @param keepDim keep the reduced dims with size 1, so that the result broadcasts against this
     *                tensor
     * @return a new tensor of this tensor's shape without {@code dims}, or with size 1 there when
     *         {@code keepDim}
     */
    public Tensor max(int[] dims, boolean keepDim) { return ReduceOps.max(this, dims, keepDim); }
    /**
     * The largest over {@code dim}, which is removed: PyTorch's {@code x.max(dim).values}
     * ({@link #argmax(int)} gives the indices).
     *
     * @param dim the dim to reduce, negative counting from the end
     * @return a new tensor of this tensor's shape without {@code dim}
     */
    public Tensor max(int dim) { return ReduceOps.max(this, new int[] {dim}, false); }
    /**
     * The smallest element; ties split the gradient evenly.
     *
     * @return a scalar (shape {@code ()}); NaN if any element is NaN
     */
    public Tensor min() { return ReduceOps.min(this, null, false); }
    /**
     * The smallest over {@code dim}; ties split the gradient evenly.
     *
     * @param dim     the dim to reduce, negative counting from the end
     * @param keepDim keep {@code dim} with size 1, so that the result broadcasts against this
     *                tensor
     * @return a new tensor of this tensor's shape without {@code dim}, or with size 1 there when
     *         {@code keepDim}
     */
    public Tensor min(int dim, boolean keepDim) { return ReduceOps.min(this, new int[] {dim}, keepDim); }
    /**
     * The smallest over {@code dims}; ties split the gradient evenly.
     *
     * @param dims    the dims to reduce, negative counting from the end; null for all
     * @param keepDim keep the reduced dims with size 1, so that the result broadcasts against this
     *                tensor
     * @return a new tensor of this tensor's shape without {@code dims}, or with size 1 there when
     *         {@code keepDim}
     */
    public Tensor min(int[] dims, boolean keepDim) { return ReduceOps.min(this, dims, keepDim); }
    /**
     * The smallest over {@code dim}, which is removed: PyTorch's {@code x.min(dim).values}.
     *
     * @param dim the dim to reduce, negative counting from the end
     * @return a new tensor of this tensor's shape without {@code dim}
     */
    public Tensor min(int dim) { return ReduceOps.min(this, new int[] {dim}, false); }
    /**
     * The unbiased variance of all elements (divides by n - 1, as PyTorch).
     *
     * @return a scalar (shape {@code ()}); NaN for fewer than two elements
     */
    public Tensor var() { return ReduceOps.var(this, null, 1, false); }
    /**
     * The unbiased variance over {@code dim}.
     *
     * @param dim     the dim to reduce, negative counting from the end
     * @param keepDim keep {@code dim} with size 1, so that the result broadcasts against this
     *                tensor
     * @return a new tensor of this tensor's shape without {@code dim}, or with size 1 there when
     *         {@code keepDim}
     */
    public Tensor var(int dim, boolean keepDim) { return ReduceOps.var(this, new int[] {dim}, 1, keepDim); }
    /**
     * The variance over {@code dims}, dividing by {@code n - correction}.
     *
     * @param dims       the dims to reduce, negative counting from the end; null for all
     * @param correction subtracted from the count: 1 for the unbiased estimate, 0 for the
     *                   population variance
     * @param keepDim    keep the reduced dims with size 1, so that the result broadcasts against
     *                   this tensor
     * @return a new tensor of this tensor's shape without {@code dims}, or with size 1 there when
     *         {@code keepDim}
     */
    public Tensor var(int[] dims, int correction, boolean keepDim) { return ReduceOps.var(this, dims, correction, keepDim); }
    /**
     * The unbiased variance over {@code dim}, which is removed.
     *
     * @param dim the dim to reduce, negative counting from the end
     * @return a new tensor of this tensor's shape without {@code dim}
     */
    public Tensor var(int dim) { return ReduceOps.var(this, new int[] {dim}, 1, false); }
    /**
     * The unbiased standard deviation of all elements.
     *
     * @return a scalar (shape {@code ()}); NaN for fewer than two elements
     */
    public Tensor std() { return ReduceOps.std(this, null, 1, false); }
    /**
     * The unbiased standard deviation over {@code dim}.
     *
     * @param dim     the dim to reduce, negative counting from the end
     * @param keepDim keep {@code dim} with size 1, so that the result broadcasts against this
     *                tensor
     * @return a new tensor of this tensor's shape without {@code dim}, or with size 1 there when
     *         {@code keepDim}
     */
    public Tensor std(int dim, boolean keepDim) { return ReduceOps.std(this, new int[] {dim}, 1, keepDim); }
    /**
     * The standard deviation over {@code dims}, dividing by {@code n - correction}.
     *
     * @param dims       the dims to reduce, negative counting from the end; null for all
     * @param correction subtracted from the count: 1 for the unbiased estimate, 0 for the
     *                   population standard deviation
     * @param keepDim    keep the reduced dims with size 1, so that the result broadcasts against
     *                   this tensor
     * @return a new tensor of this tensor's shape without {@code dims}, or with size 1 there when
     *         {@code keepDim}
     */
    public Tensor std(int[] dims, int correction, boolean keepDim) { return ReduceOps.std(this, dims, correction, keepDim); }
    /**
     * The unbiased standard deviation over {@code dim}, which is removed.
     *
     * @param dim the dim to reduce, negative counting from the end
     * @return a new tensor of this tensor's shape without {@code dim}
     */
    public Tensor std(int dim) { return ReduceOps.std(this, new int[] {dim}, 1, false); }
    /**
     * The p-norm of all elements ({@code p} > 0; {@code Double.POSITIVE_INFINITY} for the max
     * norm).
     *
     * @param p the order of the norm: 1, 2, any {@code p > 0}, or {@code Double.POSITIVE_INFINITY}
     * @return a scalar (shape {@code ()})
     */
    public Tensor norm(double p) { return ReduceOps.norm(this, p, null, false); }
    /**
     * The Euclidean norm of all elements.
     *
     * @return a scalar (shape {@code ()})
     */
    public Tensor norm() { return ReduceOps.norm(this, 2.0, null, false); }
    /**
     * The p-norm over {@code dim}.
     *
     * @param p       the order of the norm: 1, 2, any {@code p > 0}, or
     *                {@code Double.POSITIVE_INFINITY}
     * @param dim     the dim to reduce, negative counting from the end
     * @param keepDim keep {@code dim} with size 1, so that the result broadcasts against this
     *                tensor
     * @return a new tensor of this tensor's shape without {@code dim}, or with size 1 there when
     *         {@code keepDim}
     */
    public Tensor norm(double p, int dim, boolean keepDim) { return ReduceOps.norm(this, p, new int[] {dim}, keepDim); }
    /**
     * The p-norm over {@code dims}.
     *
     * @param p       the order of the norm: 1, 2, any {@code p > 0}, or
     *                {@code Double.POSITIVE_INFINITY}
     * @param dims    the dims to reduce, negative counting from the end; null for all
     * @param keepDim keep the reduced dims with size 1, so that the result broadcasts against this
     *                tensor
     * @return a new tensor of this tensor's shape without {@code dims}, or with size 1 there when
     *         {@code keepDim}
     */
    public Tensor norm(double p, int[] dims, boolean keepDim) { return ReduceOps.norm(this, p, dims, keepDim); }
    /**
     * {@code log(sum(exp(this)))} over all elements, computed stably.
     *
     * @return a scalar (shape {@code ()}); {@code -inf} for a tensor with no elements
     */
    public Tensor logSumExp() { return ReduceOps.logSumExp(this, null, false); }
    /**
     * {@code log(sum(exp(this)))} over {@code dim}, computed stably.
     *
     * @param dim     the dim to reduce, negative counting from the end
     * @param keepDim keep {@code dim} with size 1, so that the result broadcasts against this
     *                tensor
     * @return a new tensor of this tensor's shape without {@code dim}, or with size 1 there when
     *         {@code keepDim}
     */
    public Tensor logSumExp(int dim, boolean keepDim) { return ReduceOps.logSumExp(this, new int[] {dim}, keepDim); }
    /**
     * {@code log(sum(exp(this)))} over {@code dim}, which is removed, computed stably.
     *
     * @param dim the dim to reduce, negative counting from the end
     * @return a new tensor of this tensor's shape without {@code dim}
     */
    public Tensor logSumExp(int dim) { return ReduceOps.logSumExp(this, new int[] {dim}, false); }
    /**
     * The flat index of the largest element (first on ties); no gradient.
     *
     * @return a scalar holding the row-major index as a double, a constant that does not require
     *         grad
     */
    public Tensor argmax() { return ReduceOps.argmax(this, null, false); }
    /**
     * The index of the largest element along {@code dim} (first on ties); no gradient.
     *
     * @param dim     the dim to search along, negative counting from the end
     * @param keepDim keep {@code dim} with size 1, so that the result broadcasts against this
     *                tensor
     * @return indices along {@code dim}, held as doubles, of this tensor's shape without
     *         {@code dim} (size 1 there when {@code keepDim}); a constant that does not require
     *         grad
     */
    public Tensor argmax(int dim, boolean keepDim) { return ReduceOps.argmax(this, dim, keepDim); }
    /**
     * The index of the largest element along {@code dim}, which is removed (first on ties); no
     * gradient.
     *
     * @param dim the dim to search along, negative counting from the end
     * @return indices along {@code dim}, held as doubles, of this tensor's shape without
     *         {@code dim}; a constant that does not require grad
     */
    public Tensor argmax(int dim) { return ReduceOps.argmax(this, dim, false); }
    /**
     * The flat index of the smallest element (first on ties); no gradient.
     *
     * @return a scalar holding the row-major index as a double, a constant that does not require
     *         grad
     */
    public Tensor argmin() { return ReduceOps.argmin(this, null, false); }
    /**
     * The index of the smallest element along {@code dim} (first on ties); no gradient.
     *
     * @param dim     the dim to search along, negative counting from the end
     * @param keepDim keep {@code dim} with size 1, so that the result broadcasts against this
     *                tensor
     * @return indices along {@code dim}, held as doubles, of this tensor's shape without
     *         {@code dim} (size 1 there when {@code keepDim}); a constant that does not require
     *         grad
     */
    public Tensor argmin(int dim, boolean keepDim) { return ReduceOps.argmin(this, dim, keepDim); }
    /**
     * The index of the smallest element along {@code dim}, which is removed (first on ties); no
     * gradient.
     *
     * @param dim the dim to search along, negative counting from the end
     * @return indices along {@code dim}, held as doubles, of this tensor's shape without
     *         {@code dim}; a constant that does not require grad
     */
    public Tensor argmin(int dim) { return ReduceOps.argmin(this, dim, false); }
    /**
     * Softmax along {@code dim}, computed stably.
     *
     * @param dim the dim whose slices are normalised, negative counting from the end
     * @return a new tensor of this tensor's shape whose slices along {@code dim} are in [0, 1] and
     *         sum to 1
     */
    public Tensor softmax(int dim) { return SoftmaxOps.softmax(this, dim); }
    /**
     * Log-softmax along {@code dim}, computed stably.
     *
     * @param dim the dim whose slices are normalised, negative counting from the end
     * @return a new tensor of this tensor's shape: the log of {@link #softmax(int)}, finite where
     *         softmax underflows to 0
     */
    public Tensor logSoftmax(int dim) { return SoftmaxOps.logSoftmax(this, dim); }

    /**
     * Sums this tensor down to {@code target}, a shape that broadcasts to this one: the reverse of
     * broadcasting, and the one place where the engine undoes it.
     *
     * @param target the shape to sum down to: this tensor's shape or one that broadcasts to it
     * @return a tensor of shape {@code target}; this tensor itself when the shapes are equal
     */
    public Tensor sumToShape(Shape target) { return ReduceOps.sumToShape(this, target); }

    // ------------------------------------------------------------------ products: ops/ProductOps; linear algebra: ops/DecompositionOps

    /**
     * The matrix product with PyTorch's rules: 1-d and 2-d operands, and batched with broadcast
     * batch dims.
     *
     * @param other the right operand: its first (1-d) or second-to-last dim must equal this
     *              tensor's last
     * @return a new tensor: a scalar for two vectors, {@code (m, n)} for {@code (m, k) x (k, n)},
     *         the broadcast batch dims followed by {@code (m, n)} for batches, with the dim of a
     *         1-d operand removed
     */
    public Tensor matmul(Tensor other) { return ProductOps.matmul(this, other); }
    /**
     * {@code input W^T + bias}, PyTorch's {@code F.linear}: {@code input} of shape {@code (..., in)},
     * {@code weight} of shape {@code (out, in)} (read transposed in place, not copied), {@code bias}
     * of shape {@code (out,)} or null for none; the result has shape {@code (..., out)}.
     *
     * @param input  the inputs, of shape {@code (..., in)}
     * @param weight the weights, of shape {@code (out, in)}
     * @param bias   the biases, of shape {@code (out,)}, or null for none
     * @return a new tensor of shape {@code (..., out)}
     */
    public static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
        Tensor y = ProductOps.matmulTransposed(input, weight);
        return bias == null ? y : y.add(bias);
    }
    /**
     * The dot product of two 1-d tensors.
     *
     * @param other a 1-d tensor of this tensor's length
     * @return a scalar (shape {@code ()})
     */
    public Tensor dot(Tensor other) { return ProductOps.dot(this, other); }
    /**
     * The outer product of two 1-d tensors.
     *
     * @param other a 1-d tensor, of any length {@code n}
     * @return a new tensor of shape {@code (m, n)}, {@code m} this tensor's length
     */
    public Tensor outer(Tensor other) { return ProductOps.outer(this, other); }
    /**
     * The inverse of a square matrix (or a batch of them).
     *
     * @return a new tensor of this tensor's shape {@code (..., n, n)}
     */
    public Tensor inv() { return DecompositionOps.inv(this); }
    /**
     * The determinant of a square matrix (or a batch of them).
     *
     * @return a new tensor of the batch shape {@code (...)}, a scalar for one matrix
     */
    public Tensor det() { return DecompositionOps.det(this); }
    /**
     * {@code log |det|} of a square matrix (or a batch of them), as {@code slogdet}'s second half.
     *
     * @return a new tensor of the batch shape {@code (...)}, a scalar for one matrix
     */
    public Tensor logDet() { return DecompositionOps.logDet(this); }
    /**
     * The lower Cholesky factor {@code L} with {@code L L^T = this}, for a symmetric
     * positive-definite matrix.
     *
     * @return a new lower-triangular tensor of this tensor's shape {@code (..., n, n)}
     */
    public Tensor cholesky() { return DecompositionOps.cholesky(this); }
    /**
     * The solution {@code X} of {@code A X = B}.
     *
     * @param a the square matrix {@code A}, of shape {@code (..., n, n)}
     * @param b the right-hand side {@code B}, of shape {@code (n,)} or {@code (..., n, k)}; the
     *          batch dims of the two broadcast
     * @return a new tensor {@code X} of {@code B}'s shape, with the broadcast batch dims
     */
    public static Tensor solve(Tensor a, Tensor b) { return DecompositionOps.solve(a, b); }

    // ------------------------------------------------------------------ movement: ops/MovementOps

    /**
     * The same elements in a new shape (one size may be -1, inferred); shares storage.
     *
     * @param shape the new sizes, their product this tensor's {@code numel()}; one may be -1
     * @return a tensor over this tensor's storage; this tensor itself when the shape is unchanged
     */
    public Tensor reshape(int... shape) { return MovementOps.reshape(this, shape); }
    /**
     * {@link #reshape}: storage is always contiguous here, so every view is a reshape.
     *
     * @param shape the new sizes, their product this tensor's {@code numel()}; one may be -1
     * @return a tensor over this tensor's storage; this tensor itself when the shape is unchanged
     */
    public Tensor view(int... shape) { return MovementOps.reshape(this, shape); }
    /**
     * A 1-d tensor of all elements.
     *
     * @return a tensor of shape {@code (numel(),)} over this tensor's storage
     */
    public Tensor flatten() { return MovementOps.flatten(this, 0, -1); }
    /**
     * Merges dims {@code startDim} to {@code endDim} into one.
     *
     * @param startDim the first dim merged, negative counting from the end
     * @param endDim   the last dim merged, not before {@code startDim}
     * @return a tensor over this tensor's storage whose dim {@code startDim} has the product of the
     *         merged sizes
     */
    public Tensor flatten(int startDim, int endDim) { return MovementOps.flatten(this, startDim, endDim); }
    /**
     * Removes every dim of size 1.
     *
     * @return a tensor over this tensor's storage, without dims of size 1
     */
    public Tensor squeeze() { return MovementOps.squeeze(this, null); }
    /**
     * Removes {@code dim} if its size is 1 (otherwise returns an equal tensor, as PyTorch).
     *
     * @param dim the dim to remove, negative counting from the end
     * @return a tensor over this tensor's storage without {@code dim}; this tensor itself when that
     *         dim's size is not 1
     */
    public Tensor squeeze(int dim) { return MovementOps.squeeze(this, dim); }
    /**
     * Inserts a dim of size 1 at {@code dim}.
     *
     * @param dim where the new dim goes, from {@code -(dim() + 1)} to {@code dim()}
     * @return a tensor over this tensor's storage with one more dim
     */
    public Tensor unsqueeze(int dim) { return MovementOps.unsqueeze(this, dim); }
    /**
     * Swaps two dims.
     *
     * @param dim0 one dim, negative counting from the end
     * @param dim1 the other
     * @return a new tensor (a copy) with the two sizes swapped; this tensor itself when the dims
     *         are the same
     */
    public Tensor transpose(int dim0, int dim1) { return MovementOps.transpose(this, dim0, dim1); }
    /**
     * The transpose of the last two dims (PyTorch's {@code mT}).
     *
     * @return a new tensor (a copy) of shape {@code (..., n, m)} for {@code (..., m, n)}
     */
    public Tensor mT() { return MovementOps.transpose(this, -2, -1); }
    /**
     * All dims in reverse order (PyTorch's {@code x.T}): the transpose of a matrix.
     *
     * @return a new tensor (a copy) with the sizes reversed; this tensor itself for fewer than 2
     *         dims
     */
    public Tensor T() { return MovementOps.reverseDims(this); }
    /**
     * The transpose of a matrix; a tensor of fewer than 2 dims as it is (PyTorch's {@code x.t()}).
     *
     * @return a new tensor (a copy) of shape {@code (n, m)} for {@code (m, n)}; this tensor itself
     *         for fewer than 2 dims
     */
    public Tensor t() { return MovementOps.t(this); }
    /**
     * Tiles this tensor {@code repeats[i]} times along dim {@code i} (PyTorch's
     * {@code x.repeat(...)}); extra leading repeats add dims.
     *
     * @param repeats how many copies along each dim, at least one per dim of this tensor
     * @return a new tensor whose size along dim {@code i} is {@code repeats[i]} times this tensor's
     */
    public Tensor repeat(int... repeats) { return MovementOps.repeat(this, repeats); }
    /**
     * A copy that gradients flow through (PyTorch's {@code clone()}): record an operation on it,
     * then change the original in place.
     *
     * @return a new tensor over a copy of the elements, recorded as an operation of this one
     */
    public Tensor clone() { return MovementOps.copy(this); }
    /**
     * Reorders dims: result dim {@code i} is this tensor's dim {@code dims[i]}.
     *
     * @param dims a permutation of this tensor's dims, negative counting from the end
     * @return a new tensor (a copy); this tensor itself for the identity permutation
     */
    public Tensor permute(int... dims) { return MovementOps.permute(this, dims); }
    /**
     * Broadcasts to {@code shape}; -1 keeps a size.
     *
     * @param shape the target sizes; this tensor's sizes of 1 may grow, new leading dims may be
     *              added
     * @return a new tensor (a copy) of the expanded shape; this tensor itself when it already has
     *         it
     */
    public Tensor expand(int... shape) { return MovementOps.expand(this, shape); }
    /**
     * Broadcasts to {@code shape}.
     *
     * @param shape a shape this tensor's broadcasts to
     * @return a new tensor (a copy) of {@code shape}; this tensor itself when it already has it
     */
    public Tensor broadcastTo(Shape shape) { return MovementOps.broadcastTo(this, shape); }

    // ------------------------------------------------------------------ indexing and joining: ops/IndexOps

    /**
     * Elements {@code from, from + step, ...} below {@code to} along {@code dim} (negative bounds
     * count from the end).
     *
     * @param dim  the dim sliced, negative counting from the end
     * @param from the first index, negative counting from the end; clamped to the dim
     * @param to   the bound, not taken, negative counting from the end; clamped to the dim
     * @param step the distance between indices, at least 1
     * @return a new tensor of this tensor's shape with the size along {@code dim} the number taken
     */
    public Tensor slice(int dim, int from, int to, int step) { return IndexOps.slice(this, dim, from, to, step); }
    /**
     * Elements {@code from} to {@code to - 1} along {@code dim}.
     *
     * @param dim  the dim sliced, negative counting from the end
     * @param from the first index, negative counting from the end; clamped to the dim
     * @param to   the bound, not taken, negative counting from the end; clamped to the dim
     * @return a new tensor of this tensor's shape with the size along {@code dim} the number taken
     */
    public Tensor slice(int dim, int from, int to) { return IndexOps.slice(this, dim, from, to, 1); }
    /**
     * The slice at {@code index} along {@code dim}, with that dim removed.
     *
     * @param dim   the dim indexed, negative counting from the end
     * @param index the position along {@code dim}, negative counting from the end
     * @return a new tensor of this tensor's shape without {@code dim}
     */
    public Tensor select(int dim, int index) { return IndexOps.select(this, dim, index); }
    /**
     * The slices at {@code indices} along {@code dim} (repeats allowed).
     *
     * @param dim     the dim indexed, negative counting from the end
     * @param indices the positions along {@code dim}, in the order wanted
     * @return a new tensor of this tensor's shape with {@code indices.length} along {@code dim}
     */
    public Tensor indexSelect(int dim, int... indices) { return IndexOps.indexSelect(this, dim, indices); }
    /**
     * PyTorch's gather: {@code out[i][j] = this[index[i][j]][j]} for dim 0, and so on.
     *
     * @param dim   the dim indexed, negative counting from the end
     * @param index whole numbers from 0 to {@code size(dim) - 1}, of this tensor's rank; no
     *              gradient flows to it
     * @return a new tensor of {@code index}'s shape
     */
    public Tensor gather(int dim, Tensor index) { return IndexOps.gather(this, dim, index); }
    /**
     * PyTorch's scatter_add, out of place: adds {@code src} into a copy of this at {@code index}
     * along {@code dim}.
     *
     * @param dim   the dim indexed, negative counting from the end
     * @param index where each element of {@code src} goes along {@code dim}, whole numbers, of this
     *              tensor's rank; no gradient flows to it
     * @param src   the values added, of this tensor's rank and at least {@code index}'s sizes
     * @return a new tensor of this tensor's shape
     */
    public Tensor scatterAdd(int dim, Tensor index, Tensor src) { return IndexOps.scatterAdd(this, dim, index, src); }
    /**
     * Splits into pieces of {@code size} along {@code dim} (the last may be smaller).
     *
     * @param size the size of each piece along {@code dim}, at least 1
     * @param dim  the dim split, negative counting from the end
     * @return the pieces in order, each a slice of this tensor
     */
    public List<Tensor> split(int size, int dim) { return IndexOps.split(this, size, dim); }
    /**
     * Splits into {@code chunks} nearly equal pieces along {@code dim}.
     *
     * @param chunks the most pieces wanted, at least 1
     * @param dim    the dim split, negative counting from the end
     * @return the pieces in order, each a slice of this tensor: at most {@code chunks} of them
     */
    public List<Tensor> chunk(int chunks, int dim) { return IndexOps.chunk(this, chunks, dim); }
    /**
     * Joins tensors along an existing {@code dim}.
     *
     * @param dim     the dim joined along, negative counting from the end
     * @param tensors at least one tensor; shapes equal but along {@code dim}
     * @return a new tensor whose size along {@code dim} is the sum of theirs
     */
    public static Tensor cat(int dim, Tensor... tensors) { return IndexOps.cat(dim, tensors); }
    /**
     * Joins equally shaped tensors along a new {@code dim}.
     *
     * @param dim     where the new dim goes, from {@code -(rank + 1)} to {@code rank}
     * @param tensors at least one tensor, all of one shape
     * @return a new tensor with one more dim, of size {@code tensors.length}, at {@code dim}
     */
    public static Tensor stack(int dim, Tensor... tensors) { return IndexOps.stack(dim, tensors); }
    /**
     * Joins tensors along an existing {@code dim}, as PyTorch's {@code torch.cat(tensors, dim)}.
     *
     * @param tensors at least one tensor; shapes equal but along {@code dim}
     * @param dim     the dim joined along, negative counting from the end
     * @return a new tensor whose size along {@code dim} is the sum of theirs
     */
    public static Tensor cat(List<Tensor> tensors, int dim) { return IndexOps.cat(dim, checkedList("cat", tensors)); }
    /**
     * Joins equally shaped tensors along a new {@code dim}, as PyTorch's
     * {@code torch.stack(tensors, dim)}.
     *
     * @param tensors at least one tensor, all of one shape
     * @param dim     where the new dim goes, from {@code -(rank + 1)} to {@code rank}
     * @return a new tensor with one more dim, of size {@code tensors.size()}, at {@code dim}
     */
    public static Tensor stack(List<Tensor> tensors, int dim) { return IndexOps.stack(dim, checkedList("stack", tensors)); }

    // ------------------------------------------------------------------ embedding, layer norm and attention: ops/EmbeddingOps, ops/LayerNormOps, ops/AttentionOps

    /**
     * The rows of {@code weight} at {@code indices}, as PyTorch's {@code F.embedding(indices, weight)}.
     *
     * @param indices whole numbers from 0 to {@code weight.size(0) - 1}, of any shape; no gradient
     *                flows to them
     * @param weight  the table, of shape {@code (V, D)}
     * @return a new tensor of {@code indices}' shape followed by {@code D}, in {@code weight}'s type
     */
    public static Tensor embedding(Tensor indices, Tensor weight) { return EmbeddingOps.embedding(indices, weight, null); }
    /**
     * The rows of {@code weight} at {@code indices}, with a padding row that receives no gradient,
     * as PyTorch's {@code F.embedding(indices, weight, padding_idx)}.
     *
     * @param indices    whole numbers from 0 to {@code weight.size(0) - 1}, of any shape
     * @param weight     the table, of shape {@code (V, D)}
     * @param paddingIdx the row that receives no gradient, negative counting from the end
     * @return a new tensor of {@code indices}' shape followed by {@code D}, in {@code weight}'s type
     */
    public static Tensor embedding(Tensor indices, Tensor weight, int paddingIdx) {
        return EmbeddingOps.embedding(indices, weight, paddingIdx);
    }
    /**
     * One-hot vectors of this tensor's whole numbers, as PyTorch's {@code F.one_hot}.
     *
     * @param numClasses the length of each vector, or -1 for one more than the largest index
     * @return a constant of this tensor's shape followed by {@code numClasses}, 1 at each index
     */
    public Tensor oneHot(int numClasses) { return EmbeddingOps.oneHot(this, numClasses); }
    /**
     * Layer normalisation over the trailing dims {@code normalizedShape}, as PyTorch's
     * {@code F.layer_norm(x, normalized_shape, weight, bias, eps)}.
     *
     * @param x               the input, of shape {@code (*, normalizedShape...)}
     * @param normalizedShape the sizes of the trailing dims normalised together, at least one
     * @param weight          the scale, of shape {@code normalizedShape}, or null for none
     * @param bias            the shift, of shape {@code normalizedShape}, or null for none
     * @param eps             added to the variance, e.g. {@code 1e-5}
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor layerNorm(Tensor x, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        return LayerNormOps.layerNorm(x, normalizedShape, weight, bias, eps);
    }
    /**
     * Layer normalisation over the trailing dims {@code normalizedShape}, without scale or shift
     * and with {@code eps = 1e-5}.
     *
     * @param normalizedShape the sizes of the trailing dims normalised together, at least one
     * @return a new tensor of this tensor's shape
     */
    public Tensor layerNorm(int... normalizedShape) { return LayerNormOps.layerNorm(this, normalizedShape, null, null, 1e-5); }
    /**
     * Scaled dot-product attention {@code softmax(q k^T / sqrt(E) + mask) v}, as PyTorch's
     * {@code F.scaled_dot_product_attention(q, k, v, attn_mask, is_causal=causal)}.
     *
     * @param query  of shape {@code (..., L, E)}
     * @param key    of shape {@code (..., S, E)}
     * @param value  of shape {@code (..., S, Ev)}
     * @param mask   added to the scores, broadcasting to {@code (..., L, S)} (0 keeps, {@code -inf}
     *               blocks), or null for none
     * @param causal whether place {@code (i, j)} with {@code j > i} is blocked
     * @return a new tensor of shape {@code (..., L, Ev)}
     */
    public static Tensor scaledDotProductAttention(Tensor query, Tensor key, Tensor value, Tensor mask, boolean causal) {
        return AttentionOps.scaledDotProductAttention(query, key, value, mask, causal);
    }
    /**
     * The attention weights {@code softmax(q k^T / sqrt(E) + mask)} that
     * {@link #scaledDotProductAttention} applies to the values.
     *
     * @param query  of shape {@code (..., L, E)}
     * @param key    of shape {@code (..., S, E)}
     * @param mask   added to the scores, broadcasting to {@code (..., L, S)}, or null for none
     * @param causal whether place {@code (i, j)} with {@code j > i} is blocked
     * @return a new tensor of shape {@code (..., L, S)} whose rows sum to 1
     */
    public static Tensor attentionWeights(Tensor query, Tensor key, Tensor mask, boolean causal) {
        return AttentionOps.attentionWeights(query, key, mask, causal);
    }

    // ------------------------------------------------------------------ convolution and pooling: ops/ConvOps, ops/PoolOps, ops/NormOps

    /**
     * The 1-d convolution, as PyTorch's {@code F.conv1d}: {@code input} {@code (N, C, L)} or
     * {@code (C, L)}, {@code weight} {@code (O, C / groups, K)}, {@code bias} {@code (O,)} or null.
     *
     * @param input    the input
     * @param weight   the kernels
     * @param bias     the biases, or null for none
     * @param stride   the step between output positions, at least 1
     * @param padding  zeros added at both ends, 0 or more
     * @param dilation the step between kernel taps, at least 1
     * @param groups   the number of channel groups, dividing C and O
     * @return a new tensor {@code (N, O, Lout)}, {@code Lout = (L + 2 padding - dilation (K - 1) - 1) / stride + 1}
     */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
        return ConvOps.conv1d(input, weight, bias, stride, padding, dilation, groups);
    }

    /**
     * The 1-d convolution with padding by name, {@code "same"} (stride 1, the output as long as the
     * input) or {@code "valid"} (none), as PyTorch's {@code F.conv1d(..., padding="same")}.
     *
     * @param input    the input, {@code (N, C, L)} or {@code (C, L)}
     * @param weight   the kernels, {@code (O, C / groups, K)}
     * @param bias     the biases, {@code (O,)}, or null for none
     * @param stride   the step between output positions (1 for "same")
     * @param padding  {@code "same"} or {@code "valid"}
     * @param dilation the step between kernel taps, at least 1
     * @param groups   the number of channel groups
     * @return a new tensor {@code (N, O, Lout)}
     */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias, int stride, String padding, int dilation, int groups) {
        return ConvOps.conv1d(input, weight, bias, stride, padding, dilation, groups);
    }

    /**
     * The 2-d convolution with stride 1 and no padding, as PyTorch's {@code F.conv2d(input, weight, bias)}.
     *
     * @param input  the input, {@code (N, C, H, W)} or {@code (C, H, W)}
     * @param weight the kernels, {@code (O, C, kH, kW)}
     * @param bias   the biases, {@code (O,)}, or null for none
     * @return a new tensor {@code (N, O, H - kH + 1, W - kW + 1)}
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias) {
        return ConvOps.conv2d(input, weight, bias, new int[] {1}, new int[] {0}, new int[] {1}, 1);
    }

    /**
     * The 2-d convolution, as PyTorch's {@code F.conv2d}; {@code stride}, {@code padding} and
     * {@code dilation} hold one value per spatial dim, or one for both.
     *
     * @param input    the input, {@code (N, C, H, W)} or {@code (C, H, W)}
     * @param weight   the kernels, {@code (O, C / groups, kH, kW)}
     * @param bias     the biases, {@code (O,)}, or null for none
     * @param stride   the steps between output positions, at least 1
     * @param padding  the zeros added on each side, 0 or more
     * @param dilation the steps between kernel taps, at least 1
     * @param groups   the number of channel groups, dividing C and O
     * @return a new tensor {@code (N, O, Hout, Wout)},
     *         {@code Hout = (H + 2 padding[0] - dilation[0] (kH - 1) - 1) / stride[0] + 1}
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation, int groups) {
        return ConvOps.conv2d(input, weight, bias, stride, padding, dilation, groups);
    }

    /**
     * The 2-d convolution with padding by name, {@code "same"} (stride 1, the output the size of the
     * input; an odd total puts the extra zero at the bottom or right) or {@code "valid"} (none).
     *
     * @param input    the input, {@code (N, C, H, W)} or {@code (C, H, W)}
     * @param weight   the kernels, {@code (O, C / groups, kH, kW)}
     * @param bias     the biases, {@code (O,)}, or null for none
     * @param stride   the steps between output positions (1 for "same")
     * @param padding  {@code "same"} or {@code "valid"}
     * @param dilation the steps between kernel taps, at least 1
     * @param groups   the number of channel groups
     * @return a new tensor {@code (N, O, Hout, Wout)}
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, String padding, int[] dilation, int groups) {
        return ConvOps.conv2d(input, weight, bias, stride, padding, dilation, groups);
    }

    /**
     * The 2-d transposed convolution, as PyTorch's {@code F.conv_transpose2d} (the gradient of
     * {@code conv2d} with respect to its input); the int arrays hold one value per spatial dim, or
     * one for both.
     *
     * @param input         the input, {@code (N, Cin, H, W)} or {@code (Cin, H, W)}
     * @param weight        the kernels, {@code (Cin, Cout / groups, kH, kW)}
     * @param bias          the biases, {@code (Cout,)}, or null for none
     * @param stride        the steps, at least 1
     * @param padding       the padding of the convolution this is the transpose of, 0 or more
     * @param outputPadding added to one side of the output, smaller than the stride or the dilation
     * @param groups        the number of channel groups, dividing Cin and Cout
     * @param dilation      the steps between kernel taps, at least 1
     * @return a new tensor {@code (N, Cout, Hout, Wout)},
     *         {@code Hout = (H - 1) stride[0] - 2 padding[0] + dilation[0] (kH - 1) + outputPadding[0] + 1}
     */
    public static Tensor convTranspose2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding,
                                         int[] outputPadding, int groups, int[] dilation) {
        return ConvOps.convTranspose2d(input, weight, bias, stride, padding, outputPadding, groups, dilation);
    }

    /**
     * Max pooling with a square window of {@code kernel}, stride {@code kernel}, no padding, as
     * PyTorch's {@code F.max_pool2d(x, kernel)}, over {@code (N, C, H, W)} or {@code (C, H, W)}.
     *
     * @param kernel the window's side, at least 1
     * @return a new tensor {@code (N, C, H / kernel, W / kernel)} (rounded down)
     */
    public Tensor maxPool2d(int kernel) {
        return PoolOps.maxPool2d(this, new int[] {kernel}, new int[] {kernel}, new int[] {0}, new int[] {1}, false);
    }

    /**
     * Max pooling, as PyTorch's {@code F.max_pool2d}; each array holds one value per spatial dim, or
     * one for both. Ties go to the first element of a window in row-major order.
     *
     * @param kernel   the window's size, at least 1
     * @param stride   the steps between windows, at least 1 (PyTorch's default is the kernel size)
     * @param padding  elements added on each side that are never picked, at most half the kernel
     * @param dilation the steps between window taps, at least 1
     * @param ceilMode round the output size up (a last window starting in the padding is dropped)
     * @return a new tensor {@code (N, C, Hout, Wout)},
     *         {@code Hout = (H + 2 padding - dilation (kernel - 1) - 1) / stride + 1}
     */
    public Tensor maxPool2d(int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        return PoolOps.maxPool2d(this, kernel, stride, padding, dilation, ceilMode);
    }

    /**
     * Average pooling with a square window of {@code kernel}, stride {@code kernel}, no padding, as
     * PyTorch's {@code F.avg_pool2d(x, kernel)}, over {@code (N, C, H, W)} or {@code (C, H, W)}.
     *
     * @param kernel the window's side, at least 1
     * @return a new tensor {@code (N, C, H / kernel, W / kernel)} (rounded down)
     */
    public Tensor avgPool2d(int kernel) {
        return PoolOps.avgPool2d(this, new int[] {kernel}, new int[] {kernel}, new int[] {0}, false, true);
    }

    /**
     * Average pooling, as PyTorch's {@code F.avg_pool2d}; each array holds one value per spatial
     * dim, or one for both.
     *
     * @param kernel          the window's size, at least 1
     * @param stride          the steps between windows, at least 1
     * @param padding         zeros added on each side, at most half the kernel
     * @param ceilMode        round the output size up (a last window starting in the padding is dropped)
     * @param countIncludePad divide by the window's size including padding (PyTorch's default), else
     *                        by the number of input elements in it
     * @return a new tensor {@code (N, C, Hout, Wout)},
     *         {@code Hout = (H + 2 padding - kernel) / stride + 1}
     */
    public Tensor avgPool2d(int[] kernel, int[] stride, int[] padding, boolean ceilMode, boolean countIncludePad) {
        return PoolOps.avgPool2d(this, kernel, stride, padding, ceilMode, countIncludePad);
    }

    /**
     * Adaptive average pooling to {@code outH} by {@code outW} cells, as PyTorch's
     * {@code F.adaptive_avg_pool2d}, over {@code (N, C, H, W)} or {@code (C, H, W)}.
     *
     * @param outH the output's height, at least 1
     * @param outW the output's width, at least 1
     * @return a new tensor {@code (N, C, outH, outW)}
     */
    public Tensor adaptiveAvgPool2d(int outH, int outW) {
        return PoolOps.adaptiveAvgPool2d(this, new int[] {outH, outW});
    }

    /**
     * Batch normalisation, as PyTorch's {@code F.batch_norm}: in training with the batch's
     * statistics per channel (dim 1), updating the running statistics in place when given; in
     * evaluation with the running statistics.
     *
     * @param input       the input, {@code (N, C, ...)}
     * @param runningMean the running means, {@code (C,)}, or null (training only)
     * @param runningVar  the running variances, {@code (C,)}, or null (training only)
     * @param weight      the scale, {@code (C,)}, or null for none
     * @param bias        the shift, {@code (C,)}, or null for none
     * @param training    use and update batch statistics (true) or use the running ones
     * @param momentum    the weight of the batch's statistic in a running update
     * @param eps         added to the variance, 0 or more
     * @return a new tensor of the input's shape
     */
    public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                                   boolean training, double momentum, double eps) {
        return NormOps.batchNorm(input, runningMean, runningVar, weight, bias, training, momentum, eps);
    }

    /**
     * Group normalisation, as PyTorch's {@code F.group_norm}: each sample's group of channels
     * normalised with its own statistics, then scaled and shifted per channel.
     *
     * @param input  the input, {@code (N, C, ...)}
     * @param groups the number of groups, dividing C
     * @param weight the scale, {@code (C,)}, or null for none
     * @param bias   the shift, {@code (C,)}, or null for none
     * @param eps    added to the variance, 0 or more
     * @return a new tensor of the input's shape
     */
    public static Tensor groupNorm(Tensor input, int groups, Tensor weight, Tensor bias, double eps) {
        return NormOps.groupNorm(input, groups, weight, bias, eps);
    }

    private static Tensor[] checkedList(String op, List<Tensor> tensors) {
        return Objects.requireNonNull(tensors, op + ": the list of tensors is null").toArray(new Tensor[0]);
    }
}
