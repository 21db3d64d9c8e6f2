package io.github.autograd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;

/** A backward pass without retainGraph lets the intermediate results of a tensor graph be collected while the loss is held. */
class GraphMemoryTest {

    /** A loss and weak references to the intermediate tensors and buffers that made it. */
    private record Built(Tensor loss, WeakReference<Tensor> hidden, WeakReference<double[]> hiddenData,
                         WeakReference<Tensor> activated) {
    }

    private static Built build(Tensor w, Tensor x) {
        Tensor hidden = x.matmul(w);
        Tensor activated = hidden.tanh();
        Tensor loss = activated.mul(activated).mean();
        return new Built(loss, new WeakReference<>(hidden), new WeakReference<>(hidden.storage()),
                new WeakReference<>(activated));
    }

    private static void collect(WeakReference<?> ref) throws InterruptedException {
        for (int i = 0; i < 100 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(5);
        }
    }

    @Test
    void intermediatesAreUnreachableAfterBackwardWhileTheLossIsHeld() throws InterruptedException {
        Tensor w = Tensor.randn(new java.util.Random(1), 4, 3).requiresGrad(true);
        Tensor x = Tensor.randn(new java.util.Random(2), 5, 4);
        Built built = build(w, x);
        built.loss().backward();
        collect(built.hiddenData());
        assertNull(built.hidden().get(), "the matmul result is not reachable from the loss");
        assertNull(built.hiddenData().get(), "nor is its buffer");
        assertNull(built.activated().get());
        assertNotNull(w.grad(), "the leaf keeps its gradient");
        assertEquals(1, built.loss().numel(), "the loss keeps its own value");
    }

    @Test
    void aRetainedGraphKeepsItsIntermediates() throws InterruptedException {
        Tensor w = Tensor.randn(new java.util.Random(1), 4, 3).requiresGrad(true);
        Tensor x = Tensor.randn(new java.util.Random(2), 5, 4);
        Built built = build(w, x);
        built.loss().backward(null, true, false);
        collect(built.hiddenData());
        assertNotNull(built.hiddenData().get(), "a retained graph still links the loss to its intermediates");
        double[] first = w.grad().toArray();
        built.loss().backward(null, false, false);
        double[] twice = w.grad().toArray();
        for (int i = 0; i < first.length; i++) {
            first[i] *= 2;
        }
        assertArrayEquals(first, twice, 1e-15, "the retained graph back-propagates again");
    }
}
