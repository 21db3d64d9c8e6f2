package io.github.autograd4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.DType;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.examples.data.CharText;
import io.github.autograd4j.examples.train.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short charlm run on a small text learns, samples, plots, and resumes to the weights of an uninterrupted run. */
class CharLmExampleTest {

    @TempDir
    Path dir;

    static Path smallText(Path dir) throws Exception {
        return Files.writeString(dir.resolve("small.txt"), "the cat sat on the mat. the dog sat on the log. ".repeat(30));
    }

    static CharLmExample.Config tiny(Path text, int steps, Path dir, Path checkpoint, Path resume, Silent out) {
        return new CharLmExample.Config(text, steps, 8, 16, 1, 2, 16, 1e-2, 3, 10, 20, DType.FLOAT64, 0, dir, checkpoint, resume,
                Progress.Mode.NONE, out.out());
    }

    @Test
    void aShortRunLearnsTheTextSamplesAndPlotsTheLossCurve() throws Exception {
        Silent out = new Silent();
        CharLmExample.Result r = CharLmExample.run(tiny(smallText(dir), 40, dir, null, null, out));
        assertEquals(40, r.trainLosses().length);
        double uniform = Math.log(CharText.read("--text", smallText(dir)).vocabularySize());
        assertTrue(r.trainLosses()[0] > 0.8 * uniform, out.text());
        assertTrue(r.validation()[1][r.validation()[1].length - 1] < 0.6 * uniform, "the held-out loss falls well below log V: " + out.text());
        assertArrayEquals(new double[] {10, 20, 30, 40}, r.validation()[0]);
        assertTrue(out.text().contains("held-out") && out.text().contains("ms/step") && out.text().contains("  | "), out.text());
        assertEquals(20, r.sample().substring(r.sample().indexOf('|') + 1).length(), "a sample of --sample-length characters");
        Pngs.assertPng(dir.resolve(CharLmExample.PLOT), 800, 500);
    }

    @Test
    void aResumedRunEndsWithTheWeightsOfAnUninterruptedOne() throws Exception {
        Path text = smallText(dir);
        CharLmExample.Result whole = CharLmExample.run(tiny(text, 20, dir, null, null, new Silent()));
        Path checkpoint = dir.resolve("ck.safetensors");
        CharLmExample.run(tiny(text, 10, dir, checkpoint, null, new Silent()));
        CharLmExample.Result resumed = CharLmExample.run(tiny(text, 20, dir, null, checkpoint, new Silent()));
        assertArrayEquals(whole.trainLosses(), resumed.trainLosses(), 0.0);
        whole.model().namedParameters().forEach((name, p) ->
                assertArrayEquals(p.toArray(), resumed.model().namedParameters().get(name).toArray(), 0.0, name));
    }

    @Test
    void theBundledTextIsTheAddressesOf1790To1830() throws Exception {
        CharText text = CharText.bundled();
        assertEquals(982_375, text.length());
        assertEquals(76, text.vocabularySize());
        assertTrue(text.decode(java.util.Arrays.copyOf(text.indices(), 30)).startsWith("Fellow-Citizens of the Senate"));
    }

    @Test
    void theModelSeesOnlyEarlierCharacters() {
        CharTransformer model = new CharTransformer(5, 8, 8, 2, 2, new java.util.Random(1));
        Tensor a = Tensor.of(new double[] {1, 2, 3, 4, 0, 1}, 1, 6);
        Tensor b = Tensor.of(new double[] {1, 2, 3, 0, 4, 4}, 1, 6);
        assertArrayEquals(model.forward(a).slice(1, 0, 3).toArray(), model.forward(b).slice(1, 0, 3).toArray(), 1e-12);
    }
}
