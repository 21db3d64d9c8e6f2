package io.github.autograd4j.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.autograd4j.GradCheck;
import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import java.util.function.Function;

/** Assertions the op-family tests share. */
final class OpAssertions {

    private OpAssertions() {
    }

    /** {@code actual} has {@code shape} and holds {@code values} to 1e-12. */
    static void assertTensor(Tensor actual, double[] values, int... shape) {
        assertEquals(Shape.of(shape), actual.shape());
        assertArrayEquals(values, actual.toArray(), 1e-12);
    }

    /**
     * First- and second-order checks of {@code f}, and a second-order check of {@code f(x) * f(x)},
     * whose Hessian runs the op's backward rule on a gradient that depends on the inputs.
     */
    static void assertGradients(Function<Tensor[], Tensor> f, Tensor... inputs) {
        GradCheck.of(f, inputs).assertPassed();
        GradCheck.of(f, inputs).gradGrad().assertPassed();
        GradCheck.of(t -> f.apply(t).mul(f.apply(t)), inputs).gradGrad().assertPassed();
    }
}
