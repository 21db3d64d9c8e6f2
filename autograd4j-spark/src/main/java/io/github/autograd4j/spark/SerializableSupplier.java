package io.github.autograd4j.spark;

import java.io.Serializable;
import java.util.function.Supplier;

/**
 * A factory that Spark can ship to its executors: how they make their replicas of the model
 * (or its loss). A lambda or constructor reference becomes serialisable when its target type is
 * this interface, e.g. {@code () -> new Sequential(new Linear(64, 10))}; whatever it captures must
 * be serialisable too.
 *
 * @param <T> what it makes
 */
@FunctionalInterface
public interface SerializableSupplier<T> extends Supplier<T>, Serializable {
}
