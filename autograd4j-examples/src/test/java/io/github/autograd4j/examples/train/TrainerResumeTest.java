package io.github.autograd4j.examples.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.Tensor;
import io.github.autograd4j.examples.UsageException;
import io.github.autograd4j.examples.data.BundledData;
import io.github.autograd4j.examples.data.LabelledData;
import io.github.autograd4j.nn.Module;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerResumeTest {

    private static final int[] LAYERS = {64, 16, 10};

    @Test
    void aRunResumedFromItsCheckpointEndsWithTheWeightsOfAnUninterruptedOne(@TempDir Path dir) throws Exception {
        LabelledData all = BundledData.digits().scaled(1.0 / 16);
        LabelledData train = all.select(IntStream.range(0, 300).toArray());
        LabelledData test = all.select(IntStream.range(300, 400).toArray());
        for (OptimizerKind kind : List.of(OptimizerKind.ADAM, OptimizerKind.MOMENTUM)) {
            TrainOptions options = new TrainOptions(4, 32, kind.defaultLr(), kind, 3, 0, 0, dir, Progress.Mode.LINES, null, null);
            double dropout = kind == OptimizerKind.MOMENTUM ? 0.3 : 0; // dropout's masks must repeat too

            ClassifierRun.Net straightNet = ClassifierRun.mlp(3, dropout, LAYERS);
            Module straight = straightNet.model();
            History whole = new Trainer("t", straight, straightNet.perEpoch(), options).fit(train, test);

            Path checkpoint = dir.resolve(kind + ".safetensors");
            ClassifierRun.Net interruptedNet = ClassifierRun.mlp(3, dropout, LAYERS);
            Module interrupted = interruptedNet.model();
            new Trainer("t", interrupted, interruptedNet.perEpoch(), options.withCheckpoints(checkpoint, null)).fit(new DataSplit(train, null, test), 2);
            assertTrue(Files.isRegularFile(checkpoint));
            assertFalse(equal(straight, interrupted), "after 2 of 4 epochs the weights differ");

            ClassifierRun.Net resumedNet = ClassifierRun.mlp(3, dropout, LAYERS);
            Module resumed = resumedNet.model();
            History continued = new Trainer("t", resumed, resumedNet.perEpoch(), options.withCheckpoints(null, checkpoint))
                    .fit(train, test);

            assertTrue(equal(straight, resumed), kind + ", dropout " + dropout + ": the same final weights, bit for bit");
            assertEquals(4, continued.epochs().size());
            assertEquals(whole.last().testLoss(), continued.last().testLoss());
            assertEquals(whole.epochs().get(1).trainLoss(), continued.epochs().get(1).trainLoss(), "epoch 2 comes from the checkpoint");
        }
    }

    @Test
    void aCheckpointOfAnotherArchitectureIsRefusedBeforeAnyWeightChanges(@TempDir Path dir) throws Exception {
        LabelledData all = BundledData.digits().scaled(1.0 / 16).select(IntStream.range(0, 64).toArray());
        TrainOptions options = new TrainOptions(1, 32, 1e-3, OptimizerKind.ADAM, 3, 0, 0, dir, Progress.Mode.LINES, null, null);
        Path checkpoint = dir.resolve("small.safetensors");
        new Trainer("t", ClassifierRun.mlp(3, LAYERS), List.of(), options.withCheckpoints(checkpoint, null)).fit(all, all);

        Module wider = ClassifierRun.mlp(3, 64, 32, 10);
        Module untouched = ClassifierRun.mlp(3, 64, 32, 10);
        Trainer resuming = new Trainer("t", wider, List.of(), options.withEpochs(2).withCheckpoints(null, checkpoint));
        UsageException e = assertThrows(UsageException.class, () -> resuming.fit(all, all));
        assertTrue(e.getMessage().startsWith("--resume " + checkpoint + ": checkpoint: parameter '0.weight' has shape (16, 64) in the file"
                + " but (32, 64) in the model"), e.getMessage());
        assertTrue(equal(untouched, wider), "no weight changed");
    }

    @Test
    void aRunMayBeResumedToTrainLongerWithItsOutputElsewhere(@TempDir Path dir) throws Exception {
        LabelledData all = BundledData.digits().scaled(1.0 / 16).select(IntStream.range(0, 64).toArray());
        Path checkpoint = dir.resolve("ck.safetensors");
        TrainOptions two = new TrainOptions(2, 32, 1e-3, OptimizerKind.ADAM, 3, 0, 0, dir, Progress.Mode.LINES, checkpoint, null);
        History first = new Trainer("t", ClassifierRun.mlp(3, LAYERS), List.of(), two).fit(all, all);

        TrainOptions longer = new TrainOptions(3, 32, 1e-3, OptimizerKind.ADAM, 3, 0, 1, dir.resolve("elsewhere"), Progress.Mode.LINES, null, checkpoint);
        History resumed = new Trainer("t", ClassifierRun.mlp(3, LAYERS), List.of(), longer).fit(all, all);

        assertEquals(3, resumed.epochs().size());
        assertEquals(first.epochs(), resumed.epochs().subList(0, 2), "the first two epochs come from the checkpoint");
    }

    @Test
    void aSaveThatFailsDuringTheRunNamesTheCheckpointGiven(@TempDir Path dir) throws Exception {
        LabelledData all = BundledData.digits().scaled(1.0 / 16).select(IntStream.range(0, 64).toArray());
        Path file = Files.writeString(dir.resolve("plots"), "keep me");
        Path checkpoint = file.resolve("ck.safetensors"); // a place Trainer cannot save to, as a full disk would be
        TrainOptions options = new TrainOptions(1, 32, 1e-3, OptimizerKind.ADAM, 3, 0, 0, dir, Progress.Mode.NONE, checkpoint, null);
        IOException e = assertThrows(IOException.class,
                () -> new Trainer("t", ClassifierRun.mlp(3, LAYERS), List.of(), options).fit(all, all));
        assertTrue(e.getMessage().startsWith("--checkpoint " + checkpoint + ": saving after epoch 1 failed: "), e.getMessage());
        assertEquals("keep me", Files.readString(file));
    }

    private static boolean equal(Module a, Module b) {
        Map<String, Tensor> pa = a.namedParameters();
        Map<String, Tensor> pb = b.namedParameters();
        assertEquals(pa.keySet(), pb.keySet());
        for (String name : pa.keySet()) {
            if (!Arrays.equals(pa.get(name).toArray(), pb.get(name).toArray())) {
                return false;
            }
        }
        return true;
    }
}
