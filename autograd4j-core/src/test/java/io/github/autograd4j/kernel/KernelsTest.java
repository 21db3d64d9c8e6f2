package io.github.autograd4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@link Kernels} picks the GEMM kernel and its threads from the JVM and the system properties. */
class KernelsTest {

    @Test
    void theVectorApiKernelIsChosenWhenTheJvmHasTheModule() {
        // surefire runs these tests with --add-modules jdk.incubator.vector
        assertEquals(true, Kernels.hasVectorApi());
        assertEquals(List.of("vector-api", "java", "direct"), Kernels.available());
        assertEquals("vector-api", Kernels.selectGemm(null).name());
        assertEquals("vector-api", Kernels.selectGemm("  ").name());
        assertSame(Kernels.gemm(), Gemm.get());
    }

    @Test
    void aPropertyForcesAKernelByName() {
        assertEquals("java", Kernels.selectGemm(" java ").name());
        assertEquals("direct", Kernels.selectGemm("direct").name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Kernels.selectGemm("cuda"));
        assertEquals("autograd4j.gemm=cuda: no such GEMM kernel in this JVM; available: [vector-api, java, direct]",
                e.getMessage());
    }

    @Test
    void threadsComeFromThePropertyOrTheProcessorCount() {
        assertEquals(Runtime.getRuntime().availableProcessors(), Kernels.threads(null));
        assertEquals(3, Kernels.threads(" 3 "));
        for (String bad : new String[] {"0", "-2", "two", "1.5"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Kernels.threads(bad));
            assertEquals("autograd4j.threads=" + bad + ": expected a whole number >= 1", e.getMessage());
        }
    }

    @Test
    void oneThreadKeepsTheKernelItselfAndMoreWrapIt() {
        Gemm java = new JavaGemm();
        assertSame(java, Kernels.withThreads(java, 1));
        ThreadedGemm threaded = assertInstanceOf(ThreadedGemm.class, Kernels.withThreads(java, 4));
        assertEquals(4, threaded.threads());
        assertEquals("java", threaded.name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ThreadedGemm(java, 1));
        assertEquals("ThreadedGemm: needs at least 2 threads, got 1", e.getMessage());
    }
}
