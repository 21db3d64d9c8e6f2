package io.github.autograd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * In-place changes between recording and backward: a rule that saved a changed tensor refuses to
 * run (as PyTorch's version counter does) instead of giving a wrong gradient; rules that read only
 * the gradient do not mind; optimiser steps between passes keep working.
 */
class InPlaceChangeTest {

    private static Tensor w() {
        return Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}}).requiresGrad(true).label("w");
    }

    private static void overwrite(Tensor t, double value) {
        try (var off = Grad.disabled()) {
            t.copyFrom(Tensor.full(value, t.shape().toArray()));
        }
    }

    @Test
    void aSavedInputChangedAfterRecordingIsRefusedAndNothingChanges() {
        Tensor w = w();
        Tensor x = Tensor.of(new double[][] {{1, 1, 1}, {2, 2, 2}});
        Tensor loss = w.mul(x).exp().sum();
        overwrite(w, 0.5);
        IllegalStateException e = assertThrows(IllegalStateException.class, loss::backward);
        assertEquals("backward: input 0 of mul, tensor 'w' of shape (2, 3), was changed in place after mul saved it"
                + " for its backward rule (it is at version 1, mul saved version 0), so its gradient would be wrong;"
                + " change tensors after backward(), or record the operation on a copy (clone())", e.getMessage());
        assertNull(w.grad(), "a refused pass adds nothing");
    }

    @Test
    void anOutputChangedThroughADetachedViewIsRefused() {
        Tensor x = Tensor.vector(1, 2, 3).requiresGrad(true);
        Tensor y = x.exp();
        overwrite(y.detach(), 7);
        assertEquals(1, y.version(), "detach shares the storage, and so the count");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> y.sum().backward());
        assertEquals("backward: the output of exp, tensor of shape (3,), was changed in place after exp saved it"
                + " for its backward rule (it is at version 1, exp saved version 0), so its gradient would be wrong;"
                + " change tensors after backward(), or record the operation on a copy (clone())", e.getMessage());
    }

    @Test
    void aChangeThroughAReshapedViewCountsForTheWholeStorage() {
        Tensor w = w();
        Tensor loss = w.mul(w).sum();
        Tensor flat;
        try (var off = Grad.disabled()) {
            flat = w.reshape(6);
        }
        overwrite(flat, 1);
        assertEquals(1, w.version());
        assertThrows(IllegalStateException.class, loss::backward);
    }

    @Test
    void aWriteThroughTheBackingArrayCountsOnceIncrementVersionIsCalled() {
        Tensor w = w();
        Tensor loss = w.mul(w).sum();
        w.storage()[0] = 10;
        w.incrementVersion();
        assertEquals(1, w.version());
        assertThrows(IllegalStateException.class, loss::backward);
    }

    @Test
    void onlyALeafCountsAWriteThroughItsArray() {
        Tensor y = w().exp();
        IllegalStateException e = assertThrows(IllegalStateException.class, y::incrementVersion);
        assertEquals("incrementVersion: tensor of shape (2, 3) was made by exp; only a leaf's values can be overwritten",
                e.getMessage());
        assertEquals(0, y.version());
    }

    @Test
    void rulesThatReadOnlyTheGradientDoNotMindAChange() {
        Tensor w = w();
        Tensor loss = w.add(1).reshape(3, 2).sum(0, false).mean();
        overwrite(w, 9);
        loss.backward();
        assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.5, 0.5, 0.5}, w.grad().toArray());
    }

    @Test
    void theFunctionalApiChecksToo() {
        Tensor w = w();
        Tensor loss = w.pow(2.0).sum();
        overwrite(w, 2);
        assertThrows(IllegalStateException.class, () -> Autograd.grad(loss, List.of(w), false));
    }

    @Test
    void stepsBetweenPassesKeepWorking() {
        Tensor w = w();
        Tensor x = Tensor.of(new double[][] {{1, -1, 2}, {0, 3, 1}});
        double last = Double.POSITIVE_INFINITY;
        for (int step = 0; step < 20; step++) {
            Tensor loss = w.mul(x).tanh().pow(2.0).sum();
            assertEquals(true, loss.item() <= last + 1e-12, "gradient descent lowers the loss");
            last = loss.item();
            w.zeroGrad();
            loss.backward();
            try (var off = Grad.disabled()) {
                w.copyFrom(w.sub(w.grad().mul(0.1)));
            }
        }
        assertEquals(20, w.version());
    }

    @Test
    void aCustomOpChecksTheTensorsItSaved() {
        CustomOp square = new CustomOp("square") {
            @Override
            protected Tensor forward(Context ctx, Tensor... in) {
                ctx.save(in[0]);
                return in[0].mul(in[0]);
            }

            @Override
            protected Tensor[] backward(Context ctx, Tensor g) {
                return new Tensor[] {g.mul(ctx.saved(0)).mul(2)};
            }
        };
        Tensor w = w();
        Tensor loss = square.apply(w).sum();
        overwrite(w, 3);
        IllegalStateException e = assertThrows(IllegalStateException.class, loss::backward);
        assertEquals("backward: saved tensor 0 of square (shape (2, 3), 'w') was changed in place after square saved it"
                + " (it is at version 1, saved at version 0), so its gradient would be wrong; change tensors after"
                + " backward(), or save a copy (clone())", e.getMessage());
    }

    @Test
    void aValueOperandChangedBySetDataIsRefused() {
        Value w = Value.of(2.0, "w");
        Value x = Value.of(3.0, "x");
        Value y = w.mul(x).tanh();
        w.setData(5.0);
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertEquals("backward: an operand of mul (Value(data=5, grad=0, label=w) and Value(data=3, grad=0, label=x))"
                + " was changed by setData after mul was recorded, so its gradient would be wrong; change values after"
                + " backward(), and build the graph again", e.getMessage());
        assertEquals(0.0, w.grad());
        assertEquals(0.0, x.grad());
    }

    @Test
    void valueRulesThatDoNotReadTheirOperandsDoNotMind() {
        Value w = Value.of(2.0);
        Value y = w.add(Value.of(1.0)).sub(w).mul(3.0).div(2.0).neg();
        w.setData(7.0);
        y.backward();
        assertEquals(0.0, w.grad(), 0.0, "w - w: the two paths cancel");
        Value v = Value.of(1.0);
        Value z = v.mul(4.0);
        v.setData(2.0);
        z.backward();
        assertEquals(4.0, v.grad());
    }
}
