package io.github.autograd4j.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.Autograd;
import io.github.autograd4j.GradCheck;
import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.TestInputs;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Products and linear algebra: forward values against EJML and by hand, gradients to second order, bad input. */
class LinearAlgebraTest {

    private static final double TIGHT = 1e-12;

    private final Random rng = new Random(2024);

    // ------------------------------------------------------------------ forward: products

    @Test
    void matmulOfMatricesByHand() {
        Tensor a = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor b = Tensor.of(new double[][] {{7, 8}, {9, 10}, {11, 12}});
        Tensor c = a.matmul(b);
        assertEquals(Shape.of(2, 2), c.shape());
        assertArrayEquals(new double[] {58, 64, 139, 154}, c.toArray(), 0.0);
    }

    @Test
    void matmulOfVectorsIsTheDotProductAsAScalar() {
        Tensor c = Tensor.vector(1, 2, 3).matmul(Tensor.vector(4, -5, 6));
        assertEquals(Shape.scalar(), c.shape());
        assertEquals(12.0, c.item(), 0.0);
    }

    @Test
    void matmulTreatsAVectorAsARowOnTheLeftAndAColumnOnTheRight() {
        Tensor m = Tensor.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        Tensor left = Tensor.vector(1, 0, -1).matmul(m);
        assertEquals(Shape.of(2), left.shape());
        assertArrayEquals(new double[] {-4, -4}, left.toArray(), 0.0);
        Tensor right = m.matmul(Tensor.vector(2, -1));
        assertEquals(Shape.of(3), right.shape());
        assertArrayEquals(new double[] {0, 2, 4}, right.toArray(), 0.0);
    }

    @Test
    void matmulOfMatricesMatchesEjml() {
        for (int[] mnk : new int[][] {{1, 1, 1}, {3, 5, 7}, {17, 9, 33}, {40, 41, 3}}) {
            Tensor a = Tensor.randn(rng, mnk[0], mnk[2]);
            Tensor b = Tensor.randn(rng, mnk[2], mnk[1]);
            DMatrixRMaj expected = new DMatrixRMaj(mnk[0], mnk[1]);
            CommonOps_DDRM.mult(a.toMatrix(), b.toMatrix(), expected);
            assertClose(expected.data, a.matmul(b).toArray(), TIGHT);
        }
    }

