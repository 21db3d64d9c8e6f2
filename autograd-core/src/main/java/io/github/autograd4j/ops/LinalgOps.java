package io.github.autograd4j.ops;

import io.github.autograd4j.Tensor;

/** Matrix products and linear algebra (through EJML), each with its backward rule. */
public final class LinalgOps {

    private LinalgOps() {
    }

    public static Tensor matmul(Tensor a, Tensor b) { throw new UnsupportedOperationException("matmul: not implemented yet"); }
    public static Tensor dot(Tensor a, Tensor b) { throw new UnsupportedOperationException("dot: not implemented yet"); }
    public static Tensor outer(Tensor a, Tensor b) { throw new UnsupportedOperationException("outer: not implemented yet"); }
    public static Tensor inv(Tensor a) { throw new UnsupportedOperationException("inv: not implemented yet"); }
    public static Tensor det(Tensor a) { throw new UnsupportedOperationException("det: not implemented yet"); }
    public static Tensor logDet(Tensor a) { throw new UnsupportedOperationException("logDet: not implemented yet"); }
    public static Tensor cholesky(Tensor a) { throw new UnsupportedOperationException("cholesky: not implemented yet"); }
    public static Tensor solve(Tensor a, Tensor b) { throw new UnsupportedOperationException("solve: not implemented yet"); }
}
