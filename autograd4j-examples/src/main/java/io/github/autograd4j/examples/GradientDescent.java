package io.github.autograd4j.examples;

import io.github.autograd4j.Grad;
import io.github.autograd4j.Value;
import java.util.List;

/** The plain update of the scalar-engine examples, {@code p <- p - lr * dLoss/dp}, recording nothing. */
final class GradientDescent {

    private GradientDescent() {
    }

    /** Moves every parameter against its gradient by {@code lr} times it. */
    @SuppressWarnings("try") // the scope is used for its effect only
    static void step(List<Value> parameters, double lr) {
        try (var off = Grad.disabled()) {
            for (Value p : parameters) {
                p.setData(p.data() - lr * p.grad());
            }
        }
    }
}
