package io.github.autograd4j.kernel;

/**
 * The {@link Gemm} on the Vector API ({@code jdk.incubator.vector}), used when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}; {@link Kernels} loads this class only then. Each
 * element type has its {@link BlockedProduct}, {@link VectorDoubleProduct} and
 * {@link VectorFloatProduct}: packed panels, block sizes from the machine's caches, and a
 * micro-kernel of twelve accumulator vectors of the preferred species. {@link PackedGemm} hands
 * products too small for packing to {@link DirectGemm}.
 */
final class VectorGemm extends PackedGemm<VectorGemm.Workspace> {

    private final String blocks;

    VectorGemm() {
        super(() -> new Workspace(VectorDoubleProduct.BLOCKING, VectorFloatProduct.BLOCKING));
        this.blocks = "";
    }

    /** With other block sizes than the caches give, so that tests reach every edge of the loops with small products. */
    VectorGemm(Blocking doubles, Blocking floats) {
        super(() -> new Workspace(doubles, floats));
        this.blocks = " kc/mc/nc " + doubles.kc() + "/" + doubles.mc() + "/" + doubles.nc();
    }

    @Override
    public String name() {
        return "vector-api";
    }

    /** Yes: the first block of the inner dimension stores its tiles into {@code C}. */
    @Override
    boolean overwritesC() {
        return true;
    }

    @Override
    void multiply(Workspace w, boolean transA, boolean transB, int m, int n, int k,
                  double alpha, double[] a, int offA, int lda, double[] b, int offB, int ldb,
                  double[] c, int offC, int ldc, boolean overwrite) {
        w.doubles.multiply(transA, transB, m, n, k, alpha, a, offA, lda, b, offB, ldb, c, offC, ldc, overwrite);
    }

    @Override
    void multiply(Workspace w, boolean transA, boolean transB, int m, int n, int k,
                  float alpha, float[] a, int offA, int lda, float[] b, int offB, int ldb,
                  float[] c, int offC, int ldc, boolean overwrite) {
        w.floats.multiply(transA, transB, m, n, k, alpha, a, offA, lda, b, offB, ldb, c, offC, ldc, overwrite);
    }

    @Override
    public String toString() {
        return name() + blocks;
    }

    /** One thread's products, each with its packing buffers (which grow to the largest product seen). */
    static final class Workspace {
        final VectorDoubleProduct doubles;
        final VectorFloatProduct floats;

        Workspace(Blocking doubles, Blocking floats) {
            this.doubles = new VectorDoubleProduct(doubles);
            this.floats = new VectorFloatProduct(floats);
        }
    }
}
