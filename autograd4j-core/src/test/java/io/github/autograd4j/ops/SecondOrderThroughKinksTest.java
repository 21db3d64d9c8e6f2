package io.github.autograd4j.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.Autograd;
import io.github.autograd4j.GradCheck;
import io.github.autograd4j.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The rules of piecewise-linear operations multiply by a mask (a sign, a 0/1 window, tie shares);
 * with createGraph the first gradient stays connected to the inputs, so a second derivative can be
 * asked for and is zero, as in PyTorch, instead of a "does not require grad" error. Each op also
 * passes GradCheck to second order away from its kinks.
 */
class SecondOrderThroughKinksTest {

    /** Away from every kink used below: 0, +-0.5 and ties. */
    private static Tensor x() {
        return Tensor.of(new double[] {-1.3, -0.4, 0.2, 0.7, 1.6, -2.1}, 2, 3).requiresGrad(true);
    }

    private static Tensor y() {
        return Tensor.of(new double[] {0.9, -1.1, 0.45, -0.3, 2.2, -0.6}, 2, 3).requiresGrad(true);
    }

    /** Functions of (x, y) that are piecewise linear in both, so that their second derivatives are zero. */
    private static Map<String, Function<Tensor[], Tensor>> piecewiseLinear() {
        Map<String, Function<Tensor[], Tensor>> f = new LinkedHashMap<>();
        f.put("abs", t -> t[0].abs());
        f.put("relu", t -> t[0].relu());
        f.put("leakyRelu", t -> t[0].leakyRelu(0.1));
        f.put("clamp", t -> t[0].clamp(-0.5, 0.5));
        f.put("sign", t -> t[0].sign().add(t[1]));
        f.put("pow 0", t -> t[0].pow(0.0).add(t[1]));
        f.put("maximum", t -> t[0].maximum(t[1]));
        f.put("minimum", t -> t[0].minimum(t[1]));
        f.put("where", t -> Tensor.where(t[0].gt(0), t[0], t[1]));
        f.put("max over a dim", t -> t[0].max(1, false));
        f.put("min over a dim", t -> t[0].min(0, true));
        f.put("max", t -> t[0].max());
        f.put("max norm", t -> t[0].norm(Double.POSITIVE_INFINITY, 1, false));
        f.put("1-norm", t -> t[0].norm(1.0, 1, false));
        return f;
    }

    @Test
    void theIssuesExampleGivesAZeroSecondDerivative() {
        Tensor x = x();
        Tensor g = Autograd.grad(x.abs().sum(), List.of(x), true).get(0);
        assertTrue(g.requiresGrad(), "the first gradient is connected to x");
        assertArrayEquals(new double[6], Autograd.grad(g.sum(), List.of(x), false).get(0).toArray());
    }

    @TestFactory
    Stream<DynamicTest> theFirstGradientStaysConnectedAndItsGradientIsZero() {
        return piecewiseLinear().entrySet().stream().map(op -> DynamicTest.dynamicTest(op.getKey(), () -> {
            Tensor x = x();
            Tensor y = y();
            Tensor out = op.getValue().apply(new Tensor[] {x, y});
            List<Tensor> first = Autograd.grad(out.mul(out.detach().add(1)).sum(), List.of(x, y), true);
            Tensor total = first.get(0).sum().add(first.get(1).sum());
            assertTrue(total.requiresGrad(), "the first gradients are connected to the inputs");
            List<Tensor> second = Autograd.grad(total, List.of(x, y), false);
            assertArrayEquals(new double[6], second.get(0).toArray(), op.getKey() + ": d/dx");
            assertArrayEquals(new double[6], second.get(1).toArray(), op.getKey() + ": d/dy");
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachPassesGradCheckToSecondOrder() {
        Map<String, Function<Tensor[], Tensor>> f = piecewiseLinear();
        f.put("elu (its mask selects between 1 and a smooth branch)", t -> t[0].elu().mul(t[1]));
        f.put("prod (its masks mark the zeros)", t -> t[0].mul(Tensor.of(new double[] {0, 1, 1, 1, 1, 1}, 2, 3)).prod(1, false));
        return f.entrySet().stream().map(op -> DynamicTest.dynamicTest(op.getKey(), () -> {
            GradCheck.of(op.getValue(), x(), y()).gradGrad().assertPassed();
            GradCheck.of(t -> op.getValue().apply(t).mul(t[0].sum()), x(), y()).gradGrad().assertPassed();
        }));
    }
}
