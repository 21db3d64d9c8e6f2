package io.github.autograd4j.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * One training sample in a Spark data set: its input and its target, each the row-major values of
 * a tensor whose shape the {@link SparkTrainer} is told ({@code (64,)} and {@code ()} for a digit
 * and its class, say). Primitive arrays, so that Spark stores and ships samples without Java
 * serialisation of tensors. The arrays are not copied: do not change them once in an RDD.
 *
 * @param input  the input's values
 * @param target the target's values (one value for a class index or a scalar regression target)
 * @serial exclude (JDK 17's javadoc warns "no comment" on a serializable record's components)
 */
public record Sample(double[] input, double[] target) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * A sample of these arrays, which are not copied.
     *
     * @param input  the input's values
     * @param target the target's values
     * @throws NullPointerException when an array is null
     */
    public Sample {
        Objects.requireNonNull(input, "Sample: input is null");
        Objects.requireNonNull(target, "Sample: target is null");
    }

    /**
     * A sample of {@code input} and a target of one value, e.g. a class index.
     *
     * @param input  the input's values
     * @param target the target
     * @return the sample
     */
    public static Sample of(double[] input, double target) {
        return new Sample(input, new double[] {target});
    }
}
