package io.github.autograd4j.examples.plot;

import io.github.autograd4j.examples.Pngs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {

    @Test
    void aClassifierThatNeverPredictsOneSideStillGetsABoundaryPlot(@TempDir Path dir) throws Exception {
        double[][] points = {{0, 0}, {1, 1}, {2, 0}};
        double[] labels = {1, -1, 1};
        Path file = Charts.decisionBoundary(dir.resolve("all-positive.png"), "always +1", points, labels, (x, y) -> 1.0);
        Pngs.assertPng(file, Charts.WIDTH, Charts.HEIGHT);
    }
}
