package io.github.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.AnomalyException;
import io.github.autograd4j.Debug;
import io.github.autograd4j.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Anomalies in nodes made inside nn's modules are reported at the user's line, not inside the module. */
class AnomalySiteTest {

    @Test
    void aNaNMadeByLinearIsReportedAtTheCallersLine() {
        Linear layer = new Linear(3, 2, new Random(1));
        Tensor x = Tensor.vector(0.5, Double.NaN, 1.0);
        try (var anomalies = Debug.detectAnomalies()) {
            AnomalyException e = assertThrows(AnomalyException.class, () -> layer.forward(x));
            String site = e.getMessage().substring(e.getMessage().indexOf("; made at ") + "; made at ".length());
            assertTrue(site.startsWith(AnomalySiteTest.class.getName() + ".lambda$"), site);
            assertTrue(site.contains("(AnomalySiteTest.java:"), site);
        }
    }

    @Test
    void nodesMadeByModulesRecordTheCallersLine() {
        Linear layer = new Linear(3, 2, new Random(1));
        try (var sites = Debug.recordSites()) {
            Tensor y = layer.forward(Tensor.vector(1, 2, 3));
            assertEquals(AnomalySiteTest.class.getName() + ".nodesMadeByModulesRecordTheCallersLine(AnomalySiteTest.java:32)",
                    y.creationSite());
        }
    }
}
