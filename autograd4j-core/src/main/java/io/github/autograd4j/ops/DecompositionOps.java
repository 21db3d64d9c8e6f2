package io.github.autograd4j.ops;

import static io.github.autograd4j.ops.Batches.append;
import static io.github.autograd4j.ops.Batches.batchBroadcast;
import static io.github.autograd4j.ops.Batches.batchIndex;
import static io.github.autograd4j.ops.Batches.batchOf;
import static io.github.autograd4j.ops.Batches.resultShape;
import static io.github.autograd4j.ops.ProductOps.product;

import io.github.autograd4j.Grad;
import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.lu.LUDecompositionBase_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Linear algebra on square matrices (inverse, solve, determinants, Cholesky), each forward beside
 * its backward rule; the decompositions (LU, Cholesky, SVD) come from EJML. Every operation takes a
 * single matrix or a batch of them, shape {@code (..., n, n)}; batch dims broadcast between
 * operands as NumPy does, and backward rules are written with {@link ProductOps} products.
 *
 * <p>Singular and non-positive-definite inputs are rejected with an {@link IllegalArgumentException}
 * naming the op and the matrix, never answered with Inf or NaN. A matrix counts as singular when
 * its reciprocal condition number in the 1-norm, {@code 1 / (|A|_1 |A^-1|_1)}, is below machine
 * epsilon (2.2e-16): its inverse would have no correct digit.
 */
public final class DecompositionOps {

    /** Matrices whose reciprocal condition number is below this are treated as singular. */
    private static final double MIN_RCOND = Math.ulp(1.0);
    /** How far from symmetric (relative to the largest element) a matrix given to cholesky may be. */
    private static final double SYMMETRY_TOLERANCE = 1e-10;

    private DecompositionOps() {
    }

    /**
     * The inverse {@code A^-1} of a square matrix, or of each matrix in a batch {@code (..., n, n)},
     * by LU decomposition. Backward: {@code dA = -A^-T g A^-T}.
     *
     * @throws IllegalArgumentException when a matrix is not square or is (numerically) singular
     */
    public static Tensor inv(Tensor a) {
        int n = squareSize("inv", a);
        double[] data = new double[a.numel()];
        DMatrixRMaj inverse = new DMatrixRMaj(n, n);
        for (int t = 0, count = batchOf(a).numel(); t < count; t++) {
            checkedLu("inv", a, t, inverse);
            System.arraycopy(inverse.data, 0, data, t * n * n, n * n);
        }
        return Tensor.fromOp("inv", a.shape(), data,
                (g, out) -> new Tensor[] {product(product(out, true, g, false), false, out, true).neg()}, a);
    }

    /**
     * The solution {@code X} of {@code A X = B} for square {@code A} of shape {@code (..., n, n)}
     * and {@code B} of shape {@code (n,)} (then {@code X} has shape {@code (..., n)}) or
     * {@code (..., n, k)}, batch dims broadcasting (a batch of vectors is given as
     * {@code (..., n, 1)}). Backward: {@code dB = solve(A^T, g)}, {@code dA = -dB X^T}.
     *
     * @throws IllegalArgumentException when {@code A} is not square or is (numerically) singular,
     *                                  {@code B} does not have {@code n} rows, or the batch dims do
     *                                  not broadcast
     */
    public static Tensor solve(Tensor a, Tensor b) {
        BinaryOps.requireOperands("solve", a, b);
        int n = squareSize("solve", a);
        boolean vector = b.dim() == 1;
        if (b.dim() == 0 || b.size(vector ? 0 : -2) != n) {
            throw new IllegalArgumentException("solve: cannot solve A X = B for A of shape " + a.shape()
                    + " and B of shape " + b.shape() + ": B must have shape (" + n + ",) or (..., " + n + ", k)");
        }
        Tensor x = solveMatrices(a, vector ? b.reshape(n, 1) : b);
        return vector ? x.reshape(append(batchOf(a), n)) : x;
    }

