package io.github.autograd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The functional API, as PyTorch's {@code torch.autograd.grad} and {@code torch.autograd.functional}
 * and JAX's {@code grad/vjp/jvp/jacobian/hessian}: gradients returned as values. No tensor's
 * {@code grad()} is read or written, so calls on several threads over graphs that share inputs
 * (a model's parameters) are independent.
 *
 * <p>With {@code createGraph} the returned gradients are themselves recorded, so they can be
 * differentiated again; {@link #hessian}, {@link #hvp} and {@link #jvp} use that.
 */
public final class Autograd {

    private Autograd() {
    }

    /**
     * The gradients of a one-element {@code output} with respect to each of {@code inputs}.
     *
     * @param output      a one-element tensor computed from the inputs
     * @param inputs      tensors that require grad
     * @param createGraph record the backward pass, so the gradients can be differentiated again
     * @return one gradient per input, of its shape (zeros for an input {@code output} does not depend on)
     */
    public static List<Tensor> grad(Tensor output, List<Tensor> inputs, boolean createGraph) {
        return grad(output, inputs, null, createGraph, createGraph);
    }

    /**
     * The vector-Jacobian products {@code gradOutput^T d output / d input} for each input, without
     * touching any tensor's {@code grad()}.
     *
     * @param output      the tensor computed from the inputs
     * @param inputs      tensors that require grad
     * @param gradOutput  the vector, of {@code output}'s shape; null for a one-element output means 1
     * @param retainGraph keep the graph for another pass
     * @param createGraph record the backward pass, so the gradients can be differentiated again
     * @return one product per input, of its shape (zeros for an input {@code output} does not
     *         depend on)
     * @throws IllegalArgumentException when an input does not require grad, or the shapes do not fit
     */
    public static List<Tensor> grad(Tensor output, List<Tensor> inputs, Tensor gradOutput,
                                    boolean retainGraph, boolean createGraph) {
        Objects.requireNonNull(output, "grad: output is null");
        Objects.requireNonNull(inputs, "grad: inputs are null");
        for (int i = 0; i < inputs.size(); i++) {
            Tensor in = Objects.requireNonNull(inputs.get(i), "grad: input " + i + " is null");
            if (!in.requiresGrad()) {
                throw new IllegalArgumentException("grad: input " + i + " (shape " + in.shape()
                        + ") does not require grad; call requiresGrad(true) on it before computing the output");
            }
        }
        Tensor seed = output.checkedSeed("grad", gradOutput);
        Tensor[] grads = TensorGradients.of(output, inputs, seed, retainGraph, createGraph);
        List<Tensor> result = new ArrayList<>(grads.length);
        for (int i = 0; i < grads.length; i++) {
            result.add(grads[i] != null ? grads[i] : Tensor.zerosLike(inputs.get(i)));
        }
        return result;
    }

    /**
     * The derivatives of {@code output} with respect to each of {@code inputs}, for the scalar
     * engine, without touching any value's {@code grad()}.
     *
     * @param output      the value computed from the inputs
     * @param inputs      values that require grad (made with {@code Value.of})
     * @param createGraph record the derivatives, so they can be differentiated again (a Hessian of
     *                    a function of {@link Value}s needs no tensors)
     * @return one derivative per input (a constant 0 for an input {@code output} does not depend on)
     * @throws IllegalArgumentException when {@code output} or an input does not require grad
     */
    public static List<Value> grad(Value output, List<Value> inputs, boolean createGraph) {
        Objects.requireNonNull(output, "grad: output is null");
        Objects.requireNonNull(inputs, "grad: inputs are null");
        if (!output.requiresGrad()) {
            throw new IllegalArgumentException("grad: the output " + output + " does not require grad: it was made only"
                    + " from constants or under Grad.disabled()");
        }
        for (int i = 0; i < inputs.size(); i++) {
            Value in = Objects.requireNonNull(inputs.get(i), "grad: input " + i + " is null");
            if (!in.requiresGrad()) {
                throw new IllegalArgumentException("grad: input " + i + " (" + in + ") does not require grad;"
                        + " make it with Value.of, not Value.constant");
            }
        }
        Value[] grads = ValueGradients.of(output, inputs, createGraph);
        List<Value> result = new ArrayList<>(grads.length);
        for (Value g : grads) {
            result.add(g != null ? g : Value.constant(0.0));
        }
        return result;
    }

    /**
     * The gradient of a scalar function of {@code x.length} values at {@code x}.
     *
     * @param f the function, given one value per coordinate of {@code x} (fresh leaves)
     * @param x the point
     * @return {@code df/dx_i} for each {@code i}, a new array of {@code x.length} (zeros when
     *         {@code f} does not depend on its arguments)
     */
    public static double[] gradient(Function<Value[], Value> f, double... x) {
        Objects.requireNonNull(f, "gradient: function is null");
        Value[] in = values("gradient", x);
        Value out = Objects.requireNonNull(f.apply(in), "gradient: the function returned null");
        double[] g = new double[x.length];
        if (out.requiresGrad()) {
            List<Value> grads = grad(out, List.of(in), false);
            for (int i = 0; i < g.length; i++) {
                g[i] = grads.get(i).data();
            }
        }
        return g;
    }

    /**
     * The Hessian {@code H[i][j] = d^2 f / dx_i dx_j} of a scalar function of {@code x.length}
     * values at {@code x}, by differentiating its recorded gradient once per input.
     *
     * @param f the function, given one value per coordinate of {@code x} (fresh leaves)
     * @param x the point
     * @return the {@code x.length x x.length} matrix, row {@code i} the gradient of {@code df/dx_i}
     */
    public static double[][] hessian(Function<Value[], Value> f, double... x) {
        Objects.requireNonNull(f, "hessian: function is null");
        Value[] in = values("hessian", x);
        Value out = Objects.requireNonNull(f.apply(in), "hessian: the function returned null");
        double[][] h = new double[x.length][x.length];
        if (!out.requiresGrad()) {
            return h;
        }
        List<Value> first = grad(out, List.of(in), true);
        for (int i = 0; i < x.length; i++) {
            if (first.get(i).requiresGrad()) {
                List<Value> second = grad(first.get(i), List.of(in), false);
                for (int j = 0; j < x.length; j++) {
                    h[i][j] = second.get(j).data();
                }
            }
        }
        return h;
    }

    private static Value[] values(String op, double... x) {
        Objects.requireNonNull(x, op + ": point is null");
        Value[] in = new Value[x.length];
        for (int i = 0; i < x.length; i++) {
            in[i] = Value.of(x[i], "x" + i);
        }
        return in;
    }

    /**
     * The vector-Jacobian product {@code v^T J} of {@code f} at {@code x} (shape of {@code x}).
     *
     * @param f the function, applied to a fresh leaf over {@code x}'s values
     * @param x the point; it need not require grad, and is not changed
     * @param v the vector, of {@code f(x)}'s shape; null for a one-element {@code f(x)} means 1
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor vjp(Function<Tensor, Tensor> f, Tensor x, Tensor v) {
        Tensor in = leaf("vjp", f, x);
        return grad(applied("vjp", f, in), List.of(in), v, false, false).get(0);
    }

    /**
     * The Jacobian-vector product {@code J u} of {@code f} at {@code x} (shape of {@code f(x)}),
     * by the double-vjp trick: {@code J u = d/dw (w^T J) u}, since {@code w^T J u} is linear in {@code w}.
     *
     * @param f the function, applied to a fresh leaf over {@code x}'s values
     * @param x the point; it need not require grad, and is not changed
     * @param u the direction, of {@code x}'s shape
     * @return a new tensor of {@code f(x)}'s shape (zeros when {@code f} does not depend on
     *         {@code x})
     */
    public static Tensor jvp(Function<Tensor, Tensor> f, Tensor x, Tensor u) {
        Tensor in = leaf("jvp", f, x);
        checkShape("jvp", "u", u, x);
        Tensor out = applied("jvp", f, in);
        Tensor w = Tensor.zerosLike(out).requiresGrad(true);
        Tensor wJ = grad(out, List.of(in), w, true, true).get(0);
        Tensor wJu = wJ.mul(u).sum();
        if (!wJu.requiresGrad()) {
            return Tensor.zerosLike(out);
        }
        return grad(wJu, List.of(w), null, false, false).get(0);
    }

    /**
     * The Jacobian of {@code f} at {@code x}: shape {@code f(x).shape + x.shape}.
     *
     * @param f the function, applied to a fresh leaf over {@code x}'s values
     * @param x the point; it need not require grad, and is not changed
     * @return a new constant tensor, {@code J[i..., j...] = d f(x)[i...] / d x[j...]}
     */
    public static Tensor jacobian(Function<Tensor, Tensor> f, Tensor x) {
        return jacobianOf("jacobian", f, x);
    }

    /**
     * The Hessian of a one-element {@code f} at {@code x}: shape {@code x.shape + x.shape}.
     *
     * @param f the function, applied to a fresh leaf over {@code x}'s values; must return one
     *          element
     * @param x the point; it need not require grad, and is not changed
     * @return a new constant tensor, {@code H[i..., j...] = d^2 f / d x[i...] d x[j...]}
     */
    public static Tensor hessian(Function<Tensor, Tensor> f, Tensor x) {
        Objects.requireNonNull(f, "hessian: function is null");
        Function<Tensor, Tensor> gradient = in -> {
            Tensor out = applied("hessian", f, in);
            if (out.numel() != 1) {
                throw new IllegalArgumentException("hessian: the function must return one element, got shape " + out.shape());
            }
            return grad(out, List.of(in), null, true, true).get(0);
        };
        return jacobianOf("hessian", gradient, x);
    }

    /**
     * The Hessian-vector product {@code H v} of a one-element {@code f} at {@code x} (shape of
     * {@code x}).
     *
     * @param f the function, applied to a fresh leaf over {@code x}'s values; must return one
     *          element
     * @param x the point; it need not require grad, and is not changed
     * @param v the vector, of {@code x}'s shape
     * @return a new tensor of {@code x}'s shape (zeros when the gradient does not depend on
     *         {@code x})
     */
    public static Tensor hvp(Function<Tensor, Tensor> f, Tensor x, Tensor v) {
        Tensor in = leaf("hvp", f, x);
        checkShape("hvp", "v", v, x);
        Tensor g = grad(applied("hvp", f, in), List.of(in), null, true, true).get(0);
        Tensor gv = g.mul(v).sum();
        return gv.requiresGrad() ? grad(gv, List.of(in), null, false, false).get(0) : Tensor.zerosLike(x);
    }

    private static Tensor jacobianOf(String op, Function<Tensor, Tensor> f, Tensor x) {
        Tensor in = leaf(op, f, x);
        Tensor out = applied(op, f, in);
        int[] shape = new int[out.dim() + x.dim()];
        System.arraycopy(out.shape().toArray(), 0, shape, 0, out.dim());
        System.arraycopy(x.shape().toArray(), 0, shape, out.dim(), x.dim());
        Shape.of(op, shape); // refuses a Jacobian of more than 2^31-1 elements before allocating it
        int rows = out.numel();
        int cols = x.numel();
        double[] jac = new double[rows * cols];
        if (out.requiresGrad()) {
            for (int r = 0; r < rows; r++) {
                double[] oneHot = new double[rows];
                oneHot[r] = 1.0;
                Tensor row = grad(out, List.of(in), Tensor.of(oneHot, out.shape().toArray()), true, false).get(0);
                System.arraycopy(row.doubles(), 0, jac, r * cols, cols);
            }
        }
        return Tensor.of(jac, shape);
    }

    /** A fresh leaf over {@code x}'s values, after checking {@code op}'s function and point for null. */
    private static Tensor leaf(String op, Function<Tensor, Tensor> f, Tensor x) {
        Objects.requireNonNull(f, op + ": function is null");
        return Objects.requireNonNull(x, op + ": x is null").detach().requiresGrad(true);
    }

    /** {@code f(in)}, refusing a null result with a message naming {@code op}. */
    private static Tensor applied(String op, Function<Tensor, Tensor> f, Tensor in) {
        return Objects.requireNonNull(f.apply(in), op + ": the function returned null");
    }

    private static void checkShape(String op, String name, Tensor v, Tensor x) {
        Objects.requireNonNull(v, op + ": " + name + " is null");
        if (!v.shape().equals(x.shape())) {
            throw new IllegalArgumentException(op + ": " + name + " has shape " + v.shape()
                    + ", expected the input's shape " + x.shape());
        }
    }
}
