package io.github.autograd4j.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.autograd4j.kernel.Kernels;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kernel selection in a JVM without {@code jdk.incubator.vector}: this module's tests run without
 * {@code --add-modules} (autograd4j-core's run with it), so here the pure-Java kernel is chosen,
 * silently, and asking for the Vector API kernel says how to get it.
 */
class KernelsWithoutVectorApiTest {

    @Test
    void thePureJavaKernelIsChosenAndVectorApiIsExplainedWhenForced() {
        assertEquals(false, ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "this test expects a JVM without --add-modules jdk.incubator.vector");
        assertEquals(List.of("java", "direct"), Kernels.available());
        assertEquals("java", Kernels.gemm().name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Kernels.selectGemm("vector-api"));
        assertEquals("autograd4j.gemm=vector-api: no such GEMM kernel in this JVM; available: [java, direct]"
                + " (vector-api needs --add-modules jdk.incubator.vector)", e.getMessage());
    }
}