    /** {@link #solve} for {@code B} of shape {@code (..., n, k)}, shapes checked. */
    private static Tensor solveMatrices(Tensor a, Tensor b) {
        int n = a.size(-1);
        int k = b.size(-1);
        Shape batch = batchBroadcast("solve", a, b);
        Shape shape = resultShape("solve", batch, a, b, n, k);
        int[] ia = batchIndex(batchOf(a), batch);
        int[] ib = batchIndex(batchOf(b), batch);
        @SuppressWarnings("unchecked")
        LinearSolverDense<DMatrixRMaj>[] solvers = new LinearSolverDense[batchOf(a).numel()];
        DMatrixRMaj scratch = new DMatrixRMaj(n, n);
        for (int t = 0; t < solvers.length; t++) {
            solvers[t] = checkedLu("solve", a, t, scratch);
        }
        double[] data = new double[shape.numel()];
        DMatrixRMaj x = new DMatrixRMaj(n, k);
        for (int t = 0; t < ia.length; t++) {
            solvers[ia[t]].solve(matrix(b, ib[t]), x);
            System.arraycopy(x.data, 0, data, t * n * k, n * k);
        }
        return Tensor.fromOp("solve", shape, data, (g, out) -> {
            Tensor gb = solveMatrices(a.mT(), g);
            return new Tensor[] {a.requiresGrad() ? product(gb, false, out, true).neg() : null, gb};
        }, a, b);
    }

    /**
     * The determinant of a square matrix (a scalar), or of each matrix in a batch
     * {@code (..., n, n)} (shape {@code (...)}), by LU decomposition. A singular matrix gives 0.
     *
     * <p>Backward: {@code dA = g det(A) A^-T}, the cofactor matrix times {@code g}. At a singular
     * matrix, where {@code A^-T} does not exist, the cofactor matrix comes from the SVD
     * {@code A = U S V^T} as {@code det(U) det(V) U diag(prod_{j != i} s_j) V^T}, as PyTorch does;
     * that gradient is correct but not recorded. Second order: yes, except at a singular matrix,
     * where differentiating the gradient again ({@code createGraph}) throws an
     * {@link IllegalStateException}.
     *
     * @throws IllegalArgumentException when a matrix is not square
     */
    public static Tensor det(Tensor a) {
        int n = squareSize("det", a);
        Shape batch = batchOf(a);
        double[] data = new double[batch.numel()];
        for (int t = 0; t < data.length; t++) {
            data[t] = n == 0 ? 1.0 : CommonOps_DDRM.det(matrix(a, t)); // EJML fails on 0 x 0; its det is 1
        }
        return Tensor.fromOp("det", batch, data, (g, out) -> {
            Tensor gd = g.mul(out).reshape(append(batch, 1, 1));
            if (allInvertible(a)) {
                return new Tensor[] {gd.mul(inv(a).mT())};
            }
            if (Grad.isEnabled()) {
                throw new IllegalStateException("det: cannot differentiate the gradient at a singular matrix again"
                        + " (createGraph): there it comes from an SVD that is not recorded; input of shape " + a.shape());
            }
            return new Tensor[] {g.reshape(append(batch, 1, 1)).mul(cofactors(a, n))};
        }, a);
    }

    /**
     * {@code log |det A|} of a square matrix (a scalar), or of each matrix in a batch
     * {@code (..., n, n)} (shape {@code (...)}): the {@code logabsdet} half of PyTorch's
     * {@code slogdet}, computed from the LU factors without overflow. Backward: {@code dA = g A^-T}.
     *
     * @throws IllegalArgumentException when a matrix is not square or is (numerically) singular
     *                                  (its log |det| would be -Inf)
     */
    public static Tensor logDet(Tensor a) {
        int n = squareSize("logDet", a);
        Shape batch = batchOf(a);
        double[] data = new double[batch.numel()];
        DMatrixRMaj scratch = new DMatrixRMaj(n, n);
        for (int t = 0; t < data.length; t++) {
            LUDecompositionBase_DDRM lu = checkedLu("logDet", a, t, scratch).getDecomposition();
            double[] factors = lu.getLU().data;
            double s = 0.0;
            for (int i = 0; i < n; i++) {
                s += Math.log(Math.abs(factors[i * n + i]));
            }
            data[t] = s;
        }
        return Tensor.fromOp("logDet", batch, data,
                (g, out) -> new Tensor[] {g.reshape(append(batch, 1, 1)).mul(inv(a).mT())}, a);
    }

