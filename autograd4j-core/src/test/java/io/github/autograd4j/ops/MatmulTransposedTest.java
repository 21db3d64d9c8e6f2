package io.github.autograd4j.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.autograd4j.GradCheck;
import io.github.autograd4j.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ProductOps#matmulTransposed} against {@code matmul(a, b.mT())}: values, gradients and bad shapes. */
class MatmulTransposedTest {

    private final Random rng = new Random(5);

    @Test
    void matchesMatmulByTheCopiedTransposeWithItsGradients() {
        int[][][] shapes = {
            {{4, 7}, {5, 7}}, {{7}, {5, 7}}, {{2, 3, 6}, {4, 6}}, {{3, 6}, {2, 4, 6}}, {{1, 1}, {1, 1}}, {{65, 70}, {33, 70}},
        };
        for (int[][] s : shapes) {
            Tensor a = Tensor.randn(rng, s[0]).requiresGrad(true);
            Tensor b = Tensor.randn(rng, s[1]).requiresGrad(true);
            Tensor a2 = a.detach().requiresGrad(true);
            Tensor b2 = b.detach().requiresGrad(true);
            Tensor got = ProductOps.matmulTransposed(a, b);
            Tensor want = a2.matmul(b2.mT());
            assertEquals(want.shape(), got.shape());
            assertArrayEquals(want.storage(), got.storage(), 1e-12);
            Tensor weights = Tensor.randn(rng, want.shape().toArray());
            got.mul(weights).sum().backward();
            want.mul(weights).sum().backward();
            assertArrayEquals(a2.grad().storage(), a.grad().storage(), 1e-12, "da for " + a.shape() + " x " + b.shape());
            assertArrayEquals(b2.grad().storage(), b.grad().storage(), 1e-12, "db for " + a.shape() + " x " + b.shape());
        }
    }

    @Test
    void passesGradCheckToSecondOrderWithBroadcastBatchDims() {
        int[][][] shapes = {{{3, 4}, {2, 4}}, {{4}, {3, 4}}, {{2, 1, 3}, {2, 3}}, {{2, 3}, {2, 1, 4, 3}}};
        for (int[][] s : shapes) {
            Tensor a = Tensor.randn(rng, s[0]).requiresGrad(true);
            Tensor b = Tensor.randn(rng, s[1]).requiresGrad(true);
            GradCheck.of(in -> ProductOps.matmulTransposed(in[0], in[1]), a, b).gradGrad().assertPassed();
        }
    }

    @Test
    void badShapesAreRejectedWithTheShapes() {
        IllegalArgumentException lastDims = assertThrows(IllegalArgumentException.class,
                () -> ProductOps.matmulTransposed(Tensor.zeros(2, 3), Tensor.zeros(3, 2)));
        assertEquals("matmulTransposed: cannot multiply (2, 3) by the transpose of (3, 2): last dimensions 3 and 2 differ",
                lastDims.getMessage());
        IllegalArgumentException vector = assertThrows(IllegalArgumentException.class,
                () -> ProductOps.matmulTransposed(Tensor.zeros(2, 3), Tensor.zeros(3)));
        assertEquals("matmulTransposed: needs operands of at least 1 and 2 dims, got shapes (2, 3) and (3,)",
                vector.getMessage());
    }
}
