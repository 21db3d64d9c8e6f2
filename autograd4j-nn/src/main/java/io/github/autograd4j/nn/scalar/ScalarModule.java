package io.github.autograd4j.nn.scalar;

import io.github.autograd4j.Value;
import java.util.List;

/** What {@link Neuron}, {@link Layer} and {@link ScalarMLP} share, as micrograd's {@code Module}: their parameters and clearing their gradients. */
public interface ScalarModule {

    /**
     * Every parameter, in an order that is the same on every call and for every instance of the
     * same shape.
     *
     * @return the parameters, leaves that require grad; not modifiable
     */
    List<Value> parameters();

    /** Sets every parameter's gradient to 0, before a new backward pass. */
    default void zeroGrad() {
        for (Value p : parameters()) {
            p.zeroGrad();
        }
    }
}
