package io.github.autograd4j.ops;

import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import java.util.Objects;

/**
 * Scaled dot-product attention, composed of operations that each have their rule: the two
 * products on the GEMM kernel in the operands' own type, a mask, and the stable softmax (the
 * largest score of a row is subtracted first, so scores of any size give finite weights). Second
 * derivatives come from the parts.
 */
public final class AttentionOps {

    private AttentionOps() {
    }

    /**
     * The attention weights {@code softmax(q k^T / sqrt(E) + mask)} over the last dim, for
     * {@code q} of shape {@code (..., L, E)} and {@code k} of shape {@code (..., S, E)} (batch dims
     * broadcast): shape {@code (..., L, S)}, each row summing to 1. {@code mask} (null for none) is
     * added to the scores and broadcasts to their shape: 0 keeps a place, {@code -inf} blocks it
     * (PyTorch's float {@code attn_mask}). With {@code causal}, place {@code (i, j)} with
     * {@code j > i} is blocked too, as PyTorch's {@code is_causal}; a row with every place blocked
     * is NaN, as in PyTorch. Gradients: through the parts: the softmax's
     * {@code out (g - sum(g out))}, then {@code g k / sqrt(E)} to {@code q} and
     * {@code g^T q / sqrt(E)} to {@code k}, none to {@code mask}.
     *
     * @throws IllegalArgumentException when an operand has fewer than 2 dims, the last dims of
     *                                  {@code q} and {@code k} differ, the batch dims do not
     *                                  broadcast, or {@code mask} does not broadcast to the scores
     */
    public static Tensor attentionWeights(Tensor q, Tensor k, Tensor mask, boolean causal) {
        return weights("attentionWeights", q, k, mask, causal);
    }

    /**
     * Scaled dot-product attention {@code softmax(q k^T / sqrt(E) + mask) v}, as PyTorch's
     * {@code F.scaled_dot_product_attention} without dropout: {@code q} of shape
     * {@code (..., L, E)}, {@code k} of shape {@code (..., S, E)} and {@code v} of shape
     * {@code (..., S, Ev)} give {@code (..., L, Ev)}; the weights as {@link #attentionWeights}
     * (mask, causal). Gradients: through the parts: {@code w^T g} to {@code v}, {@code g v^T} to
     * the weights {@code w}, then as {@link #attentionWeights}.
     *
     * @throws IllegalArgumentException as {@link #attentionWeights}, and when {@code v}'s
     *                                  sequence length is not {@code k}'s
     */
    public static Tensor scaledDotProductAttention(Tensor q, Tensor k, Tensor v, Tensor mask, boolean causal) {
        String op = "scaledDotProductAttention";
        checkQueryAndKey(op, q, k);
        Objects.requireNonNull(v, op + ": value is null");
        if (v.dim() < 2 || v.size(-2) != k.size(-2)) {
            throw new IllegalArgumentException(op + ": key of shape " + k.shape() + " and value of shape " + v.shape()
                    + " differ in sequence length; expected (..., S, E) and (..., S, Ev)");
        }
        return weights(op, q, k, mask, causal).matmul(v);
    }

    private static Tensor weights(String op, Tensor q, Tensor k, Tensor mask, boolean causal) {
        checkQueryAndKey(op, q, k);
        Shape scoresShape = Shape.broadcast(op + ": batch dims of " + q.shape() + " and " + k.shape(), Batches.batchOf(q), Batches.batchOf(k));
        scoresShape = Shape.of(op, Batches.append(scoresShape, q.size(-2), k.size(-2)));
        if (mask != null && !mask.shape().broadcastsTo(scoresShape)) {
            throw new IllegalArgumentException(op + ": mask of shape " + mask.shape() + " does not broadcast to the scores' shape "
                    + scoresShape + " (..., L, S)");
        }
        Tensor scores = ProductOps.matmulTransposed(q, k).mul(1.0 / Math.sqrt(q.size(-1)));
        if (mask != null) {
            scores = scores.add(mask.to(scores.dtype())); // the mask's constants in the scores' type
        }
        if (causal) {
            scores = scores.maskedFill(futurePlaces(q.size(-2), k.size(-2)), Double.NEGATIVE_INFINITY);
        }
        return scores.softmax(-1);
    }

    private static void checkQueryAndKey(String op, Tensor q, Tensor k) {
        Objects.requireNonNull(q, op + ": query is null");
        Objects.requireNonNull(k, op + ": key is null");
        if (q.dim() < 2 || k.dim() < 2) {
            throw new IllegalArgumentException(op + ": query and key need at least 2 dims, (..., L, E) and (..., S, E); got shapes "
                    + q.shape() + " and " + k.shape());
        }
        if (q.size(-1) != k.size(-1)) {
            throw new IllegalArgumentException(op + ": query of shape " + q.shape() + " and key of shape " + k.shape()
                    + " differ in the last dim (" + q.size(-1) + " and " + k.size(-1) + "); expected (..., L, E) and (..., S, E)");
        }
    }

    /** 1 at the places {@code (i, j)} with {@code j > i} of an {@code (l, s)} score matrix, 0 elsewhere. */
    private static Tensor futurePlaces(int l, int s) {
        Shape shape = Shape.of("causal mask", l, s);
        double[] data = new double[shape.numel()];
        for (int i = 0; i < l; i++) {
            for (int j = i + 1; j < s; j++) {
                data[i * s + j] = 1.0;
            }
        }
        return Tensor.of(data, l, s);
    }
}