    @Test
    void batchedMatmulBroadcastsBatchDims() {
        Tensor a = Tensor.randn(rng, 2, 1, 3, 4);
        Tensor b = Tensor.randn(rng, 5, 4, 2);
        Tensor c = a.matmul(b);
        assertEquals(Shape.of(2, 5, 3, 2), c.shape());
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 5; j++) {
                DMatrixRMaj expected = new DMatrixRMaj(3, 2);
                CommonOps_DDRM.mult(matrixAt(a, i), matrixAt(b, j), expected);
                assertClose(expected.data, matrixAt(c, i * 5 + j).data, TIGHT);
            }
        }
    }

    @Test
    void batchedMatmulWithAVector() {
        Tensor a = Tensor.randn(rng, 2, 3, 4);
        Tensor v = Tensor.randn(rng, 4);
        Tensor av = a.matmul(v);
        assertEquals(Shape.of(2, 3), av.shape());
        Tensor va = Tensor.randn(rng, 3).matmul(a);
        assertEquals(Shape.of(2, 4), va.shape());
        for (int i = 0; i < 2; i++) {
            DMatrixRMaj expected = new DMatrixRMaj(3, 1);
            CommonOps_DDRM.mult(matrixAt(a, i), v.reshape(4, 1).toMatrix(), expected);
            assertClose(expected.data, Arrays.copyOfRange(av.toArray(), 3 * i, 3 * i + 3), TIGHT);
        }
    }

    @Test
    void dotAndOuterByHand() {
        Tensor a = Tensor.vector(1, 2, 3);
        Tensor b = Tensor.vector(-1, 0.5, 2);
        assertEquals(6.0, a.dot(b).item(), 0.0);
        Tensor o = Tensor.vector(1, 2).outer(b);
        assertEquals(Shape.of(2, 3), o.shape());
        assertArrayEquals(new double[] {-1, 0.5, 2, -2, 1, 4}, o.toArray(), 0.0);
    }

    // ------------------------------------------------------------------ forward: linear algebra

    @Test
    void invMatchesEjmlAndByHand() {
        assertArrayEquals(new double[] {-2, 1, 1.5, -0.5}, Tensor.of(new double[][] {{1, 2}, {3, 4}}).inv().toArray(), 1e-14);
        Tensor a = wellConditioned(2, 4, 4);
        Tensor inv = a.inv();
        assertEquals(a.shape(), inv.shape());
        for (int t = 0; t < 2; t++) {
            DMatrixRMaj expected = new DMatrixRMaj(4, 4);
            CommonOps_DDRM.invert(matrixAt(a, t), expected);
            assertClose(expected.data, matrixAt(inv, t).data, 1e-12);
        }
    }

    @Test
    void solveMatchesEjmlForVectorsMatricesAndBatches() {
        Tensor a = wellConditioned(3, 3);
        Tensor b = Tensor.randn(rng, 3, 2);
        DMatrixRMaj expected = new DMatrixRMaj(3, 2);
        CommonOps_DDRM.solve(a.toMatrix().copy(), b.toMatrix(), expected);
        assertClose(expected.data, Tensor.solve(a, b).toArray(), 1e-12);

        Tensor x = Tensor.solve(a, Tensor.vector(1, 2, 3));
        assertEquals(Shape.of(3), x.shape());
        assertClose(new double[] {1, 2, 3}, a.matmul(x).toArray(), 1e-12);

        Tensor batchA = wellConditioned(2, 3, 3);
        Tensor xs = Tensor.solve(batchA, b);
        assertEquals(Shape.of(2, 3, 2), xs.shape());
        assertClose(b.expand(2, 3, 2).toArray(), batchA.matmul(xs).toArray(), 1e-12);

        Tensor batchB = Tensor.randn(rng, 4, 1, 3, 2);
        Tensor xb = Tensor.solve(batchA, batchB);
        assertEquals(Shape.of(4, 2, 3, 2), xb.shape());
        assertClose(batchB.expand(4, 2, 3, 2).toArray(), batchA.matmul(xb).toArray(), 1e-12);

        Tensor xv = Tensor.solve(batchA, Tensor.vector(1, 2, 3));
        assertEquals(Shape.of(2, 3), xv.shape());
    }

    @Test
    void detByHandAndAgainstEjml() {
        assertEquals(-2.0, Tensor.of(new double[][] {{1, 2}, {3, 4}}).det().item(), 1e-14);
        assertEquals(5.0, Tensor.of(new double[] {5}, 1, 1).det().item(), 0.0);
        assertEquals(0.0, Tensor.of(new double[][] {{1, 2}, {2, 4}}).det().item(), 0.0);
        Tensor a = Tensor.randn(rng, 3, 2, 6, 6);
        Tensor det = a.det();
        assertEquals(Shape.of(3, 2), det.shape());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                double expected = CommonOps_DDRM.det(matrixAt(a, 2 * i + j));
                assertEquals(expected, det.get(i, j), 1e-12 * Math.abs(expected));
            }
        }
    }

    @Test
    void logDetIsLogAbsDetAndDoesNotOverflow() {
        Tensor a = Tensor.of(new double[][] {{1, 2}, {3, 4}});
        assertEquals(Math.log(2.0), a.logDet().item(), 1e-14);
        Tensor big = Tensor.eye(200).mul(1e10);
        assertEquals(Double.POSITIVE_INFINITY, big.det().item());
        assertEquals(200 * Math.log(1e10), big.logDet().item(), 1e-9);
        Tensor batch = wellConditioned(2, 3, 3);
        Tensor ld = batch.logDet();
        assertEquals(Shape.of(2), ld.shape());
        for (int t = 0; t < 2; t++) {
            assertEquals(Math.log(Math.abs(CommonOps_DDRM.det(matrixAt(batch, t)))), ld.get(t), 1e-12);
        }
    }

    @Test
    void choleskyMatchesEjmlAndIsLowerTriangular() {
        Tensor a = spd(2, 4, 4);
        Tensor l = a.cholesky();
        assertEquals(a.shape(), l.shape());
        for (int t = 0; t < 2; t++) {
            CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(4, true);
            assertTrue(chol.decompose(matrixAt(a, t)));
            DMatrixRMaj lt = matrixAt(l, t);
            assertClose(chol.getT(null).data, lt.data, 1e-12);
            for (int i = 0; i < 4; i++) {
                for (int j = i + 1; j < 4; j++) {
                    assertEquals(0.0, lt.get(i, j), 0.0);
                }
            }
        }
        assertClose(a.toArray(), l.matmul(l.mT()).toArray(), 1e-12);
        assertArrayEquals(new double[] {2, 0, 1, 3}, Tensor.of(new double[][] {{4, 2}, {2, 10}}).cholesky().toArray(), 1e-15);
    }

    @Test
    void emptyMatricesAsPyTorch() {
        Tensor empty = Tensor.zeros(0, 0);
        assertEquals(1.0, empty.det().item(), 0.0);
        assertEquals(0.0, empty.logDet().item(), 0.0);
        assertEquals(Shape.of(0, 0), empty.inv().shape());
        assertEquals(Shape.of(0, 0), empty.cholesky().shape());
        assertEquals(Shape.of(0), Tensor.solve(empty, Tensor.zeros(0)).shape());
        assertArrayEquals(new double[6], Tensor.zeros(2, 0).matmul(Tensor.zeros(0, 3)).toArray(), 0.0);
    }

    // ------------------------------------------------------------------ gradients

    @Test
    void matmulGradientsInEveryRankCombination() {
        int[][][] pairs = {
            {{3}, {3}},             // 1-d . 1-d
            {{3}, {3, 2}},          // 1-d . 2-d
            {{2, 3}, {3}},          // 2-d . 1-d
            {{2, 3}, {3, 4}},       // 2-d . 2-d
            {{1, 3}, {3, 1}},       // size-1 dims
            {{1, 1}, {1, 1}},
            {{2, 3, 4}, {4}},       // batch . vector
            {{4}, {2, 4, 3}},       // vector . batch
            {{2, 2, 3}, {3, 2}},    // batch . matrix
            {{2, 1, 2, 3}, {3, 3, 2}}, // broadcast batch dims
            {{1, 2, 2, 3}, {2, 1, 3, 2}},
        };
        for (int[][] pair : pairs) {
            checkBothOrders(t -> t[0].matmul(t[1]), TestInputs.uniform(rng, -1, 1, pair[0]), TestInputs.uniform(rng, -1, 1, pair[1]));
        }
    }

    @Test
    void matmulGradientReachesOnlyTheOperandThatRequiresIt() {
        Tensor a = TestInputs.uniform(rng, -1, 1, 2, 3).requiresGrad(true);
        Tensor b = TestInputs.uniform(rng, -1, 1, 3, 2);
        checkBothOrders(t -> t[0].matmul(t[1]), a, b);
        checkBothOrders(t -> t[0].matmul(t[1]), b.requiresGrad(true), TestInputs.uniform(rng, -1, 1, 2, 2));
    }

    @Test
    void dotAndOuterGradients() {
        checkBothOrders(t -> t[0].dot(t[1]), TestInputs.uniform(rng, -1, 1, 4), TestInputs.uniform(rng, -1, 1, 4));
        checkBothOrders(t -> t[0].outer(t[1]), TestInputs.uniform(rng, -1, 1, 3), TestInputs.uniform(rng, -1, 1, 2));
        checkBothOrders(t -> t[0].outer(t[1]), TestInputs.uniform(rng, -1, 1, 1), TestInputs.uniform(rng, -1, 1, 1));
    }

    @Test
    void invGradients() {
        checkBothOrders(t -> t[0].inv(), wellConditioned(3, 3));
        checkBothOrders(t -> t[0].inv(), wellConditioned(2, 2, 2));
        checkBothOrders(t -> t[0].inv(), Tensor.of(new double[] {0.7}, 1, 1));
    }

    @Test
    void solveGradients() {
        checkBothOrders(t -> Tensor.solve(t[0], t[1]), wellConditioned(3, 3), TestInputs.uniform(rng, -1, 1, 3));
        checkBothOrders(t -> Tensor.solve(t[0], t[1]), wellConditioned(3, 3), TestInputs.uniform(rng, -1, 1, 3, 2));
        checkBothOrders(t -> Tensor.solve(t[0], t[1]), wellConditioned(2, 2, 2), TestInputs.uniform(rng, -1, 1, 2, 1));
        checkBothOrders(t -> Tensor.solve(t[0], t[1]), wellConditioned(2, 2), TestInputs.uniform(rng, -1, 1, 3, 2, 2));
        checkBothOrders(t -> Tensor.solve(t[0], t[1]), wellConditioned(2, 2, 2), TestInputs.uniform(rng, -1, 1, 2));
    }

    @Test
    void detGradients() {
        checkBothOrders(t -> t[0].det(), wellConditioned(3, 3));
        checkBothOrders(t -> t[0].det(), TestInputs.uniform(rng, -1, 1, 2, 3, 3));
        checkBothOrders(t -> t[0].det(), Tensor.of(new double[] {-1.3}, 1, 1));
    }

    @Test
    void detGradientAtASingularMatrixIsTheCofactorMatrix() {
        // rank 1: cofactors [[d, -c], [-b, a]]
        Tensor a = Tensor.of(new double[][] {{1, 2}, {2, 4}}).requiresGrad(true);
        a.det().backward();
        assertClose(new double[] {4, -2, -2, 1}, a.grad().toArray(), 1e-12);

        // rank 2 of 3: the cofactors, computed by hand, are not all zero
        Tensor b = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}).requiresGrad(true);
        b.det().backward();
        assertClose(new double[] {-3, 6, -3, 6, -12, 6, -3, 6, -3}, b.grad().toArray(), 1e-12);

        // a batch with one singular matrix; the other matrix gets its usual gradient
        Tensor c = Tensor.of(new double[] {1, 2, 2, 4, 1, 2, 3, 4}, 2, 2, 2).requiresGrad(true);
        c.det().sum().backward();
        assertClose(new double[] {4, -2, -2, 1, 4, -3, -2, 1}, c.grad().toArray(), 1e-12);

        // rank 1 of 3: every 2x2 minor vanishes
        Tensor d = Tensor.of(new double[][] {{1, 2, 3}, {2, 4, 6}, {3, 6, 9}}).requiresGrad(true);
        d.det().backward();
        assertClose(new double[9], d.grad().toArray(), 1e-12);
    }

    @Test
    void secondDerivativesOfDetAtASingularMatrixAreRefused() {
        Tensor a = Tensor.of(new double[][] {{1, 2}, {2, 4}}).requiresGrad(true);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Autograd.grad(a.det(), List.of(a), true));
        assertEquals("det: cannot differentiate the gradient at a singular matrix again (createGraph):"
                + " there it comes from an SVD that is not recorded; input of shape (2, 2)", e.getMessage());
    }

    @Test
    void logDetGradients() {
        checkBothOrders(t -> t[0].logDet(), spd(3, 3));
        checkBothOrders(t -> t[0].logDet(), wellConditioned(2, 3, 3));
        checkBothOrders(t -> t[0].logDet(), Tensor.of(new double[][] {{0, 1}, {1, 0}}).add(Tensor.eye(2).mul(0.1)));
    }

    @Test
    void choleskyGradients() {
        Function<Tensor[], Tensor> symmetrised = t -> t[0].add(t[0].mT()).mul(0.5).cholesky();
        checkBothOrders(symmetrised, spd(3, 3));
        checkBothOrders(symmetrised, spd(2, 2, 2));
        checkBothOrders(symmetrised, Tensor.of(new double[] {2.5}, 1, 1));
        // downstream use of the factor, as in a Gaussian log-likelihood
        checkBothOrders(t -> {
            Tensor l = t[0].add(t[0].mT()).mul(0.5).cholesky();
            return Tensor.solve(l, t[1]).mul(Tensor.solve(l, t[1])).sum();
        }, spd(3, 3), TestInputs.uniform(rng, -1, 1, 3));
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void matmulRejectsMismatchedAndScalarOperands() {
        assertMessage("matmul: cannot multiply (2, 3) by (4, 5): inner dimensions 3 and 4 differ",
                () -> Tensor.zeros(2, 3).matmul(Tensor.zeros(4, 5)));
        assertMessage("matmul: cannot multiply (3,) by (4,): inner dimensions 3 and 4 differ",
                () -> Tensor.zeros(3).matmul(Tensor.zeros(4)));
        assertMessage("matmul: cannot multiply (2, 3) by (2,): inner dimensions 3 and 2 differ",
                () -> Tensor.zeros(2, 3).matmul(Tensor.zeros(2)));
        assertMessage("matmul: both operands need at least 1 dim, got shapes () and (3,)",
                () -> Tensor.scalar(2).matmul(Tensor.zeros(3)));
        assertMessage("matmul: batch dims of (2, 3, 4) and (3, 4, 5): shapes (2,) and (3,) do not broadcast:"
                + " sizes 2 and 3 at dim 0 differ and neither is 1",
                () -> Tensor.zeros(2, 3, 4).matmul(Tensor.zeros(3, 4, 5)));
    }

    @Test
    void dotAndOuterRejectBadShapes() {
        assertMessage("dot: cannot multiply (3,) by (2,): lengths 3 and 2 differ", () -> Tensor.zeros(3).dot(Tensor.zeros(2)));
        assertMessage("dot: expected two 1-d tensors, got shapes (2, 2) and (2,)", () -> Tensor.zeros(2, 2).dot(Tensor.zeros(2)));
        assertMessage("outer: expected two 1-d tensors, got shapes (3,) and ()", () -> Tensor.zeros(3).outer(Tensor.scalar(1)));
    }

    @Test
    void squareOpsRejectNonSquareInput() {
        String expected = ": expected a square matrix or a batch of them, shape (..., n, n); got shape ";
        assertMessage("inv" + expected + "(2, 3)", () -> Tensor.zeros(2, 3).inv());
        assertMessage("det" + expected + "(3,)", () -> Tensor.zeros(3).det());
        assertMessage("logDet" + expected + "(2, 3, 2)", () -> Tensor.zeros(2, 3, 2).logDet());
        assertMessage("cholesky" + expected + "(1, 2)", () -> Tensor.zeros(1, 2).cholesky());
        assertMessage("solve" + expected + "(3, 2)", () -> Tensor.solve(Tensor.zeros(3, 2), Tensor.zeros(3)));
    }

    @Test
    void singularMatricesAreRejectedNamingTheOpAndShape() {
        Tensor singular = Tensor.of(new double[][] {{1, 2}, {2, 4}});
        assertMessage("inv: matrix of shape (2, 2) is singular (or numerically so: reciprocal condition number 0)", singular::inv);
        assertMessage("logDet: matrix of shape (2, 2) is singular (or numerically so: reciprocal condition number 0)", singular::logDet);
        assertMessage("solve: matrix of shape (2, 2) is singular (or numerically so: reciprocal condition number 0)",
                () -> Tensor.solve(singular, Tensor.ones(2)));
        Tensor batch = Tensor.of(new double[] {1, 0, 0, 1, 1, 2, 2, 4}, 2, 2, 2);
        assertMessage("inv: matrix 1 of shape (2, 2) in a batch of shape (2, 2, 2) is singular"
                + " (or numerically so: reciprocal condition number 0)", batch::inv);
        // rank 2 of 3: LU meets an exactly zero pivot
        assertMessage("inv: matrix of shape (3, 3) is singular (or numerically so: reciprocal condition number 0)",
                () -> Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}).inv());
        // invertible in doubles, but with condition number ~2^54 the inverse has no correct digit
        Tensor nearly = Tensor.of(new double[][] {{1, 1}, {1, 1 + Math.ulp(1.0)}});
        assertMessage("inv: matrix of shape (2, 2) is singular (or numerically so: reciprocal condition number 5.6e-17)", nearly::inv);
        assertMessage("inv: matrix of shape (2, 2) holds NaN or infinite elements",
                () -> Tensor.of(new double[][] {{1, 0}, {0, Double.NaN}}).inv());
        assertMessage("logDet: matrix of shape (2, 2) holds NaN or infinite elements",
                () -> Tensor.of(new double[][] {{1, 0}, {0, Double.POSITIVE_INFINITY}}).logDet());
    }

    @Test
    void solveRejectsAnOperandOfTheWrongSize() {
        assertMessage("solve: cannot solve A X = B for A of shape (3, 3) and B of shape (2,): B must have shape (3,) or (..., 3, k)",
                () -> Tensor.solve(Tensor.eye(3), Tensor.zeros(2)));
        assertMessage("solve: cannot solve A X = B for A of shape (3, 3) and B of shape (): B must have shape (3,) or (..., 3, k)",
                () -> Tensor.solve(Tensor.eye(3), Tensor.scalar(1)));
        assertMessage("solve: batch dims of (2, 3, 3) and (4, 3, 1): shapes (2,) and (4,) do not broadcast:"
                + " sizes 2 and 4 at dim 0 differ and neither is 1",
                () -> Tensor.solve(Tensor.eye(3).expand(2, 3, 3), Tensor.zeros(4, 3, 1)));
    }

    @Test
    void choleskyRejectsMatricesThatAreNotSymmetricPositiveDefinite() {
        assertMessage("cholesky: matrix of shape (3, 3) is not symmetric positive-definite",
                () -> Tensor.of(new double[][] {{1, 0, 0}, {0, -1, 0}, {0, 0, 1}}).cholesky());
        assertMessage("cholesky: matrix of shape (2, 2) is not symmetric positive-definite",
                () -> Tensor.of(new double[][] {{2, 1}, {0, 2}}).cholesky());
        assertMessage("cholesky: matrix of shape (2, 2) is not symmetric positive-definite",
                () -> Tensor.of(new double[][] {{1, 2}, {2, 4}}).cholesky());
        assertMessage("cholesky: matrix 1 of shape (1, 1) in a batch of shape (2, 1, 1) is not symmetric positive-definite",
                () -> Tensor.of(new double[] {1, 0}, 2, 1, 1).cholesky());
    }

    // ------------------------------------------------------------------ helpers

    /** First- and second-order gradient checks. */
    private static void checkBothOrders(Function<Tensor[], Tensor> f, Tensor... inputs) {
        GradCheck.of(f, inputs).assertPassed();
        GradCheck.of(f, inputs).gradGrad().assertPassed();
    }

    /** Random {@code M + n I}, which is far from singular for entries in [-1, 1]. */
    private Tensor wellConditioned(int... shape) {
        int n = shape[shape.length - 1];
        return TestInputs.uniform(rng, -1, 1, shape).add(Tensor.eye(n).mul(n));
    }

    /** Random symmetric positive-definite {@code M M^T + n I}. */
    private Tensor spd(int... shape) {
        int n = shape[shape.length - 1];
        Tensor m = TestInputs.uniform(rng, -1, 1, shape);
        return m.matmul(m.mT()).add(Tensor.eye(n).mul(n));
    }

    /** A copy of matrix {@code t} (flat batch index) of {@code x}. */
    private static DMatrixRMaj matrixAt(Tensor x, int t) {
        int rows = x.size(-2);
        int cols = x.size(-1);
        return DMatrixRMaj.wrap(rows, cols, Arrays.copyOfRange(x.storage(), t * rows * cols, (t + 1) * rows * cols));
    }

    private static void assertMessage(String expected, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(expected, e.getMessage());
    }

    private static void assertClose(double[] expected, double[] actual, double rel) {
        assertEquals(expected.length, actual.length, "lengths");
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Math.abs(expected[i] - actual[i]) <= rel * Math.max(1.0, Math.abs(expected[i])),
                    "element " + i + ": expected " + expected[i] + ", got " + actual[i] + " in " + Arrays.toString(actual));
        }
    }
}
