package io.github.autograd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The functional API against closed forms. */
class AutogradTest {

    private final Random rng = new Random(7);

    @Test
    void gradLeavesEveryGradAsItWas() {
        Tensor x = Tensor.vector(1, 2, 3).requiresGrad(true);
        Tensor w = Tensor.vector(2, 2, 2).requiresGrad(true);
        Tensor earlier = Tensor.vector(9, 9, 9);
        x.mul(w).sum().backward();
        Tensor xGrad = x.grad();
        List<Tensor> g = Autograd.grad(x.mul(x).mul(w).sum(), List.of(x), false);
        assertArrayEquals(new double[] {4, 8, 12}, g.get(0).toArray());
        assertSame(xGrad, x.grad());
        assertArrayEquals(new double[] {1, 2, 3}, w.grad().toArray());
        Tensor unused = Tensor.zeros(2).requiresGrad(true);
        assertArrayEquals(new double[] {0, 0}, Autograd.grad(x.sum(), List.of(unused), false).get(0).toArray());
        assertNull(unused.grad());
        assertEquals(9.0, earlier.get(0));
        assertEquals("grad: input 0 (shape (3,)) does not require grad; call requiresGrad(true) on it before computing the output",
                assertThrows(IllegalArgumentException.class, () -> Autograd.grad(x.sum(), List.of(Tensor.ones(3)), false)).getMessage());
    }

    @Test
    void jacobianOfAnElementwiseProductIsDiagonal() {
        Tensor a = Tensor.vector(1, -2, 3);
        Tensor x = Tensor.vector(0.5, 1.5, -1);
        Tensor j = Autograd.jacobian(t -> t.mul(t).mul(a), x);
        assertEquals(Shape.of(3, 3), j.shape());
        assertArrayEquals(new double[] {1, 0, 0, 0, -6, 0, 0, 0, -6}, j.toArray(), 1e-15);   // diag(2 a x)
    }

    @Test
    void hessianOfAWeightedSumOfCubes() {
        Tensor a = Tensor.vector(1, -2, 3);
        Tensor x = Tensor.vector(0.5, 1.5, -1);
        Tensor h = Autograd.hessian(t -> t.mul(t).mul(t).mul(a).sum(), x);
        assertArrayEquals(new double[] {3, 0, 0, 0, -18, 0, 0, 0, -18}, h.toArray(), 1e-14);   // diag(6 a x)
        Tensor v = Tensor.vector(1, 1, 2);
        assertArrayEquals(new double[] {3, -18, -36}, Autograd.hvp(t -> t.mul(t).mul(t).mul(a).sum(), x, v).toArray(), 1e-14);
    }

    @Test
    void hessianOfAProductCouplesTheInputs() {
        // f(x) = (x0 x1 + x1 x2)^2 / 2 on a 2-d x of shape (1, 3), with broadcasting inside
        Tensor x = Tensor.of(new double[] {1, 2, 3}, 1, 3);
        Tensor h = Autograd.hessian(t -> {
            Tensor x0 = t.sum(new int[] {1}, true).sub(t.mul(Tensor.of(new double[] {0, 1, 1}, 3)).sum());
            Tensor x1 = t.mul(Tensor.of(new double[] {0, 1, 0}, 3)).sum();
            Tensor x2 = t.mul(Tensor.of(new double[] {0, 0, 1}, 3)).sum();
            Tensor s = x0.mul(x1).add(x1.mul(x2));
            return s.mul(s).mul(0.5).sum();
        }, x);
        // s = x1 (x0 + x2); grad s = (x1, x0 + x2, x1); H = grad s grad s^T + s * Hess s
        double x0 = 1, x1 = 2, x2 = 3, s = x1 * (x0 + x2);
        double[] gs = {x1, x0 + x2, x1};
        double[][] hs = {{0, 1, 0}, {1, 0, 1}, {0, 1, 0}};
        double[] expected = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                expected[i * 3 + j] = gs[i] * gs[j] + s * hs[i][j];
            }
        }
        assertEquals(Shape.of(1, 3, 1, 3), h.shape());
        assertArrayEquals(expected, h.toArray(), 1e-12);
    }

    @Test
    void hessianOfAQuadraticFormIsAPlusATransposed() {
        Tensor a = TestInputs.uniform(rng, -1, 1, 4, 4);
        Tensor x = TestInputs.uniform(rng, -1, 1, 4);
        Tensor h = Autograd.hessian(t -> t.matmul(a).dot(t), x);
        assertArrayEquals(a.add(a.mT()).toArray(), h.toArray(), 1e-12);
        Tensor v = TestInputs.uniform(rng, -1, 1, 4);
        assertArrayEquals(a.add(a.mT()).matmul(v).toArray(), Autograd.hvp(t -> t.matmul(a).dot(t), x, v).toArray(), 1e-12);
    }

    @Test
    void hessianOfLogSumExpIsDiagPMinusPPTransposed() {
        Tensor x = TestInputs.uniform(rng, -2, 2, 5);
        Tensor p = x.softmax(0);
        Tensor expected = Tensor.eye(5).mul(p).sub(p.outer(p));
        assertArrayEquals(expected.toArray(), Autograd.hessian(Tensor::logSumExp, x).toArray(), 1e-12);
        assertArrayEquals(p.toArray(), Autograd.vjp(Tensor::logSumExp, x, Tensor.scalar(1)).toArray(), 1e-12);
    }

    @Test
    void jacobianOfMatmulIsTheMatrix() {
        Tensor a = TestInputs.uniform(rng, -1, 1, 3, 4);
        assertArrayEquals(a.toArray(), Autograd.jacobian(a::matmul, TestInputs.uniform(rng, -1, 1, 4)).toArray(), 0.0);
    }

    @Test
    void vjpAndJvpAreTransposesOfEachOther() {
        Tensor x = TestInputs.uniform(rng, -1, 1, 2, 3);
        java.util.function.Function<Tensor, Tensor> f = t -> t.mul(t).sum(0, false).mul(t.sum());
        Tensor j = Autograd.jacobian(f, x).reshape(3, 6);
        Tensor u = TestInputs.uniform(rng, -1, 1, 2, 3);
        Tensor v = TestInputs.uniform(rng, -1, 1, 3);
        double[] ju = Autograd.jvp(f, x, u).toArray();
        double[] vj = Autograd.vjp(f, x, v).toArray();
        for (int r = 0; r < 3; r++) {
            double expected = 0;
            for (int c = 0; c < 6; c++) {
                expected += j.get(r, c) * u.storage()[c];
            }
            assertEquals(expected, ju[r], 1e-12);
        }
        for (int c = 0; c < 6; c++) {
            double expected = 0;
            for (int r = 0; r < 3; r++) {
                expected += v.storage()[r] * j.get(r, c);
            }
            assertEquals(expected, vj[c], 1e-12);
        }
        assertThrows(IllegalArgumentException.class, () -> Autograd.jvp(f, x, Tensor.zeros(3)));
    }
}
