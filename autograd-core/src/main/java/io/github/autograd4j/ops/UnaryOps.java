package io.github.autograd4j.ops;

import io.github.autograd4j.Tensor;

/**
 * Elementwise functions of one tensor, activations included: each forward and its backward rule
 * side by side. Derivatives at kinks follow PyTorch (relu'(0) = abs'(0) = 0).
 */
public final class UnaryOps {

    private UnaryOps() {
    }

    /** {@code -x}. */
    public static Tensor neg(Tensor x) {
        double[] in = x.storage();
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = -in[i];
        }
        return Tensor.fromOp("neg", x.shape(), out, (g, o) -> new Tensor[] {g.neg()}, x);
    }

    public static Tensor exp(Tensor x) { throw new UnsupportedOperationException("exp: not implemented yet"); }
    public static Tensor log(Tensor x) { throw new UnsupportedOperationException("log: not implemented yet"); }
    public static Tensor log1p(Tensor x) { throw new UnsupportedOperationException("log1p: not implemented yet"); }
    public static Tensor expm1(Tensor x) { throw new UnsupportedOperationException("expm1: not implemented yet"); }
    public static Tensor sqrt(Tensor x) { throw new UnsupportedOperationException("sqrt: not implemented yet"); }
    public static Tensor rsqrt(Tensor x) { throw new UnsupportedOperationException("rsqrt: not implemented yet"); }
    public static Tensor abs(Tensor x) { throw new UnsupportedOperationException("abs: not implemented yet"); }
    public static Tensor sign(Tensor x) { throw new UnsupportedOperationException("sign: not implemented yet"); }
    public static Tensor sin(Tensor x) { throw new UnsupportedOperationException("sin: not implemented yet"); }
    public static Tensor cos(Tensor x) { throw new UnsupportedOperationException("cos: not implemented yet"); }
    public static Tensor tanh(Tensor x) { throw new UnsupportedOperationException("tanh: not implemented yet"); }
    public static Tensor sigmoid(Tensor x) { throw new UnsupportedOperationException("sigmoid: not implemented yet"); }
    public static Tensor relu(Tensor x) { throw new UnsupportedOperationException("relu: not implemented yet"); }
    public static Tensor leakyRelu(Tensor x, double slope) { throw new UnsupportedOperationException("leakyRelu: not implemented yet"); }
    public static Tensor elu(Tensor x, double alpha) { throw new UnsupportedOperationException("elu: not implemented yet"); }
    public static Tensor gelu(Tensor x) { throw new UnsupportedOperationException("gelu: not implemented yet"); }
    public static Tensor softplus(Tensor x) { throw new UnsupportedOperationException("softplus: not implemented yet"); }
    public static Tensor clamp(Tensor x, double min, double max) { throw new UnsupportedOperationException("clamp: not implemented yet"); }
    public static Tensor pow(Tensor x, double exponent) { throw new UnsupportedOperationException("pow: not implemented yet"); }
}
