package io.github.autograd4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.examples.data.DataFormatException;
import io.github.autograd4j.examples.data.Idx;
import io.github.autograd4j.examples.data.IdxFiles;
import io.github.autograd4j.examples.train.ClassifierRun;
import io.github.autograd4j.examples.train.TrainOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistExampleTest {

    @Test
    void trainsOnSmallIdxFilesGzippedOrNot(@TempDir Path dir) throws Exception {
        IdxFiles.writeBars(dir, "train", 200, 1, true);
        IdxFiles.writeBars(dir, "t10k", 50, 2, false);
        Silent out = new Silent();
        ClassifierRun run = MnistExample.run(new MnistExample.Config(dir, MnistExample.defaults().withEpochs(2).withOut(dir), out.out()));
        assertEquals(2, run.history().epochs().size());
        assertTrue(run.testAccuracy() > 0.9, out.text());
        assertTrue(Files.isRegularFile(dir.resolve("mnist-curves.png")));
        assertTrue(out.text().contains("MLP 784-256-128-10, 200 training and 50 test samples"), out.text());
    }

    @Test
    void missingOrMismatchedFilesAreNamed(@TempDir Path dir) throws Exception {
        TrainOptions options = MnistExample.defaults().withOut(dir);
        Path none = dir.resolve("none");
        assertEquals("--data " + none + ": no such directory; it must hold MNIST's four IDX files (see the README)",
                assertThrows(UsageException.class, () -> MnistExample.run(new MnistExample.Config(none, options,
                        System.out))).getMessage());
        assertEquals(dir + " has no train-images-idx3-ubyte[.gz]; MNIST's four IDX files are needed (see README)",
                assertThrows(UsageException.class, () -> MnistExample.run(new MnistExample.Config(dir, options,
                        System.out))).getMessage());
        IdxFiles.writeBars(dir, "train", 20, 1, false);
        IdxFiles.write(dir.resolve("train-labels-idx1-ubyte"), Idx.LABELS_MAGIC, new int[] {19}, new byte[19]);
        IdxFiles.writeBars(dir, "t10k", 10, 2, false);
        assertEquals("train-images-idx3-ubyte holds 20 images but train-labels-idx1-ubyte holds 19 labels; they must be the same count",
                assertThrows(DataFormatException.class, () -> MnistExample.run(new MnistExample.Config(dir, options,
                        System.out))).getMessage());
    }
}
