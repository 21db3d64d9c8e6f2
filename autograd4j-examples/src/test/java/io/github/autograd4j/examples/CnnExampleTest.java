package io.github.autograd4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.DType;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.examples.data.Idx;
import io.github.autograd4j.examples.data.IdxFiles;
import io.github.autograd4j.examples.train.ClassifierRun;
import io.github.autograd4j.nn.Module;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Short smoke runs of the {@code cnn} command on the bundled digits and on small MNIST-shaped files. */
class CnnExampleTest {

    @Test
    void learnsTheDigitsInFloat32WithRunningStatistics(@TempDir Path dir) throws Exception {
        Silent out = new Silent();
        ClassifierRun run = CnnExample.run(new CnnExample.Config(null, CnnExample.defaults(false).withEpochs(3).withOut(dir), out.out()));
        assertEquals(3, run.history().epochs().size());
        assertTrue(run.testAccuracy() > 0.9, out.text());
        assertTrue(Files.isRegularFile(dir.resolve("cnn-curves.png")));
        assertTrue(out.text().contains("cnn: CNN conv3-16-pool-conv3-32-pool-fc128-10 (float32), 1438 training and 359 test samples"),
                out.text());
        assertTrue(out.text().contains(" s per epoch (median of 3, evaluation included)"), out.text());
        Module model = run.model();
        model.stateDict().values().forEach(t -> assertEquals(DType.FLOAT32, t.dtype()));
        assertEquals(3 * 23.0, model.namedBuffers().get("2.num_batches_tracked").item(), "23 batches of 64 per epoch");
        assertTrue(model.isTraining(), "evaluation switches to eval() and back");
    }

    @Test
    void dtypeFloat64TrainsInFloat64(@TempDir Path dir) throws Exception {
        Silent out = new Silent();
        ClassifierRun run = CnnExample.run(new CnnExample.Config(null,
                CnnExample.defaults(false).withEpochs(1).withDType(DType.FLOAT64).withOut(dir), out.out()));
        assertTrue(out.text().contains("(float64), 1438 training"), out.text());
        run.model().stateDict().values().forEach(t -> assertEquals(DType.FLOAT64, t.dtype()));
    }

    @Test
    void trainsOnMnistShapedFiles(@TempDir Path dir) throws Exception {
        IdxFiles.writeBars(dir, "train", 120, 1, true);
        IdxFiles.writeBars(dir, "t10k", 40, 2, false);
        Silent out = new Silent();
        ClassifierRun run = CnnExample.run(new CnnExample.Config(dir, CnnExample.defaults(true).withEpochs(2).withOut(dir), out.out()));
        assertTrue(run.testAccuracy() > 0.9, out.text());
        assertTrue(out.text().contains("CNN conv5-16-pool-conv5-32-pool-fc128-10 (float32), 120 training and 40 test samples"),
                out.text());
        Tensor logits = run.model().eval().forward(Tensor.zeros(DType.FLOAT32, 1, 784));
        assertEquals(DType.FLOAT32, logits.dtype());
        assertFalse(run.model().isTraining());
    }

    @Test
    void imagesOfAnotherSizeAreRefusedBeforeTraining(@TempDir Path dir) throws Exception {
        IdxFiles.writeBars(dir, "train", 20, 1, false);
        IdxFiles.write(dir.resolve("t10k-images-idx3-ubyte"), Idx.IMAGES_MAGIC, new int[] {2, 10, 10}, new byte[200]);
        IdxFiles.write(dir.resolve("t10k-labels-idx1-ubyte"), Idx.LABELS_MAGIC, new int[] {2}, new byte[2]);
        UsageException e = assertThrows(UsageException.class, () -> CnnExample.run(new CnnExample.Config(dir,
                CnnExample.defaults(true).withOut(dir), new Silent().out())));
        assertEquals("--data " + dir + ": mnist-t10k has images of 100 pixels; the cnn command takes MNIST's 28 x 28 = 784",
                e.getMessage());
        assertFalse(Files.exists(dir.resolve("cnn-curves.png")));
    }
}
