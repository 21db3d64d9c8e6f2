/**
 * Data-parallel training of autograd4j-nn models on Apache Spark: {@link io.github.autograd4j.spark.SparkTrainer}
 * trains on an RDD of {@link io.github.autograd4j.spark.Sample}s by synchronous SGD, to the weights of a
 * single-process run of the same batches; {@link io.github.autograd4j.spark.SparkMaster} opens a context
 * after checking its master. Spark itself is a {@code provided} dependency.
 */
package io.github.autograd4j.spark;
