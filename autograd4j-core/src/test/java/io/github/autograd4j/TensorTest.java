package io.github.autograd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Tensor creation, properties, backward semantics and bad input. */
class TensorTest {

    @Test
    void creationFunctions() {
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}}).toArray());
        assertEquals(Shape.of(2, 3), Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}}).shape());
        assertEquals(0, Tensor.scalar(3).dim());
        assertEquals(3.0, Tensor.scalar(3).item());
        assertArrayEquals(new double[] {0, 0, 0, 0}, Tensor.zeros(2, 2).toArray());
        assertArrayEquals(new double[] {7, 7}, Tensor.full(7, 2).toArray());
        assertArrayEquals(new double[] {0, 1, 2}, Tensor.arange(3).toArray());
        assertArrayEquals(new double[] {1, 1.5, 2, 2.5}, Tensor.arange(1, 3, 0.5).toArray());
        assertArrayEquals(new double[] {3, 2}, Tensor.arange(3, 1, -1).toArray());
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, Tensor.linspace(0, 1, 5).toArray());
        assertArrayEquals(new double[] {1, 0, 0, 1}, Tensor.eye(2).toArray());
        assertArrayEquals(new double[] {1, 1, 1}, Tensor.onesLike(Tensor.zeros(3)).toArray());
        assertArrayEquals(Tensor.randn(new Random(5), 4).toArray(), Tensor.randn(new Random(5), 4).toArray());
        Tensor r = Tensor.rand(new Random(1), 100);
        for (double v : r.toArray()) {
            assertTrue(v >= 0 && v < 1);
        }
        assertEquals(Shape.of(0, 3), Tensor.zeros(0, 3).shape());
    }

    @Test
    void elementAccessAndCopies() {
        Tensor t = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertEquals(6.0, t.get(1, 2));
        assertEquals(6.0, t.get(-1, -1));
        assertEquals(3, t.size(-1));
        double[] copy = t.toArray();
        copy[0] = 100;
        assertEquals(1.0, t.get(0, 0));
        double[] source = {1, 2};
        Tensor v = Tensor.vector(source);
        source[0] = 9;
        assertEquals(1.0, v.get(0), "of() copies its array");
        assertEquals("get: index 2 out of range for dim 0 of size 2 (shape (2, 3))",
                assertThrows(IllegalArgumentException.class, () -> t.get(2, 0)).getMessage());
        assertEquals("get: 1 indices for a 2-d tensor of shape (2, 3)",
                assertThrows(IllegalArgumentException.class, () -> t.get(1)).getMessage());
        assertEquals("item: expected a tensor with one element, got shape (2, 3)",
                assertThrows(IllegalStateException.class, t::item).getMessage());
    }

    @Test
    void badShapesAreNamed() {
        assertEquals("of: 5 values do not fill shape (2, 3), which holds 6",
                assertThrows(IllegalArgumentException.class, () -> Tensor.of(new double[5], 2, 3)).getMessage());
        assertEquals("of: row 1 has 1 values, row 0 has 2; rows must be equally long",
                assertThrows(IllegalArgumentException.class, () -> Tensor.of(new double[][] {{1, 2}, {3}})).getMessage());
        assertEquals("zeros: size -1 in [2, -1] is negative; sizes must be >= 0",
                assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, -1)).getMessage());
        assertEquals("reshape: cannot reshape a tensor of shape (2, 3) (6 elements) to (4,) (4 elements)",
                assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).reshape(4)).getMessage());
        assertEquals("sum: dim 3 out of range for a 2-d tensor (expected -2 to 1)",
                assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).sum(3, false)).getMessage());
        assertEquals("add: shapes (2, 3) and (4,) do not broadcast: sizes 3 and 4 at dim 1 differ and neither is 1",
                assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).add(Tensor.zeros(4))).getMessage());
        assertEquals("arange: start 0.0, end 1.0, step 0.0: expected finite values and a non-zero step",
                assertThrows(IllegalArgumentException.class, () -> Tensor.arange(0, 1, 0)).getMessage());
    }

    @Test
    void reshapeSharesStorageAndFromMatrixSharesWhenItCan() {
        Tensor t = Tensor.arange(6);
        assertSame(t.storage(), t.reshape(2, 3).storage());
        assertEquals(Shape.of(3, 2), t.reshape(-1, 2).shape());
        DMatrixRMaj m = new DMatrixRMaj(2, 2, true, 1, 2, 3, 4);
        Tensor fromM = Tensor.fromMatrix(m);
        assertSame(m.data, fromM.storage());
        assertSame(fromM.storage(), fromM.toMatrix().data);
        assertEquals(4.0, fromM.toMatrix().get(1, 1));
        assertThrows(IllegalStateException.class, () -> Tensor.zeros(3).toMatrix());
    }

    @Test
    void backwardAccumulatesIntoLeavesAndFreesTheGraph() {
        Tensor w = Tensor.of(new double[] {1, 2, 3}, 3).requiresGrad(true);
        Tensor hidden = w.mul(w);
        Tensor loss = hidden.sum();
        loss.backward();
        assertArrayEquals(new double[] {2, 4, 6}, w.grad().toArray());
        assertNull(hidden.grad(), "interior gradients are freed unless retained");
        IllegalStateException again = assertThrows(IllegalStateException.class, loss::backward);
        assertTrue(again.getMessage().startsWith("backward: the graph through tensor of shape () (sum) was freed by an earlier backward pass"),
                again.getMessage());
        assertArrayEquals(new double[] {2, 4, 6}, w.grad().toArray(), "a refused pass changes no gradient");

        Tensor loss2 = w.mul(w).retainGrad().sum();
        loss2.backward(null, true, false);
        loss2.backward(null, true, false);
        assertArrayEquals(new double[] {6, 12, 18}, w.grad().toArray());
        assertArrayEquals(new double[] {1, 1, 1}, loss2.input(0).grad().toArray());
        w.zeroGrad();
        assertNull(w.grad());
    }

    @Test
    void backwardNeedsAScalarOrAGradientOfTheRightShape() {
        Tensor w = Tensor.ones(2, 2).requiresGrad(true);
        Tensor y = w.mul(3);
        assertEquals("backward: a gradient is needed for an output of shape (2, 2); pass backward(gradient) with a tensor of that shape, or reduce the output to one element",
                assertThrows(IllegalArgumentException.class, y::backward).getMessage());
        assertEquals("backward: gradient of shape (4,) does not match the output's shape (2, 2)",
                assertThrows(IllegalArgumentException.class, () -> y.backward(Tensor.ones(4))).getMessage());
        assertNull(w.grad());
        y.backward(Tensor.full(2, 2, 2));
        assertArrayEquals(new double[] {6, 6, 6, 6}, w.grad().toArray());
        Tensor constant = Tensor.ones(1).mul(2);
        assertTrue(assertThrows(IllegalStateException.class, constant::backward).getMessage()
                .startsWith("backward: tensor of shape (1,) does not require grad"));
    }

    @Test
    void recordingRulesDetachAndRequiresGrad() {
        Tensor w = Tensor.ones(2).requiresGrad(true);
        Tensor y = w.mul(2);
        assertFalse(y.isLeaf());
        assertTrue(y.requiresGrad());
        assertEquals("mul", y.opName());
        assertSame(w, y.input(0));
        assertThrows(IllegalStateException.class, () -> y.requiresGrad(false));
        Tensor d = y.detach();
        assertTrue(d.isLeaf());
        assertFalse(d.requiresGrad());
        assertSame(y.storage(), d.storage());
        try (var off = Grad.disabled()) {
            Tensor z = w.mul(2);
            assertTrue(z.isLeaf());
            assertFalse(z.requiresGrad());
        }
        Tensor c = Tensor.ones(2).mul(Tensor.ones(2));
        assertFalse(c.requiresGrad());
    }

    @Test
    void copyFromOverwritesALeafInPlace() {
        Tensor w = Tensor.vector(1, 2).requiresGrad(true);
        double[] storage = w.storage();
        w.copyFrom(Tensor.vector(5, 6));
        assertArrayEquals(new double[] {5, 6}, w.toArray());
        assertSame(storage, w.storage());
        assertEquals("copyFrom: values of shape (3,) do not fit tensor of shape (2,)",
                assertThrows(IllegalArgumentException.class, () -> w.copyFrom(Tensor.zeros(3))).getMessage());
        Tensor y = w.mul(2);
        assertThrows(IllegalStateException.class, () -> y.copyFrom(Tensor.zeros(2)));
        assertArrayEquals(new double[] {5, 6}, w.toArray(), "a refused copy changes nothing");
    }

    @Test
    void setGradReplacesTheGradientAndChecksItsShape() {
        Tensor w = Tensor.vector(1, 2).requiresGrad(true);
        w.setGrad(Tensor.vector(3, 4));
        assertArrayEquals(new double[] {3, 4}, w.grad().toArray());
        assertEquals("setGrad: gradient of shape (3,) does not fit tensor of shape (2,)",
                assertThrows(IllegalArgumentException.class, () -> w.setGrad(Tensor.zeros(3))).getMessage());
        assertArrayEquals(new double[] {3, 4}, w.grad().toArray());
        w.setGrad(null);
        assertNull(w.grad());
    }

    @Test
    void secondDerivativesThroughCreateGraph() {
        Tensor x = Tensor.of(new double[] {0.5, -1.5}, 2).requiresGrad(true);
        Tensor y = x.mul(x).mul(x).sum();                // sum x^3
        List<Tensor> g = Autograd.grad(y, List.of(x), true);
        assertArrayEquals(new double[] {0.75, 6.75}, g.get(0).toArray(), 1e-15);   // 3x^2
        assertTrue(g.get(0).requiresGrad());
        g.get(0).sum().backward();
        assertArrayEquals(new double[] {3, -9}, x.grad().toArray(), 1e-15);       // 6x
    }

    @Test
    void printsLikePyTorch() {
        assertEquals("tensor([[1., 2.],\n        [3., 4.]])", Tensor.of(new double[][] {{1, 2}, {3, 4}}).toString());
        assertEquals("tensor([ 0.5000, -1.2500], requires_grad=True)",
                Tensor.vector(0.5, -1.25).requiresGrad(true).toString());
        assertEquals("tensor(3.1416)", Tensor.scalar(Math.PI).toString());
        assertEquals("tensor([2., 2.], op=mul, label=y)", Tensor.ones(2).requiresGrad(true).mul(2).label("y").toString());
        assertEquals("tensor([0.5000, 1.5000], dtype=float32)", Tensor.of(new float[] {0.5f, 1.5f}).toString());
        String big = Tensor.arange(2000).toString();
        assertTrue(big.startsWith("tensor([   0.,    1.,    2., ..., 1997., 1998., 1999.])"), big);
        assertEquals("tensor([nan, inf])", Tensor.vector(Double.NaN, Double.POSITIVE_INFINITY).toString());
    }

    @Test
    void gradientsOfAddSubMulDivMatchClosedForms() {
        Tensor a = Tensor.vector(1, 2).requiresGrad(true);
        Tensor b = Tensor.vector(4, -8).requiresGrad(true);
        a.div(b).add(a.mul(b)).sub(b).sum().backward();
        assertArrayEquals(new double[] {1 / 4.0 + 4, -1 / 8.0 - 8}, a.grad().toArray(), 1e-15);
        assertArrayEquals(new double[] {-1 / 16.0 + 1 - 1, -2 / 64.0 + 2 - 1}, b.grad().toArray(), 1e-15);
    }
}
