package io.github.autograd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The README's tensor tour, compiled and run: keep the two in sync. */
class TensorTourTest {

    @Test
    void theTensorTourRunsAsWritten() {
        Random rng = new Random(0);
        Tensor w = Tensor.randn(rng, 3, 2).requiresGrad(true).label("w");
        Tensor b = Tensor.zeros(2).requiresGrad(true).label("b");
        Tensor x = Tensor.randn(rng, 4, 3);                        // a batch of 4
        Tensor loss = x.matmul(w).add(b).tanh().pow(2.0).mean();   // b broadcasts over the batch
        loss.backward();                                           // w.grad(): (3, 2), b.grad(): (2,)

        // Any tensor function, checked to first and second order against finite differences:
        GradCheck.of(t -> t[0].matmul(t[1]).logSoftmax(-1), x, w).assertPassed();
        GradCheck.of(t -> t[0].matmul(t[1]).logSoftmax(-1), x, w).gradGrad().assertPassed();

        // Gradients as values, and higher derivatives:
        Tensor h = Autograd.hessian(t -> t.pow(3.0).sum(), Tensor.vector(1, 2));   // diag(6x)

        assertEquals(Shape.of(3, 2), w.grad().shape());
        assertEquals(Shape.of(2), b.grad().shape());
        assertArrayEquals(new double[] {6, 0, 0, 12}, h.toArray(), 1e-12);
    }
}
