package io.github.autograd4j.spark;

import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.Module;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;

/**
 * One step's work on a partition, run on an executor: the gradient of the partition's share of
 * the global batch, weighted so that the shares add up to the gradient of the mean loss over the
 * whole batch. The result is one primitive array, laid out as
 *
 * <pre>
 * [0, P)            the gradient, parameter after parameter (P = the parameter count)
 * [P, P + T)        per parameter tensor, 1 when a gradient reached it (T = the number of tensors)
 * P + T             the share's loss, weighted as the gradient
 * P + T + 1 ... +4  nanoseconds spent loading the parameters into the replica (made on a thread's first task),
 *                   reading the broadcast, computing, copying the gradient
 * </pre>
 *
 * or null when the partition holds none of the batch.
 *
 * @param spec       the model, loss and shapes
 * @param parameters the parameters, broadcast once per step
 * @param batch      the global indices of the batch's samples, in batch order
 * @param offsets    the global index of each partition's first sample
 */
record GradientTask(ModelSpec spec, Broadcast<double[]> parameters, int[] batch, long[] offsets) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Each executor thread's replica, kept from step to step of one trainer: making a model (its
     * random initial weights) costs about as much as a small model's step. One model per task
     * thread stays in memory until the thread's next trainer replaces it.
     */
    private static final ThreadLocal<Replica> REPLICAS = new ThreadLocal<>();

    private record Replica(String trainer, Module model) {
    }

    /** The number of timing slots at the end of a result. */
    static final int TIMINGS = 4;

    /** The length of a result for {@code spec}. */
    static int resultLength(ModelSpec spec) {
        return spec.parameterCount() + spec.names().size() + 1 + TIMINGS;
    }

    /**
     * The weighted gradient of {@code block}'s share of the batch.
     *
     * @param block the partition's samples
     * @return the result array, or null when the partition holds none of the batch
     */
    double[] apply(Block block) {
        int[] rows = rowsOf(block);
        if (rows.length == 0) {
            return null;
        }
        long t0 = System.nanoTime();
        double[] flat = parameters.value();
        long t1 = System.nanoTime();
        Module replica = replica();
        spec.load(replica, flat);
        long t2 = System.nanoTime();
        Tensor x = Tensor.of(gather(block.inputs(), rows, spec.inputSize()), batchShape(rows.length, spec.inputShape()));
        Tensor y = Tensor.of(gather(block.targets(), rows, spec.targetSize()), batchShape(rows.length, spec.targetShape()));
        Tensor loss = spec.loss().get().forward(replica.forward(x), y).mul((double) rows.length / batch.length);
        loss.backward();
        long t3 = System.nanoTime();
        double[] result = new double[resultLength(spec)];
        List<Tensor> params = List.copyOf(replica.namedParameters().values());
        int at = 0;
        int p = spec.parameterCount();
        for (int i = 0; i < params.size(); i++) {
            Tensor grad = params.get(i).grad();
            if (grad != null) {
                System.arraycopy(grad.storage(), 0, result, at, grad.numel());
                result[p + i] = 1;
            }
            at += params.get(i).numel();
        }
        int end = p + params.size();
        result[end] = loss.item();
        long t4 = System.nanoTime();
        result[end + 1] = t2 - t1;
        result[end + 2] = t1 - t0;
        result[end + 3] = t3 - t2;
        result[end + 4] = t4 - t3;
        return result;
    }

    /** This thread's replica of the trainer's model, made on its first task. */
    private Module replica() {
        Replica r = REPLICAS.get();
        if (r == null || !r.trainer().equals(spec.trainer())) {
            r = new Replica(spec.trainer(), spec.newReplica());
            REPLICAS.set(r);
        }
        return r.model();
    }

    /** The rows of {@code block} that are in the batch, in batch order. */
    private int[] rowsOf(Block block) {
        long from = offsets[block.partition()];
        long to = from + block.count();
        return Arrays.stream(batch).filter(i -> i >= from && i < to).map(i -> (int) (i - from)).toArray();
    }

    private static double[] gather(double[] packed, int[] rows, int size) {
        double[] out = new double[rows.length * size];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(packed, rows[r] * size, out, r * size, size);
        }
        return out;
    }

    /** The shape of {@code rows} samples of shape {@code sample} stacked along a new dim 0. */
    static int[] batchShape(int rows, int[] sample) {
        int[] shape = new int[sample.length + 1];
        shape[0] = rows;
        System.arraycopy(sample, 0, shape, 1, sample.length);
        return shape;
    }
}
