package io.github.autograd4j.nn;

import io.github.autograd4j.Tensor;
import java.util.Objects;

/**
 * Modules applied one after another, as PyTorch's {@code nn.Sequential}: the output of each is the
 * input of the next. The children are named {@code "0"}, {@code "1"}, ... so parameters are named
 * {@code "0.weight"}, {@code "0.bias"}, {@code "2.weight"}, ...; with no children it is the identity.
 */
public class Sequential extends Module {

    private int size;

    /**
     * The given modules, in order.
     *
     * @param modules the modules, none null; none for the identity
     */
    public Sequential(Module... modules) {
        Objects.requireNonNull(modules, "Sequential: modules are null");
        for (Module m : modules) {
            add(m);
        }
    }

    /**
     * Appends {@code module} as the next child (PyTorch's {@code append}); returns this.
     *
     * @param module the module run after the others
     * @return this sequential
     */
    public Sequential add(Module module) {
        Objects.requireNonNull(module, name() + ": module " + size + " is null");
        registerModule(Integer.toString(size), module);
        size++;
        return this;
    }

    /**
     * The number of modules.
     *
     * @return the count, 0 or more
     */
    public int size() {
        return size;
    }

    /**
     * The module at {@code index}.
     *
     * @param index from 0 to {@code size() - 1}
     * @return the module added at that position
     * @throws IndexOutOfBoundsException when there is none
     */
    public Module get(int index) {
        Objects.checkIndex(index, size);
        return namedChildren().get(Integer.toString(index));
    }

    /** Each module in turn on the previous one's output. */
    @Override
    public Tensor forward(Tensor x) {
        Tensor y = x;
        for (Module m : namedChildren().values()) {
            y = m.forward(y);
        }
        return y;
    }
}
