package io.github.autograd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input names the op and the shapes, and changes nothing: no gradient, no half-built node. */
class BadInputTest {

    private final Tensor w = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}}).requiresGrad(true).label("w");

    private void assertRefused(Class<? extends Throwable> type, String message, Executable bad) {
        w.zeroGrad();
        w.mul(w).sum().backward();
        Tensor before = w.grad();
        Throwable e = assertThrows(type, bad);
        assertEquals(message, e.getMessage());
        assertSame(before, w.grad(), "a refused operation changes no gradient");
        w.mul(2).sum().backward();   // the leaf still works
        assertArrayEquals(before.add(2).toArray(), w.grad().toArray());
    }

    @Test
    void shapeAndDimErrorsNameTheOpAndTheShapes() {
        assertRefused(IllegalArgumentException.class, "matmul: cannot multiply (2, 3) by (4, 5): inner dimensions 3 and 4 differ",
                () -> w.matmul(Tensor.zeros(4, 5)));
        assertRefused(IllegalArgumentException.class, "sum: dim 3 out of range for a 2-d tensor (expected -2 to 1)",
                () -> w.sum(3, false));
        assertRefused(IllegalArgumentException.class, "reshape: cannot reshape a tensor of shape (2, 3) (6 elements) to (4,) (4 elements)",
                () -> w.reshape(4));
        assertRefused(IllegalArgumentException.class, "mul: shapes (2, 3) and (2,) do not broadcast: sizes 3 and 2 at dim 1 differ and neither is 1",
                () -> w.mul(Tensor.ones(2)));
        assertRefused(IllegalArgumentException.class, "of: 5 values do not fill shape (2, 3), which holds 6",
                () -> Tensor.of(new double[5], 2, 3));
    }

    @Test
    void backwardErrorsSayWhatIsNeeded() {
        assertRefused(IllegalArgumentException.class, "backward: a gradient is needed for an output of shape (2, 3); pass backward(gradient) with a tensor of that shape, or reduce the output to one element",
                () -> w.mul(3).backward());
        assertRefused(IllegalStateException.class, "backward: tensor of shape () does not require grad: no input it was made from requires grad, or it was made under Grad.disabled()",
                () -> Tensor.ones(2).sum().backward());
    }

    @Test
    void singularMatricesAreRefusedNotInfinite() {
        Tensor singular = Tensor.of(new double[][] {{1, 2}, {2, 4}}).requiresGrad(true);
        IllegalArgumentException inv = assertThrows(IllegalArgumentException.class, singular::inv);
        assertTrue(inv.getMessage().startsWith("inv: matrix of shape (2, 2) is singular"), inv.getMessage());
        IllegalArgumentException solve = assertThrows(IllegalArgumentException.class, () -> Tensor.solve(singular, Tensor.ones(2)));
        assertTrue(solve.getMessage().startsWith("solve: matrix of shape (2, 2) is singular"), solve.getMessage());
    }

    @Test
    void aTensorRecordedOnAnotherThreadCanBeUsedHere() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Tensor fromOtherThread = pool.submit(() -> w.mul(3)).get();
            fromOtherThread.mul(w).sum().backward();
            w.zeroGrad();
            Tensor y = pool.submit(() -> w.mul(3)).get().mul(w).sum();
            List<Tensor> g = Autograd.grad(y, List.of(w), false);
            assertArrayEquals(w.mul(6).toArray(), g.get(0).toArray(), 1e-15);
        } finally {
            pool.shutdown();
        }
    }
}
