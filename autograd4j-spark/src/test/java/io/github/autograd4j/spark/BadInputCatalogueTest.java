package io.github.autograd4j.spark;

import io.github.autograd4j.ErrorCatalogue;
import io.github.autograd4j.ErrorCatalogue.Case;
import io.github.autograd4j.ErrorCatalogue.Scenario;
import io.github.autograd4j.nn.Linear;
import io.github.autograd4j.nn.Sequential;
import io.github.autograd4j.nn.Tanh;
import io.github.autograd4j.nn.loss.CrossEntropyLoss;
import io.github.autograd4j.nn.loss.Reduction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The autograd4j-spark rows (S..) of the bad-input catalogue in docs/errors.md: each bad input is
 * refused before any step with the documented exception and message, leaves the checkpoint file
 * as it was, and leaves nothing cached on the executors.
 */
class BadInputCatalogueTest {

    private static final int[] INPUT = {LocalSpark.FEATURES};
    private static final int[] CLASS = {};

    @TempDir
    Path temp;

    /** {@code bad}, then a check that it left no RDD cached (a failed build unpersists its packed samples). */
    private static Executable cachingNothing(Executable bad) {
        return () -> {
            Set<Integer> before = Set.copyOf(LocalSpark.context().getPersistentRDDs().keySet());
            Throwable thrown = null;
            try {
                bad.execute();
            } catch (Throwable t) {
                thrown = t;
                throw t;
            } finally {
                Set<Integer> after = Set.copyOf(LocalSpark.context().getPersistentRDDs().keySet());
                if (!after.containsAll(before) || !before.containsAll(after)) {
                    throw new AssertionError("RDDs " + after + " are cached after the bad call, " + before + " before", thrown);
                }
            }
        };
    }

    /** Building the toy trainer with {@code settings} on {@code samples}. */
    private static Case building(UnaryOperator<SparkTrainer.Builder> settings, JavaRDD<Sample> samples, int[] input, int[] target) {
        return dir -> Scenario.watching(List.of(),
                cachingNothing(() -> settings.apply(Reference.trainer(LocalSpark::model)).build(samples, input, target)));
    }

    /** The toy samples in 2 partitions with sample 60 (in partition 1) replaced by {@code bad}. */
    private static JavaRDD<Sample> withSample60(Sample bad) {
        List<Sample> samples = new ArrayList<>(LocalSpark.sampleList(LocalSpark.inputs(), LocalSpark.targets()));
        samples.set(60, bad);
        return LocalSpark.context().parallelize(samples, 2);
    }

    /**
     * A checkpoint written after one step of the toy run, then a build with {@code settings} on
     * {@code samples} that would resume from it; the file is watched.
     */
    private static Case resuming(UnaryOperator<SparkTrainer.Builder> settings, JavaRDD<Sample> samples) {
        return dir -> {
            Path file = dir.resolve("ck.safetensors");
            try (SparkTrainer t = Reference.trainer(LocalSpark::model).checkpoint(file.toString(), 1)
                    .build(LocalSpark.samples(2), INPUT, CLASS)) {
                t.train(1);
            }
            return new Scenario(List.of(), List.of(file), cachingNothing(() ->
                    settings.apply(Reference.trainer(LocalSpark::model).checkpoint(file.toString(), 1)).build(samples, INPUT, CLASS)));
        };
    }

    private static Case master(SparkConf conf) {
        return dir -> Scenario.watching(List.of(), () -> SparkMaster.connect(conf));
    }

    @TestFactory
    Stream<DynamicTest> sparkRows() {
        Map<String, Case> cases = new LinkedHashMap<>();
        JavaRDD<Sample> toy = LocalSpark.samples(2);
        // the samples
        cases.put("S01", building(b -> b, LocalSpark.context().parallelize(List.<Sample>of(), 2), INPUT, CLASS));
        cases.put("S02", building(b -> b, withSample60(Sample.of(new double[3], 0)), INPUT, CLASS));
        cases.put("S03", building(b -> b, withSample60(new Sample(new double[4], new double[] {0, 1})), INPUT, CLASS));
        cases.put("S04", building(b -> b, withSample60(null), INPUT, CLASS));
        cases.put("S05", building(b -> b, toy, new int[] {2, -2}, CLASS));
        // the model and the loss
        cases.put("S06", dir -> Scenario.watching(List.of(), cachingNothing(() -> Reference.trainer(
                () -> new Sequential(new Linear(3, 8), new Tanh(), new Linear(8, 3))).build(toy, INPUT, CLASS))));
        cases.put("S07", building(b -> b, toy.map(s -> new Sample(s.input(), new double[] {1, 0})), INPUT, new int[] {2}));
        cases.put("S08", dir -> Scenario.watching(List.of(), cachingNothing(() -> SparkTrainer.builder(LocalSpark::model,
                () -> new CrossEntropyLoss(Reduction.SUM)).optimizer(Reference::optimizer).build(toy, INPUT, CLASS))));
        cases.put("S09", dir -> Scenario.watching(List.of(), cachingNothing(() ->
                SparkTrainer.builder(LocalSpark::model, CrossEntropyLoss::new).build(toy, INPUT, CLASS))));
        // settings
        cases.put("S10", building(b -> b.batchSize(0), toy, INPUT, CLASS));
        cases.put("S11", building(b -> b.checkpoint("ck.safetensors", 0), toy, INPUT, CLASS));
        cases.put("S12", dir -> Scenario.watching(List.of(), () -> {
            try (SparkTrainer t = Reference.trainer(LocalSpark::model).build(toy, INPUT, CLASS)) {
                t.train(-1);
            }
        }));
        // the checkpoint
        cases.put("S13", dir -> Scenario.watching(List.of(), cachingNothing(() -> Reference.trainer(LocalSpark::model)
                .checkpoint(dir.resolve("none/ck.safetensors").toString(), 5).build(toy, INPUT, CLASS))));
        cases.put("S14", dir -> Scenario.watching(List.of(), cachingNothing(() -> Reference.trainer(LocalSpark::model)
                .checkpoint(Files.createDirectory(dir.resolve("ck")).toString(), 5).build(toy, INPUT, CLASS))));
        cases.put("S15", resuming(b -> b.seed(Reference.SEED + 1), toy));
        cases.put("S16", resuming(b -> b.batchSize(Reference.BATCH * 2), toy));
        cases.put("S17", resuming(b -> b, toy.filter(s -> s != null && s.input()[0] < 1.5)));
        cases.put("S18", dir -> {
            Path file = dir.resolve("ck.safetensors");
            try (SparkTrainer t = SparkTrainer.builder(() -> new Sequential(new Linear(4, 5), new Tanh(), new Linear(5, 3)),
                    CrossEntropyLoss::new).optimizer(Reference::optimizer).scheduler(Reference::scheduler).batchSize(Reference.BATCH)
                    .seed(Reference.SEED).checkpoint(file.toString(), 1).build(toy, INPUT, CLASS)) {
                t.train(1);
            }
            return new Scenario(List.of(), List.of(file), cachingNothing(() ->
                    Reference.trainer(LocalSpark::model).checkpoint(file.toString(), 1).build(toy, INPUT, CLASS)));
        });
        // the master
        cases.put("S19", master(new SparkConf(false).setAppName("bad").setMaster("spark://127.0.0.1:1")));
        cases.put("S20", master(new SparkConf(false).setAppName("bad").setMaster("localhost:7077")));
        return ErrorCatalogue.tests("S", cases, temp);
    }
}
