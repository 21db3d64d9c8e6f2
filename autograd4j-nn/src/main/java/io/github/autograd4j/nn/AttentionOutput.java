package io.github.autograd4j.nn;

import io.github.autograd4j.Tensor;

/**
 * What {@link MultiheadAttention} returns, as PyTorch's {@code attn_output, attn_output_weights}.
 *
 * @param output  the attended values, of the query's shape but with {@code embed_dim} last
 * @param weights the attention weights, {@code (N, L, S)} averaged over the heads (or
 *                {@code (N, num_heads, L, S)} per head; without {@code N} for unbatched input);
 *                null when they were not asked for
 */
public record AttentionOutput(Tensor output, Tensor weights) {
}
