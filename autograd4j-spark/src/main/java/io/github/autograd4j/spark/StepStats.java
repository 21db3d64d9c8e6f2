package io.github.autograd4j.spark;

/**
 * What one step of {@link SparkTrainer#train} did and where its time went, for progress output
 * and for measuring the cost of distribution. Driver times are wall-clock; executor times are
 * summed over the partitions that had samples in the step's batch.
 *
 * @param step              the number of steps done, this one included
 * @param epoch             the epoch (pass over the samples) the batch belongs to, from 0
 * @param batchSize         the samples in the step's global batch
 * @param loss              the mean loss over the batch, before the update
 * @param broadcastNanos    driver: flattening the parameters and broadcasting them
 * @param jobNanos          driver: the gradient job, from submitting it to holding the summed gradient
 * @param updateNanos       driver: setting the averaged gradients, the optimiser's and scheduler's step
 * @param checkpointNanos   driver: writing the checkpoint (0 on the steps without one)
 * @param replicaNanos      executors: copying the parameters into the model replicas (and making a replica, on a
 *                          thread's first task of the trainer)
 * @param parameterNanos    executors: reading the broadcast parameters (fetched once per executor and step)
 * @param computeNanos      executors: forward and backward on their shares of the batch
 * @param gradientNanos     executors: copying the gradients into the primitive array sent back
 */
public record StepStats(long step, int epoch, int batchSize, double loss, long broadcastNanos, long jobNanos,
                        long updateNanos, long checkpointNanos, long replicaNanos, long parameterNanos,
                        long computeNanos, long gradientNanos) {

    /**
     * The step's driver time: broadcast, job, update and checkpoint.
     *
     * @return nanoseconds
     */
    public long totalNanos() {
        return broadcastNanos + jobNanos + updateNanos + checkpointNanos;
    }
}
