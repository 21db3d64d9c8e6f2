package io.github.autograd4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TourTest {

    @Test
    void runsTheSeedTrainsDigitsAndListsTheFilesItWrote(@TempDir Path dir) throws Exception {
        Silent out = new Silent();
        Tour.Result result = Tour.run(new Tour.Config(DigitsExample.defaults().withEpochs(2).withOut(dir), out.out()));

        assertEquals(0.01940459, result.seed().losses()[0], 1e-8);
        assertEquals(2, result.digits().history().epochs().size());
        assertTrue(result.digits().testAccuracy() > 0.8, "two epochs already classify most digits: " + result.digits().testAccuracy());
        Pngs.assertPng(dir.resolve("digits-curves.png"), 1600, 500);
        assertEquals(20, result.graph().graph().size(), "the image, 5 nodes per hidden layer (weight, matmul, bias, add, relu), 4 for the output layer, 5 for the loss");
        assertTrue(Files.readString(dir.resolve("digits-forward.dot")).contains("logSoftmax"));
        assertTrue(Files.readString(dir.resolve("digits-forward.mmd")).contains("flowchart"));
        long html = Files.size(dir.resolve("digits-forward.html"));
        System.out.println("TourTest: the graph report of the digits MLP's forward pass and loss: " + html + " bytes");
        assertTrue(html < 1_000_000, "the report of the digits MLP's forward pass and loss stays under 1 MB: " + html + " bytes");
        assertEquals(result.files(), result.files().stream().filter(Files::exists).toList());
        assertTrue(result.files().containsAll(result.graph().files()));
        for (Path f : result.files()) {
            assertTrue(out.text().contains(f.getFileName().toString()), "lists " + f);
        }
        assertTrue(out.text().contains("digits: test accuracy"), out.text());
    }
}
