package io.github.autograd4j.spark.examples;

import io.github.autograd4j.Generator;
import io.github.autograd4j.Grad;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.examples.DigitsExample;
import io.github.autograd4j.examples.data.LabelledData;
import io.github.autograd4j.examples.train.DataSplit;
import io.github.autograd4j.nn.MLP;
import io.github.autograd4j.nn.Module;
import io.github.autograd4j.nn.loss.CrossEntropyLoss;
import io.github.autograd4j.nn.optim.Adam;
import io.github.autograd4j.nn.optim.CosineAnnealingLR;
import io.github.autograd4j.spark.Sample;
import io.github.autograd4j.spark.SparkMaster;
import io.github.autograd4j.spark.SparkTrainer;
import io.github.autograd4j.spark.StepStats;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The digits MLP (64-256-128-10, without the dropout of the {@code digits} command: dropout masks
 * drawn per partition would not be those of one process) trained data-parallel on Spark: Adam at
 * 1e-2 on a cosine schedule over the run, batches of 32. It prints the loss and the time per step
 * as it goes, the test accuracy, and then trains the same batches in this process alone and
 * prints how far the two runs' weights are apart and what a step costs in each, where the Spark
 * step's time goes included. Run it locally with Maven or on a cluster with {@code spark-submit}
 * (see the README):
 *
 * <pre>
 * SparkDigits [--master URL] [--partitions N] [--steps N] [--batch-size N] [--seed N]
 *             [--checkpoint PATH --every K] [--print-every N] [--no-compare]
 * </pre>
 */
public final class SparkDigits {

    private SparkDigits() {
    }

    /** The options, with their defaults. */
    private static final class Options {
        String master;
        int partitions = 2;
        int steps = 450;
        int batchSize = 32;
        long seed;
        String checkpoint;
        int every = 50;
        int printEvery = 50;
        boolean compare = true;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (name.equals("--no-compare")) {
                    o.compare = false;
                    continue;
                }
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException(name.startsWith("--") ? name + " needs a value" : "unknown argument " + name);
                }
                String value = args[++i];
                switch (name) {
                    case "--master" -> o.master = value;
                    case "--partitions" -> o.partitions = positive(name, value);
                    case "--steps" -> o.steps = positive(name, value);
                    case "--batch-size" -> o.batchSize = positive(name, value);
                    case "--seed" -> o.seed = Long.parseLong(value);
                    case "--checkpoint" -> o.checkpoint = value;
                    case "--every" -> o.every = positive(name, value);
                    case "--print-every" -> o.printEvery = positive(name, value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            return o;
        }

        private static int positive(String name, String value) {
            int n;
            try {
                n = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n < 1) {
                throw new IllegalArgumentException(name + " must be a whole number of at least 1, got '" + value + "'");
            }
            return n;
        }
    }

    /**
     * Runs the example; exit status 2 with a one-line reason on bad options or an unreachable master.
     *
     * @param args the options (see the class comment)
     * @throws IOException when the data or the checkpoint cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Options options;
        JavaSparkContext sc;
        try {
            options = Options.parse(args);
            SparkConf conf = new SparkConf().setAppName("autograd4j spark-digits");
            if (options.master != null) {
                conf.setMaster(options.master);
            } else if (!conf.contains("spark.master")) {
                conf.setMaster("local[2]");
            }
            conf.setIfMissing("spark.log.level", "WARN");
            if (conf.get("spark.master").startsWith("local")) {
                // everything runs in this JVM: listen on the loopback address only, and without the web UI
                conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1").setIfMissing("spark.driver.host", "127.0.0.1")
                        .setIfMissing("spark.ui.enabled", "false");
            }
            sc = SparkMaster.connect(conf);
        } catch (IllegalArgumentException e) {
            System.err.println("spark-digits: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            run(sc, options, System.out);
        } finally {
            sc.stop();
        }
    }

    /** The digits MLP, made on the driver and by every task (a method, so that Spark ships a reference to it). */
    static Module model() {
        return new MLP(DigitsExample.LAYERS);
    }

