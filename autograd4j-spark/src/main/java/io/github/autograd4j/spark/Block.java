package io.github.autograd4j.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;

/**
 * One partition's samples packed into two row-major arrays, the form in which the trainer caches
 * them on the executors: every step reads rows out of it without touching a {@link Sample}. A
 * partition holding a sample that does not fit the shapes is packed as far as that sample, with
 * a {@code problem} saying what is wrong, for the driver to report before any step.
 *
 * @param partition the partition's index
 * @param count     the samples packed
 * @param inputs    {@code count} inputs, one after another
 * @param targets   {@code count} targets, one after another
 * @param problem   what is wrong with sample {@code count} of the partition, or null
 */
record Block(int partition, int count, double[] inputs, double[] targets, String problem) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Packs a partition's samples, each checked against the sizes of the input and target shapes.
     *
     * @param partition   the partition's index
     * @param samples     its samples
     * @param inputShape  the shape of one input, for messages
     * @param inputSize   its number of values
     * @param targetShape the shape of one target, for messages
     * @param targetSize  its number of values
     * @return the block
     */
    static Block pack(int partition, Iterator<Sample> samples, String inputShape, int inputSize, String targetShape,
                      int targetSize) {
        double[] inputs = new double[16 * inputSize];
        double[] targets = new double[16 * targetSize];
        int count = 0;
        String problem = null;
        while (samples.hasNext() && problem == null) {
            Sample s = samples.next();
            problem = s == null ? "is null"
                    : s.input().length != inputSize ? "has an input of " + s.input().length + " values; the input shape "
                            + inputShape + " holds " + inputSize
                    : s.target().length != targetSize ? "has a target of " + s.target().length + " values; the target shape "
                            + targetShape + " holds " + targetSize
                    : null;
            if (problem == null) {
                if ((long) (count + 1) * Math.max(inputSize, targetSize) > Integer.MAX_VALUE - 8) {
                    problem = "is one too many: a partition holds at most " + (Integer.MAX_VALUE - 8) / Math.max(inputSize, targetSize)
                            + " samples of these shapes; repartition the samples into more partitions";
                    break;
                }
                inputs = fit(inputs, (count + 1) * inputSize);
                targets = fit(targets, (count + 1) * targetSize);
                System.arraycopy(s.input(), 0, inputs, count * inputSize, inputSize);
                System.arraycopy(s.target(), 0, targets, count * targetSize, targetSize);
                count++;
            }
        }
        return new Block(partition, count, Arrays.copyOf(inputs, count * inputSize), Arrays.copyOf(targets, count * targetSize),
                problem);
    }

    private static double[] fit(double[] array, int length) {
        return length <= array.length ? array : Arrays.copyOf(array, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(length, 2L * array.length)));
    }

    /** What the driver needs to know of the block: its size, its problem and its first sample (for a check of the model). */
    Summary summary() {
        int inputSize = count == 0 ? 0 : inputs.length / count;
        int targetSize = count == 0 ? 0 : targets.length / count;
        Sample first = count == 0 ? null
                : new Sample(Arrays.copyOf(inputs, inputSize), Arrays.copyOf(targets, targetSize));
        return new Summary(partition, count, problem, first);
    }

    /**
     * A block as the driver sees it after packing.
     *
     * @param partition the partition's index
     * @param count     the samples packed
     * @param problem   what is wrong with the next sample, or null
     * @param first     the first sample, or null when there is none
     */
    record Summary(int partition, int count, String problem, Sample first) implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
