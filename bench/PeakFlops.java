import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * One core's peak floating-point rate as the JVM reaches it, in FP64 and FP32: independent chains
 * of vector FMAs in registers, no memory traffic. The GEMM figures in docs/benchmarks.md are read
 * against it. A core here retires two FMAs per cycle, each with a latency of 4 cycles, so at
 * least 8 independent chains must be in flight or the loop measures latency, not throughput; it
 * runs 10, which with the two operands fit AVX2's 16 vector registers (with 12 or 16 chains C2
 * spills them and measures half the peak). The loop counter is an int: a long loop is not a
 * counted loop for C2 and costs more per iteration. The species is the preferred one, 512-bit
 * where the CPU has AVX-512, else 256-bit; -Dbits=256 forces 256-bit. bench/peak_fma.c is the same
 * loop in C, a check that doesn't depend on the JIT. Run from the repository root:
 *   java --add-modules jdk.incubator.vector bench/PeakFlops.java
 *   java --add-modules jdk.incubator.vector -Dbits=256 bench/PeakFlops.java
 * It prints the best of 10 rounds of about 0.2 s each (the least disturbed on a shared machine).
 */
public class PeakFlops {

    /** Constants, as the Vector API compiles to SIMD instructions only for species known to the JIT. */
    private static final boolean BITS_256 = "256".equals(System.getProperty("bits"));
    private static final VectorSpecies<Double> D = BITS_256 ? DoubleVector.SPECIES_256 : DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = BITS_256 ? FloatVector.SPECIES_256 : FloatVector.SPECIES_PREFERRED;
    private static final int CHAINS = 10;
    private static final int ITERATIONS = 40_000_000;

    public static void main(String[] args) {
        double bestDouble = 0;
        double bestFloat = 0;
        double sink = 0;
        for (int round = 0; round < 10; round++) {
            long t = System.nanoTime();
            sink += runDouble(ITERATIONS);
            bestDouble = Math.max(bestDouble, 2.0 * CHAINS * D.length() * ITERATIONS / (System.nanoTime() - t));
            t = System.nanoTime();
            sink += runFloat(ITERATIONS);
            bestFloat = Math.max(bestFloat, 2.0 * CHAINS * F.length() * ITERATIONS / (System.nanoTime() - t));
        }
        System.out.printf("FP64 %s: %.1f GFLOP/s%n", D, bestDouble);
        System.out.printf("FP32 %s: %.1f GFLOP/s%n", F, bestFloat);
        if (sink == 42) {
            System.out.println();
        }
    }

    private static double runDouble(int iterations) {
        DoubleVector a = DoubleVector.broadcast(D, 1.0000001);
        DoubleVector b = DoubleVector.broadcast(D, -1e-9);
        DoubleVector c0 = DoubleVector.zero(D), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        DoubleVector c8 = c0, c9 = c0;
        for (int i = 0; i < iterations; i++) {
            c0 = c0.fma(a, b);
            c1 = c1.fma(a, b);
            c2 = c2.fma(a, b);
            c3 = c3.fma(a, b);
            c4 = c4.fma(a, b);
            c5 = c5.fma(a, b);
            c6 = c6.fma(a, b);
            c7 = c7.fma(a, b);
            c8 = c8.fma(a, b);
            c9 = c9.fma(a, b);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).reduceLanes(VectorOperators.ADD);
    }

    private static double runFloat(int iterations) {
        FloatVector a = FloatVector.broadcast(F, 1.0000001f);
        FloatVector b = FloatVector.broadcast(F, -1e-9f);
        FloatVector c0 = FloatVector.zero(F), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        FloatVector c8 = c0, c9 = c0;
        for (int i = 0; i < iterations; i++) {
            c0 = c0.fma(a, b);
            c1 = c1.fma(a, b);
            c2 = c2.fma(a, b);
            c3 = c3.fma(a, b);
            c4 = c4.fma(a, b);
            c5 = c5.fma(a, b);
            c6 = c6.fma(a, b);
            c7 = c7.fma(a, b);
            c8 = c8.fma(a, b);
            c9 = c9.fma(a, b);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).reduceLanes(VectorOperators.ADD);
    }
}