    private static void run(JavaSparkContext sc, Options o, PrintStream out) throws IOException {
        DataSplit split = DigitsExample.split(o.seed, 0);
        LabelledData train = split.train();
        int[] labels = train.labels();
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            samples.add(Sample.of(train.row(i), labels[i]));
        }
        int steps = o.steps;
        SparkTrainer.Builder settings = SparkTrainer.builder(SparkDigits::model, CrossEntropyLoss::new)
                .optimizer(params -> Adam.builder().lr(1e-2).build(params))
                .scheduler(opt -> new CosineAnnealingLR(opt, steps, 0.0))
                .batchSize(o.batchSize).seed(o.seed);
        if (o.checkpoint != null) {
            settings.checkpoint(o.checkpoint, o.every);
        }
        out.printf(Locale.ROOT, "spark-digits: MLP %s, %d training and %d test samples in %d partitions, master %s, adam lr 0.01,"
                        + " batch %d, %d steps, seed %d%n", layers(), train.size(), split.test().size(), o.partitions, sc.master(),
                o.batchSize, steps, o.seed);
        Generator.manualSeed(o.seed);
        List<StepStats> stats = new ArrayList<>();
        long started = System.nanoTime();
        try (SparkTrainer trainer = settings.build(sc.parallelize(samples, o.partitions), new int[] {train.featureCount()},
                new int[] {})) {
            if (trainer.steps() > 0) {
                out.printf(Locale.ROOT, "spark-digits: resumed from %s at step %d%n", o.checkpoint, trainer.steps());
            }
            trainer.train(steps, s -> {
                stats.add(s);
                if (s.step() % o.printEvery == 0 || s.step() == steps) {
                    out.printf(Locale.ROOT, "step %4d/%d  epoch %2d  loss %.4f  %6.2f ms/step%n", s.step(), steps, s.epoch(), s.loss(),
                            mean(stats.subList(Math.max(0, stats.size() - o.printEvery), stats.size()), StepStats::totalNanos));
                }
            });
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf(Locale.ROOT, "spark-digits: test accuracy %.2f %% after %d steps in %.1f s%n",
                    100 * accuracy(trainer.model(), split.test()), trainer.steps(), seconds);
            if (o.compare && !stats.isEmpty()) {
                compare(sc, o.partitions, settings, train, trainer, stats, o.seed, out);
            }
        }
    }

    /** Trains the same batches in this process and prints the difference and the costs per step. */
    private static void compare(JavaSparkContext sc, int partitions, SparkTrainer.Builder settings, LabelledData train,
                                SparkTrainer trainer, List<StepStats> stats, long seed, PrintStream out) {
        long steps = trainer.steps();
        Generator.manualSeed(seed);
        long start = System.nanoTime();
        Module local = settings.trainLocally(train.x(), train.y(), steps);
        double localMs = (System.nanoTime() - start) / 1e6 / steps;
        double diff = 0;
        List<Tensor> a = trainer.model().parameters();
        List<Tensor> b = local.parameters();
        for (int i = 0; i < a.size(); i++) {
            diff = Math.max(diff, a.get(i).sub(b.get(i)).abs().max().item());
        }
        // the first steps include the JIT's warm-up on both sides; the later half is the steady state
        List<StepStats> steady = stats.subList(stats.size() / 2, stats.size());
        out.printf(Locale.ROOT, "spark-digits: the same %d batches in one process: largest weight difference %.3g%n", steps, diff);
        out.printf(Locale.ROOT, "per step, ms (mean of the last %d steps; one process: mean of all):%n", steady.size());
        out.printf(Locale.ROOT, "  one process                     %7.3f%n", localMs);
        out.printf(Locale.ROOT, "  spark                           %7.3f  = broadcast %.3f + job %.3f + update %.3f + checkpoint %.3f%n",
                mean(steady, StepStats::totalNanos), mean(steady, StepStats::broadcastNanos), mean(steady, StepStats::jobNanos),
                mean(steady, StepStats::updateNanos), mean(steady, StepStats::checkpointNanos));
        out.printf(Locale.ROOT, "  in the job, summed over tasks:  compute %.3f, replica %.3f, parameters %.3f, gradient out %.3f%n",
                mean(steady, StepStats::computeNanos), mean(steady, StepStats::replicaNanos), mean(steady, StepStats::parameterNanos),
                mean(steady, StepStats::gradientNanos));
        baselines(sc, partitions, (int) trainer.model().numParameters(), out);
    }

    /**
     * The costs a step pays whatever the model computes, measured on the same context: a job of
     * {@code partitions} tasks that do nothing, and one whose tasks each send back {@code values}
     * doubles that treeAggregate adds up (the gradient's way back).
     */
    private static void baselines(JavaSparkContext sc, int partitions, int values, PrintStream out) {
        JavaRDD<Integer> tasks = sc.parallelize(IntStream.range(0, partitions).boxed().toList(), partitions);
        double empty = meanMillis(() -> tasks.treeAggregate(0, (a, t) -> a, Integer::sum, 2));
        double arrays = meanMillis(() -> tasks.treeAggregate(new double[values], (a, t) -> new double[values], (a, b) -> {
            double[] sum = new double[values];
            for (int i = 0; i < values; i++) {
                sum[i] = a[i] + b[i];
            }
            return sum;
        }, 2));
        out.printf(Locale.ROOT, "  a job of %d tasks that do nothing  %7.3f%n", partitions, empty);
        out.printf(Locale.ROOT, "  the same, each task sending back %,d doubles (the gradient's size)  %7.3f%n", values, arrays);
    }

    /** The mean time of {@code job} over 40 runs after 10 to warm up, in milliseconds. */
    private static double meanMillis(Runnable job) {
        for (int i = 0; i < 10; i++) {
            job.run();
        }
        long start = System.nanoTime();
        for (int i = 0; i < 40; i++) {
            job.run();
        }
        return (System.nanoTime() - start) / 40 / 1e6;
    }

    private static double mean(List<StepStats> stats, ToLongFunction<StepStats> nanos) {
        return stats.stream().mapToLong(nanos).average().orElse(0) / 1e6;
    }

    private static double accuracy(Module model, LabelledData test) {
        try (var noGrad = Grad.disabled()) {
            model.eval();
            double correct = model.forward(test.x()).argmax(1).eq(test.y()).sum().item();
            model.train();
            return correct / test.size();
        }
    }

    private static String layers() {
        StringBuilder s = new StringBuilder();
        for (int size : DigitsExample.LAYERS) {
            s.append(s.length() == 0 ? "" : "-").append(size);
        }
        return s.toString();
    }
}
