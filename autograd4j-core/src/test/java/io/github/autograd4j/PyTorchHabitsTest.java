package io.github.autograd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A PyTorch user's first lines, written as they would write them, compile and mean what they mean
 * in PyTorch (the comment on each line is the PyTorch it stands for); the new differentiable
 * operations pass GradCheck to second order.
 */
class PyTorchHabitsTest {

    @Test
    void firstLinesReadAsInPyTorch() {
        Generator.manualSeed(0);                                   // torch.manual_seed(0)
        Tensor x = Tensor.randn(3, 2);                             // torch.randn(3, 2)
        Tensor v = Tensor.of(new double[] {1, 2, 3});              // torch.tensor([1., 2., 3.])
        assertEquals(Shape.of(3), v.shape());
        assertEquals(Shape.of(3), x.sum(-1).shape());              // x.sum(-1)
        assertEquals(Shape.of(2), x.mean(0).shape());              // x.mean(0)
        assertEquals(Shape.scalar(), x.sum(0, 1).shape());         // x.sum((0, 1))
        assertEquals(Shape.of(2, 3), x.T().shape());               // x.T
        assertEquals(Shape.of(2, 3), x.t().shape());               // x.t()
        assertEquals(Shape.of(2, 3), x.mT().shape());              // x.mT
        Tensor c = Tensor.cat(List.of(x, x), 0);                   // torch.cat([x, x], 0)
        assertEquals(Shape.of(6, 2), c.shape());
        assertEquals(Shape.of(2, 3, 2), Tensor.stack(List.of(x, x), 0).shape());  // torch.stack([x, x], 0)
        assertEquals(Shape.of(3), x.max(1).shape());               // x.max(1).values
        assertArrayEquals(x.argmax(1).toArray(), x.argmax(1, false).toArray());   // x.argmax(1)
        assertArrayEquals(new double[] {1, 2, 3, 1, 2, 3}, v.repeat(2).toArray());  // v.repeat(2)
        assertArrayEquals(new double[] {1, 0, 3}, v.maskedFill(v.eq(2), 0).toArray()); // v.masked_fill(v == 2, 0)
        assertArrayEquals(new double[] {1, 2, 3}, v.clone().toArray());           // v.clone()
        assertEquals(x.get(2, 1), x.T().get(1, 2));
    }

    @Test
    void repeatTilesAsPyTorchDoes() {
        Tensor m = Tensor.of(new double[][] {{1, 2}, {3, 4}});
        // torch.tensor([[1., 2.], [3., 4.]]).repeat(2, 3)
        assertArrayEquals(new double[] {1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4, 1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4},
                m.repeat(2, 3).toArray());
        assertEquals(Shape.of(2, 2, 2), m.repeat(2, 1, 1).shape(), "an extra repeat adds a leading dim");
        assertEquals("repeat: 1 repeats for a 2-d tensor of shape (2, 2); give one per dim (or more, to add leading dims)",
                assertThrows(IllegalArgumentException.class, () -> m.repeat(2)).getMessage());
        assertEquals("t: expected a tensor of at most 2 dims, got shape (1, 2, 2); use transpose(dim0, dim1), or mT() for the last two",
                assertThrows(IllegalArgumentException.class, () -> m.unsqueeze(0).t()).getMessage());
    }

    @Test
    void theNewOperationsPassGradCheckToSecondOrder() {
        Generator.manualSeed(7);
        Tensor a = Tensor.randn(2, 3);
        Tensor b = Tensor.randn(1, 3);
        Tensor mask = Tensor.of(new double[] {1, 0, 1}).reshape(1, 3);
        GradCheck[] checks = {
            GradCheck.of(t -> t[0].repeat(2, 1, 2).mul(t[0].repeat(2, 1, 2)).sum(), a),
            GradCheck.of(t -> t[0].clone().mul(t[1]), a, b),                       // broadcast
            GradCheck.of(t -> t[0].T().matmul(t[0]).tanh(), a),
            GradCheck.of(t -> t[0].t().mul(t[1].t()), a, b),                     // broadcast (3, 2) * (3, 1)
            GradCheck.of(t -> t[0].maskedFill(mask, 2.0).mul(t[1]).pow(2.0), a, b),
            GradCheck.of(t -> t[0].mul(t[1]).sum(-1).exp().mean(0), a, b),
        };
        for (GradCheck check : checks) {
            check.assertPassed();
            check.gradGrad().assertPassed();
        }
    }
}
