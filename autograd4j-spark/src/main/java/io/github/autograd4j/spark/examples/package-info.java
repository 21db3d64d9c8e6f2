/**
 * Runnable examples of training on Spark: {@link io.github.autograd4j.spark.examples.SparkDigits}.
 */
package io.github.autograd4j.spark.examples;