    /**
     * The lower-triangular Cholesky factor {@code L} with {@code L L^T = A} of a symmetric
     * positive-definite matrix, or of each matrix in a batch {@code (..., n, n)}. The matrix must
     * be symmetric to within 1e-10 of its largest element; only its lower triangle is used.
     *
     * <p>Backward (Murray 2016, as PyTorch's {@code cholesky_backward}): with
     * {@code Phi(X)} the lower triangle of {@code X} with its diagonal halved,
     * {@code S = L^-T Phi(L^T g) L^-1} and {@code dA = (S + S^T) / 2}, a symmetric gradient.
     *
     * @throws IllegalArgumentException when a matrix is not square, not symmetric, or not positive-definite
     */
    public static Tensor cholesky(Tensor a) {
        int n = squareSize("cholesky", a);
        double[] data = new double[a.numel()];
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
        DMatrixRMaj lower = new DMatrixRMaj(n, n);
        for (int t = 0, count = batchOf(a).numel(); t < count; t++) {
            DMatrixRMaj m = matrix(a, t);
            if (!isSymmetric(m) || !chol.decompose(m)) {
                throw new IllegalArgumentException("cholesky: " + which(a, t) + " is not symmetric positive-definite");
            }
            chol.getT(lower);
            System.arraycopy(lower.data, 0, data, t * n * n, n * n);
        }
        Tensor phiMask = phiMask(n);
        return Tensor.fromOp("cholesky", a.shape(), data, (g, l) -> {
            Tensor lInv = inv(l);
            Tensor phi = product(l, true, g, false).mul(phiMask);
            Tensor s = product(product(lInv, true, phi, false), false, lInv, false);
            return new Tensor[] {s.add(s.mT()).mul(0.5)};
        }, a);
    }

    // ------------------------------------------------------------------ helpers

    /** The size {@code n} of a tensor of shape {@code (..., n, n)}. */
    private static int squareSize(String op, Tensor x) {
        Objects.requireNonNull(x, op + ": input is null");
        if (x.dim() < 2 || x.size(-1) != x.size(-2)) {
            throw new IllegalArgumentException(op + ": expected a square matrix or a batch of them, shape (..., n, n);"
                    + " got shape " + x.shape());
        }
        return x.size(-1);
    }

    /** A copy of matrix {@code t} (flat batch index) of {@code x}, as an EJML matrix. */
    private static DMatrixRMaj matrix(Tensor x, int t) {
        int rows = x.size(-2);
        int cols = x.size(-1);
        int size = rows * cols;
        return DMatrixRMaj.wrap(rows, cols, Arrays.copyOfRange(x.doubles(), t * size, (t + 1) * size));
    }

    /** "matrix of shape (3, 3)", or for a batch "matrix 2 of shape (3, 3) in a batch of shape (4, 3, 3)". */
    private static String which(Tensor x, int t) {
        String shape = "of shape " + Shape.of(x.size(-2), x.size(-1));
        return x.dim() == 2 ? "matrix " + shape : "matrix " + t + " " + shape + " in a batch of shape " + x.shape();
    }

    /**
     * An LU solver set up with matrix {@code t} of {@code x}, whose inverse it writes to
     * {@code inverse}, after checking that the matrix is not (numerically) singular.
     */
    private static LinearSolverDense<DMatrixRMaj> checkedLu(String op, Tensor x, int t, DMatrixRMaj inverse) {
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(x.size(-1));
        double rcond = rcond(matrix(x, t), lu, inverse);
        if (Double.isNaN(rcond)) {
            throw new IllegalArgumentException(op + ": " + which(x, t) + " holds NaN or infinite elements");
        }
        if (rcond < MIN_RCOND) {
            String shown = rcond == 0.0 ? "0" : String.format(Locale.ROOT, "%.1e", rcond);
            throw new IllegalArgumentException(op + ": " + which(x, t)
                    + " is singular (or numerically so: reciprocal condition number " + shown + ")");
        }
        return lu;
    }

