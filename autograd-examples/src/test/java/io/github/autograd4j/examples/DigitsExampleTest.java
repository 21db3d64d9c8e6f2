package io.github.autograd4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.examples.train.ClassifierRun;
import io.github.autograd4j.examples.train.OptimizerKind;
import io.github.autograd4j.examples.train.TrainOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigitsExampleTest {

    @Test
    void threeEpochsLearnTheDigitsAndPlotTheCurves(@TempDir Path dir) throws Exception {
        Silent out = new Silent();
        ClassifierRun run = DigitsExample.run(new DigitsExample.Config(DigitsExample.defaults().withEpochs(3).withOut(dir), out.out()));

        assertEquals(3, run.history().epochs().size());
        assertTrue(run.testAccuracy() > 0.9, "accuracy " + run.testAccuracy());
        assertTrue(run.history().last().trainLoss() < run.history().epochs().get(0).trainLoss());
        Pngs.assertPng(run.curves(), 1600, 500);
        assertTrue(out.text().contains("359 test samples"), out.text());
    }

    @Test
    void resumingACheckpointOfAnotherRunIsAUsageError(@TempDir Path dir) throws Exception {
        Path checkpoint = dir.resolve("digits.safetensors");
        TrainOptions one = DigitsExample.defaults().withEpochs(1).withOut(dir).withCheckpoints(checkpoint, null);
        DigitsExample.run(new DigitsExample.Config(one, new Silent().out()));

        TrainOptions otherSeed = new TrainOptions(2, 32, 3e-3, OptimizerKind.ADAM, 7, 0, dir, false, null, checkpoint);
        UsageException e = assertThrows(UsageException.class,
                () -> DigitsExample.run(new DigitsExample.Config(otherSeed, new Silent().out())));
        assertEquals("--resume " + checkpoint + ": the checkpoint was written with seed '0' but this run has '7';"
                + " resuming would not continue the same run", e.getMessage());

        TrainOptions missing = one.withCheckpoints(null, dir.resolve("nope.safetensors"));
        e = assertThrows(UsageException.class, () -> DigitsExample.run(new DigitsExample.Config(missing, new Silent().out())));
        assertEquals("--resume " + dir.resolve("nope.safetensors") + ": no such file", e.getMessage());
    }
}
