package io.github.autograd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gradient hooks on values and tensors: observing, replacing and removing. */
class HooksTest {

    @Test
    void valueHooksObserveAndReplace() {
        Value x = Value.of(2.0);
        List<Double> seen = new ArrayList<>();
        Value h = x.mul(3.0);
        h.registerHook(g -> {
            seen.add(g);
            return g;
        });
        h.registerHook(g -> g * 10);
        Value y = h.mul(h);                  // dy/dh = 2h = 12
        y.backward();
        assertEquals(List.of(12.0), seen);
        assertEquals(120.0, h.grad());
        assertEquals(360.0, x.grad(), "the replaced gradient flows on: 120 * 3");
    }

    @Test
    void leafHooksSeeOnlyThisPassAndAddToWhatWasThere() {
        Value w = Value.of(1.5);
        List<Double> seen = new ArrayList<>();
        w.registerHook(g -> {
            seen.add(g);
            return g;
        });
        HookHandle negate = w.registerHook(g -> -g);
        Value y = w.mul(w);
        y.backward();
        y.backward();
        assertEquals(List.of(3.0, 3.0), seen);
        assertEquals(-6.0, w.grad());
        negate.remove();
        y.backward();
        assertEquals(-3.0, w.grad(), "the removed hook no longer negates");
        assertEquals(3, seen.size(), "the other hook still runs");
        w.clearHooks();
        y.backward();
        assertEquals(0.0, w.grad());
        assertEquals(3, seen.size());
    }

    @Test
    void tensorHooksObserveAndReplace() {
        Tensor w = Tensor.vector(1, 2).requiresGrad(true);
        List<Tensor> seen = new ArrayList<>();
        w.registerHook(g -> {
            seen.add(g);
            return null;                      // null: leave the gradient as it is
        });
        Tensor h = w.mul(2);
        h.registerHook(g -> g.mul(0.5));
        h.mul(h).sum().backward();           // d/dh = 2h = [4, 8] -> halved [2, 4] -> * 2 = [4, 8]
        assertEquals(1, seen.size());
        assertArrayEquals(new double[] {4, 8}, seen.get(0).toArray());
        assertArrayEquals(new double[] {4, 8}, w.grad().toArray());
    }

    @Test
    void aRemovedTensorHookNoLongerRuns() {
        Tensor w = Tensor.vector(1, 2).requiresGrad(true);
        HookHandle doubling = w.registerHook(g -> g.mul(2));
        w.sum().backward();
        assertArrayEquals(new double[] {2, 2}, w.grad().toArray());
        doubling.remove();
        doubling.remove();
        w.zeroGrad();
        w.sum().backward();
        assertArrayEquals(new double[] {1, 1}, w.grad().toArray());
    }

    @Test
    void aHookThatChangesTheShapeIsRefused() {
        Tensor w = Tensor.vector(1, 2).requiresGrad(true);
        Tensor h = w.mul(2);
        h.registerHook(g -> Tensor.zeros(3));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> h.sum().backward());
        assertEquals("mul: a gradient hook returned shape (3,) for a gradient of shape (2,)", e.getMessage());
    }
}