    /**
     * The reciprocal condition number {@code 1 / (|A|_1 |A^-1|_1)} of {@code a}: 0 when an LU pivot
     * is exactly 0, NaN when {@code a} holds NaN or an infinity. Sets {@code lu} up with {@code a}
     * and writes the inverse to {@code inverse}.
     */
    private static double rcond(DMatrixRMaj a, LinearSolverDense<DMatrixRMaj> lu, DMatrixRMaj inverse) {
        for (double v : a.data) {
            if (!Double.isFinite(v)) {
                return Double.NaN;
            }
        }
        if (!lu.setA(a)) {
            return 0.0;
        }
        DMatrixRMaj factors = lu.<LUDecompositionBase_DDRM>getDecomposition().getLU();
        for (int i = 0; i < a.numRows; i++) {
            if (factors.get(i, i) == 0.0) {
                return 0.0;
            }
        }
        lu.invert(inverse);
        double rcond = 1.0 / (norm1(a) * norm1(inverse));
        return Double.isNaN(rcond) ? 0.0 : rcond; // an inverse that overflowed to Inf - Inf
    }

    /** The 1-norm: the largest column sum of magnitudes. */
    private static double norm1(DMatrixRMaj m) {
        double max = 0.0;
        for (int j = 0; j < m.numCols; j++) {
            double s = 0.0;
            for (int i = 0; i < m.numRows; i++) {
                s += Math.abs(m.get(i, j));
            }
            max = Math.max(max, s);
        }
        return max;
    }

    /** True when every matrix of {@code x} passes the singularity check. */
    private static boolean allInvertible(Tensor x) {
        int n = x.size(-1);
        DMatrixRMaj scratch = new DMatrixRMaj(n, n);
        for (int t = 0, count = batchOf(x).numel(); t < count; t++) {
            if (!(rcond(matrix(x, t), LinearSolverFactory_DDRM.lu(n), scratch) >= MIN_RCOND)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The cofactor matrices {@code d det(A) / dA} of every matrix of {@code x}, defined also when
     * singular: {@code det(U) det(V) U diag(prod_{j != i} s_j) V^T} from the SVD {@code A = U S V^T}.
     */
    private static Tensor cofactors(Tensor x, int n) {
        double[] data = new double[x.numel()];
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, n, true, true, false);
        for (int t = 0, count = batchOf(x).numel(); t < count; t++) {
            if (!svd.decompose(matrix(x, t))) {
                throw new IllegalStateException("det: the SVD of " + which(x, t) + " did not converge");
            }
            DMatrixRMaj u = svd.getU(null, false);
            DMatrixRMaj v = svd.getV(null, false);
            double[] s = svd.getSingularValues();
            double sign = Math.signum(CommonOps_DDRM.det(u)) * Math.signum(CommonOps_DDRM.det(v));
            for (int i = 0; i < n; i++) {
                double p = sign;
                for (int j = 0; j < n; j++) {
                    p *= j == i ? 1.0 : s[j];
                }
                for (int r = 0; r < n; r++) {
                    u.data[r * n + i] *= p;
                }
            }
            DMatrixRMaj cof = new DMatrixRMaj(n, n);
            CommonOps_DDRM.multTransB(u, v, cof);
            System.arraycopy(cof.data, 0, data, t * n * n, n * n);
        }
        return Tensor.of(data, x.shape().toArray()).to(x.dtype());
    }

    /** True when {@code m} is symmetric to within {@link #SYMMETRY_TOLERANCE} of its largest element. */
    private static boolean isSymmetric(DMatrixRMaj m) {
        double tolerance = SYMMETRY_TOLERANCE * CommonOps_DDRM.elementMaxAbs(m);
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < i; j++) {
                if (!(Math.abs(m.get(i, j) - m.get(j, i)) <= tolerance)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The constant mask of {@code Phi}: 1 below the diagonal, 1/2 on it, 0 above. */
    private static Tensor phiMask(int n) {
        double[] mask = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                mask[i * n + j] = i == j ? 0.5 : 1.0;
            }
        }
        return Tensor.of(mask, n, n);
    }
}
