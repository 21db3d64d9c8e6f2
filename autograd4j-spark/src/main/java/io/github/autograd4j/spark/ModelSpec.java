package io.github.autograd4j.spark;

import io.github.autograd4j.Grad;
import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.Module;
import io.github.autograd4j.nn.loss.Loss;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What every task needs to know of the model, shipped once per step with the task: the factories
 * of the model and the loss, the shapes of one sample, and the parameters' names and shapes in
 * the order of the flat parameter vector ({@link Module#namedParameters()}).
 *
 * @param trainer     names the trainer, so that an executor thread can keep its replica from step to step
 * @param model       makes a replica of the model
 * @param loss        makes the loss
 * @param inputShape  the shape of one input
 * @param targetShape the shape of one target
 * @param names       the parameters' dotted names, in order
 * @param shapes      their shapes, in the same order
 */
record ModelSpec(String trainer, SerializableSupplier<Module> model, SerializableSupplier<Loss> loss, int[] inputShape, int[] targetShape,
                 List<String> names, List<int[]> shapes) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The spec of {@code driverModel}, whose parameters are the ones trained. */
    static ModelSpec of(SerializableSupplier<Module> model, SerializableSupplier<Loss> loss, int[] inputShape,
                        int[] targetShape, Module driverModel) {
        List<String> names = new ArrayList<>();
        List<int[]> shapes = new ArrayList<>();
        driverModel.namedParameters().forEach((name, t) -> {
            names.add(name);
            shapes.add(t.shape().toArray());
        });
        return new ModelSpec(UUID.randomUUID().toString(), model, loss, inputShape.clone(), targetShape.clone(), List.copyOf(names), List.copyOf(shapes));
    }

    /** The number of values of one input. */
    int inputSize() {
        return Shape.of(inputShape).numel();
    }

    /** The number of values of one target. */
    int targetSize() {
        return Shape.of(targetShape).numel();
    }

    /** The number of parameter values: the length of the flat parameter vector. */
    int parameterCount() {
        int n = 0;
        for (int[] s : shapes) {
            n += Shape.of(s).numel();
        }
        return n;
    }

    /** {@code module}'s parameters, one array after another, in the spec's order. */
    static double[] flatten(List<Tensor> parameters) {
        int n = 0;
        for (Tensor t : parameters) {
            n += t.numel();
        }
        double[] flat = new double[n];
        int at = 0;
        for (Tensor t : parameters) {
            System.arraycopy(t.storage(), 0, flat, at, t.numel());
            at += t.numel();
        }
        return flat;
    }

    /**
     * A new replica of the model, made by the factory.
     *
     * @throws IllegalStateException when the factory made a model whose parameters differ from the driver's
     */
    Module newReplica() {
        Module m = model.get();
        Map<String, String> made = layout(m.namedParameters());
        if (!made.equals(layout())) {
            throw new IllegalStateException("SparkTrainer: the model factory made a model with parameters " + made
                    + " on an executor, but the driver's has " + layout() + "; the factory must make the same architecture"
                    + " every time");
        }
        return m;
    }

    /** Gives {@code replica}, made by {@link #newReplica()}, the parameters {@code flat} and no gradients. */
    void load(Module replica, double[] flat) {
        try (var noGrad = Grad.disabled()) {
            int at = 0;
            for (Tensor t : replica.parameters()) {
                double[] values = new double[t.numel()];
                System.arraycopy(flat, at, values, 0, values.length);
                t.copyFrom(Tensor.of(values, t.shape().toArray()));
                at += values.length;
            }
        }
        replica.zeroGrad();
    }

    /** The spec's parameters as {@code name shape} pairs. */
    Map<String, String> layout() {
        Map<String, String> layout = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            layout.put(names.get(i), Shape.of(shapes.get(i)).toString());
        }
        return layout;
    }

    private static Map<String, String> layout(Map<String, Tensor> params) {
        Map<String, String> layout = new LinkedHashMap<>();
        params.forEach((name, t) -> layout.put(name, t.shape().toString()));
        return layout;
    }
}
