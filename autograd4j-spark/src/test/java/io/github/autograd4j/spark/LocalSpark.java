package io.github.autograd4j.spark;

import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.Linear;
import io.github.autograd4j.nn.Module;
import io.github.autograd4j.nn.Sequential;
import io.github.autograd4j.nn.Tanh;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The one Spark context of the module's tests, in this JVM: {@code local[2,4]}, two threads and
 * up to four attempts per task (in local mode the second number is what {@code spark.task.maxFailures}
 * is on a cluster), bound to the loopback address, without the web UI. Also the toy data set the
 * tests train on: 4 features, 3 classes.
 */
final class LocalSpark {

    /** Samples in the toy data set: 7 batches of 16, the last one of 4, per epoch. */
    static final int SAMPLES = 100;
    static final int FEATURES = 4;
    static final int CLASSES = 3;

    private static JavaSparkContext context;

    private LocalSpark() {
    }

    /** The shared context, started on first use and stopped when the JVM exits. */
    static synchronized JavaSparkContext context() {
        if (context == null) {
            SparkConf conf = new SparkConf().setAppName("autograd4j-spark-tests").setMaster("local[2,4]")
                    .set("spark.task.maxFailures", "4")
                    .set("spark.ui.enabled", "false")
                    .set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1");
            context = SparkMaster.connect(conf);
            Runtime.getRuntime().addShutdownHook(new Thread(context::stop));
        }
        return context;
    }

    /** The toy model: 4-8-3, tanh. */
    static Module model() {
        return new Sequential(new Linear(FEATURES, 8), new Tanh(), new Linear(8, CLASSES));
    }

    /** The toy inputs, (SAMPLES, FEATURES). */
    static Tensor inputs() {
        return Tensor.randn(new Random(11), SAMPLES, FEATURES);
    }

    /** The toy classes, (SAMPLES,): which of the first three features is largest. */
    static Tensor targets() {
        Tensor x = inputs();
        double[] y = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            int best = 0;
            for (int c = 1; c < CLASSES; c++) {
                best = x.get(i, c) > x.get(i, best) ? c : best;
            }
            y[i] = best;
        }
        return Tensor.of(y, SAMPLES);
    }

    /** The toy data set as an RDD of {@code partitions} partitions, in index order. */
    static JavaRDD<Sample> samples(int partitions) {
        return context().parallelize(sampleList(inputs(), targets()), partitions);
    }

    /** Rows of {@code x} with the values of {@code y} as samples. */
    static List<Sample> sampleList(Tensor x, Tensor y) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < x.size(0); i++) {
            samples.add(Sample.of(x.select(0, i).toArray(), y.get(i)));
        }
        return samples;
    }
}
