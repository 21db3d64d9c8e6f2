package io.github.autograd4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.DType;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.examples.data.LabelledData;
import io.github.autograd4j.examples.train.ClassifierRun;
import io.github.autograd4j.examples.train.DataSplit;
import io.github.autograd4j.examples.train.EpochStats;
import io.github.autograd4j.examples.train.OptimizerKind;
import io.github.autograd4j.examples.train.Progress;
import io.github.autograd4j.examples.train.TrainOptions;
import java.nio.file.Path;
import java.util.Arrays;
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
    void aValidationSetIsHeldOutOfTheTrainingSetAndReportedEveryEpoch(@TempDir Path dir) throws Exception {
        DataSplit plain = DigitsExample.split(0, 0);
        DataSplit held = DigitsExample.split(0, 0.1);
        assertNull(plain.validation());
        assertEquals(1438, held.train().size() + held.validation().size());
        assertEquals(145, held.validation().size(), "a tenth of each class, rounded per class");
        assertArrayEquals(plain.test().x().toArray(), held.test().x().toArray(), "the test set is the same with or without validation");
        for (int c = 0; c < 10; c++) {
            assertEquals(count(plain.train(), c), count(held.train(), c) + count(held.validation(), c), "class " + c);
        }

        Silent out = new Silent();
        ClassifierRun run = DigitsExample.run(new DigitsExample.Config(
                DigitsExample.defaults().withEpochs(2).withValidation(0.1).withOut(dir), out.out()));
        for (EpochStats epoch : run.history().epochs()) {
            assertTrue(epoch.validationAccuracy() > 0.5 && !Double.isNaN(epoch.testAccuracy()), epoch.toString());
        }
        assertTrue(out.text().contains("1293 training, 145 validation and 359 test samples"), out.text());
        assertTrue(out.text().contains("digits: validation accuracy "), out.text());
    }

    @Test
    void float32TrainsAsWellAsFloat64AndAResumeInTheOtherTypeIsRefused(@TempDir Path dir) throws Exception {
        Path checkpoint = dir.resolve("digits32.safetensors");
        TrainOptions wide = DigitsExample.defaults().withEpochs(3).withOut(dir);
        TrainOptions narrow = wide.withDType(DType.FLOAT32).withCheckpoints(checkpoint, null);
        ClassifierRun run64 = DigitsExample.run(new DigitsExample.Config(wide, new Silent().out()));
        ClassifierRun run32 = DigitsExample.run(new DigitsExample.Config(narrow, new Silent().out()));

        for (Tensor p : run32.model().parameters()) {
            assertEquals(DType.FLOAT32, p.dtype(), "every parameter trained in float32");
        }
        assertTrue(Math.abs(run32.testAccuracy() - run64.testAccuracy()) < 0.02,
                "float32 " + run32.testAccuracy() + ", float64 " + run64.testAccuracy());

        TrainOptions resume64 = wide.withCheckpoints(null, checkpoint);
        UsageException e = assertThrows(UsageException.class, () -> DigitsExample.run(new DigitsExample.Config(resume64, new Silent().out())));
        assertEquals("--resume " + checkpoint + ": the checkpoint was written with dtype 'float32' but this run has 'float64';"
                + " resuming would not continue the same run", e.getMessage());
    }

    private static long count(LabelledData set, int label) {
        return Arrays.stream(set.labels()).filter(l -> l == label).count();
    }

    @Test
    void resumingACheckpointOfAnotherRunIsAUsageError(@TempDir Path dir) throws Exception {
        Path checkpoint = dir.resolve("digits.safetensors");
        TrainOptions one = DigitsExample.defaults().withEpochs(1).withOut(dir).withCheckpoints(checkpoint, null);
        DigitsExample.run(new DigitsExample.Config(one, new Silent().out()));

        TrainOptions otherSeed = new TrainOptions(2, 32, 1e-2, OptimizerKind.ADAM, 7, 0, 0, dir, Progress.Mode.LINES, null, checkpoint);
        UsageException e = assertThrows(UsageException.class,
                () -> DigitsExample.run(new DigitsExample.Config(otherSeed, new Silent().out())));
        assertEquals("--resume " + checkpoint + ": the checkpoint was written with seed '0' but this run has '7';"
                + " resuming would not continue the same run", e.getMessage());

        TrainOptions missing = one.withCheckpoints(null, dir.resolve("nope.safetensors"));
        e = assertThrows(UsageException.class, () -> DigitsExample.run(new DigitsExample.Config(missing, new Silent().out())));
        assertEquals("--resume " + dir.resolve("nope.safetensors") + ": no such file", e.getMessage());
    }
}
