package io.github.autograd4j.nn;

import io.github.autograd4j.Generator;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.init.Init;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Multi-head attention, as PyTorch's {@code nn.MultiheadAttention(embed_dim, num_heads, dropout,
 * bias, batch_first=...)}: the query, key and value are projected by the three blocks of
 * {@code in_proj_weight} {@code (3 E, E)} (and {@code in_proj_bias} {@code (3 E,)}), split into
 * {@code num_heads} heads of {@code E / num_heads}, attended by scaled dot-product attention
 * ({@link Tensor#attentionWeights}), joined and projected by {@code out_proj} (a {@link Linear}).
 * The parameter names and layout are PyTorch's, so a state dict maps one to one:
 * {@code in_proj_weight}, {@code in_proj_bias}, {@code out_proj.weight}, {@code out_proj.bias}.
 * Initialisation as PyTorch's: Xavier uniform {@code in_proj_weight}, zero biases, {@code out_proj}'s
 * weight as a {@link Linear}'s.
 *
 * <p>Inputs are {@code (L, N, E)}, {@code (N, L, E)} with {@code batch_first}, or {@code (L, E)}
 * unbatched. Masks are additive floats as in PyTorch's float masks: {@code attnMask}
 * {@code (L, S)} or {@code (N * num_heads, L, S)} is added to the scores (0 keeps, {@code -inf}
 * blocks); {@code keyPaddingMask} {@code (N, S)} (or {@code (S,)} unbatched) marks padded keys with a
 * non-zero value (PyTorch's {@code True}), which are then ignored. In training mode the weights pass
 * through dropout before they weigh the values.
 */
public final class MultiheadAttention extends Module {

    private final int embedDim;
    private final int numHeads;
    private final boolean bias;
    private final boolean batchFirst;
    private final Dropout dropout;

    /**
     * Attention with biases, no dropout, sequence first, drawn from {@link Generator#current()}.
     *
     * @param embedDim the model's width {@code E}
     * @param numHeads the number of heads, dividing {@code E}
     */
    public MultiheadAttention(int embedDim, int numHeads) {
        this(embedDim, numHeads, 0.0, true, false, Generator.current());
    }

    /**
     * Attention with every option.
     *
     * @param embedDim   the model's width {@code E}
     * @param numHeads   the number of heads, dividing {@code E}
     * @param dropout    the dropout probability on the attention weights in training mode
     * @param bias       whether the projections have biases
     * @param batchFirst whether inputs and outputs are {@code (N, L, E)} rather than {@code (L, N, E)}
     * @param rng        the source of the initial values and the dropout masks
     * @throws IllegalArgumentException when a size is not positive, {@code numHeads} does not
     *                                  divide {@code embedDim}, or the dropout is not in [0, 1)
     */
    public MultiheadAttention(int embedDim, int numHeads, double dropout, boolean bias, boolean batchFirst, Random rng) {
        this.embedDim = embedDim;
        this.numHeads = numHeads;
        this.bias = bias;
        this.batchFirst = batchFirst;
        if (embedDim < 1 || numHeads < 1 || embedDim % numHeads != 0) {
            throw new IllegalArgumentException(describe() + ": embed_dim " + embedDim + " must be a positive multiple of num_heads "
                    + numHeads);
        }
        Objects.requireNonNull(rng, "MultiheadAttention: rng is null");
        this.dropout = new Dropout(dropout, rng);
        Linear out = new Linear(embedDim, embedDim, bias, rng);
        Init.xavierUniform(registerParameter("in_proj_weight", Tensor.zeros(3 * embedDim, embedDim)), rng);
        if (bias) {
            registerParameter("in_proj_bias", Tensor.zeros(3 * embedDim));
            Init.zeros(out.bias());
        }
        registerModule("out_proj", out);
    }

    /**
     * Self-attention of {@code x} (query, key and value), without masks: the attended values.
     *
     * @param x the sequence, {@code (L, N, E)}, {@code (N, L, E)} with batch_first, or {@code (L, E)}
     * @return the output, of {@code x}'s shape
     */
    @Override
    public Tensor forward(Tensor x) {
        return forward(x, x, x, null, false, null, true, false).output();
    }

    /**
     * Attention of {@code query} over {@code key} and {@code value}, without masks, with the weights
     * averaged over the heads.
     *
     * @param query {@code (L, N, E)} ({@code (N, L, E)} with batch_first, {@code (L, E)} unbatched)
     * @param key   {@code (S, N, E)}, likewise
     * @param value {@code (S, N, E)}, likewise
     * @return the output and the weights {@code (N, L, S)}
     */
    public AttentionOutput forward(Tensor query, Tensor key, Tensor value) {
        return forward(query, key, value, null, true, null, true, false);
    }

    /**
     * Attention with every option of PyTorch's {@code forward(query, key, value, key_padding_mask,
     * need_weights, attn_mask, average_attn_weights, is_causal)}.
     *
     * @param query              {@code (L, N, E)} ({@code (N, L, E)} with batch_first, {@code (L, E)} unbatched)
     * @param key                {@code (S, N, E)}, likewise
     * @param value              {@code (S, N, E)}, likewise
     * @param keyPaddingMask     {@code (N, S)} ({@code (S,)} unbatched), non-zero at keys to ignore;
     *                           null for none
     * @param needWeights        whether to return the weights
     * @param attnMask           added to the scores, {@code (L, S)} or {@code (N * num_heads, L, S)};
     *                           null for none
     * @param averageAttnWeights whether the weights returned are averaged over the heads
     * @param isCausal           whether query {@code i} is kept from keys after {@code i}
     * @return the output and, when asked for, the weights
     * @throws IllegalArgumentException when a shape does not fit
     */
    public AttentionOutput forward(Tensor query, Tensor key, Tensor value, Tensor keyPaddingMask, boolean needWeights,
                                   Tensor attnMask, boolean averageAttnWeights, boolean isCausal) {
        Objects.requireNonNull(query, describe() + ": query is null");
        Objects.requireNonNull(key, describe() + ": key is null");
        Objects.requireNonNull(value, describe() + ": value is null");
        boolean unbatched = query.dim() == 2;
        checkInput("query", query, unbatched);
        checkInput("key", key, unbatched);
        checkInput("value", value, unbatched);
        Tensor q = batchFirstOf(query, unbatched);
        Tensor k = batchFirstOf(key, unbatched);
        Tensor v = batchFirstOf(value, unbatched);
        int n = q.size(0);
        int l = q.size(1);
        int s = k.size(1);
        if (v.size(1) != s || k.size(0) != n || v.size(0) != n) {
            throw new IllegalArgumentException(describe() + ": query " + query.shape() + ", key " + key.shape() + " and value "
                    + value.shape() + " do not fit together; key and value need the same length, all three the same batch");
        }
        Tensor mask = mask(attnMask, keyPaddingMask, n, l, s, unbatched, query);
        Tensor weight = parameter("in_proj_weight");
        Tensor b = bias ? parameter("in_proj_bias") : null;
        Tensor[] qkv = new Tensor[3];
        if (query == key && key == value) {
            List<Tensor> parts = Tensor.linear(q, weight, b).chunk(3, -1);
            qkv = parts.toArray(new Tensor[0]);
        } else {
            Tensor[] in = {q, k, v};
            for (int i = 0; i < 3; i++) {
                qkv[i] = Tensor.linear(in[i], weight.slice(0, i * embedDim, (i + 1) * embedDim),
                        b == null ? null : b.slice(0, i * embedDim, (i + 1) * embedDim));
            }
        }
        Tensor w = Tensor.attentionWeights(heads(qkv[0]), heads(qkv[1]), mask, isCausal);
        w = dropout.train(isTraining()).forward(w);
        Tensor attended = w.matmul(heads(qkv[2])).permute(0, 2, 1, 3).reshape(n, l, embedDim);
        Tensor out = ((Linear) namedChildren().get("out_proj")).forward(attended);
        out = unbatched ? out.squeeze(0) : batchFirst ? out : out.transpose(0, 1);
        Tensor weights = null;
        if (needWeights) {
            weights = averageAttnWeights ? w.mean(new int[] {1}, false) : w;
            weights = unbatched ? weights.squeeze(0) : weights;
        }
        return new AttentionOutput(out, weights);
    }

    private void checkInput(String name, Tensor t, boolean unbatched) {
        if (t.dim() != (unbatched ? 2 : 3) || t.size(-1) != embedDim) {
            String length = name.equals("query") ? "L" : "S";
            String batched = (batchFirst ? "(N, " + length + ", " : "(" + length + ", N, ") + embedDim + ")";
            String alone = "(" + length + ", " + embedDim + ")";
            String expected = name.equals("query") ? batched + " or " + alone + " unbatched"
                    : unbatched ? alone + ", unbatched as the query" : batched + ", batched as the query";
            throw new IllegalArgumentException(describe() + ": expected " + name + " of shape " + expected + ", got " + t.shape());
        }
    }

    /** {@code t} as {@code (N, L, E)}. */
    private Tensor batchFirstOf(Tensor t, boolean unbatched) {
        return unbatched ? t.unsqueeze(0) : batchFirst ? t : t.transpose(0, 1);
    }

    /** {@code (N, L, E)} split into heads: {@code (N, num_heads, L, E / num_heads)}. */
    private Tensor heads(Tensor t) {
        return t.reshape(t.size(0), t.size(1), numHeads, embedDim / numHeads).permute(0, 2, 1, 3);
    }

    /** The additive mask of both masks, broadcasting to the scores {@code (N, num_heads, L, S)}; null for none. */
    private Tensor mask(Tensor attnMask, Tensor keyPaddingMask, int n, int l, int s, boolean unbatched, Tensor query) {
        Tensor mask = null;
        if (attnMask != null) {
            if (attnMask.dim() == 2 && attnMask.size(0) == l && attnMask.size(1) == s) {
                mask = attnMask;
            } else if (attnMask.dim() == 3 && attnMask.size(0) == n * numHeads && attnMask.size(1) == l && attnMask.size(2) == s) {
                mask = attnMask.reshape(n, numHeads, l, s);
            } else {
                throw new IllegalArgumentException(describe() + ": expected attn_mask of shape (" + l + ", " + s + ") or (" + n * numHeads
                        + ", " + l + ", " + s + "), got " + attnMask.shape());
            }
        }
        if (keyPaddingMask != null) {
            boolean fits = unbatched ? keyPaddingMask.dim() == 1 && keyPaddingMask.size(0) == s
                    : keyPaddingMask.dim() == 2 && keyPaddingMask.size(0) == n && keyPaddingMask.size(1) == s;
            if (!fits) {
                throw new IllegalArgumentException(describe() + ": expected key_padding_mask of shape "
                        + (unbatched ? "(" + s + ",)" : "(" + n + ", " + s + ")") + ", got " + keyPaddingMask.shape());
            }
            double[] padded = keyPaddingMask.doubles();
            double[] additive = new double[padded.length];
            for (int i = 0; i < padded.length; i++) {
                additive[i] = padded[i] != 0.0 ? Double.NEGATIVE_INFINITY : 0.0;
            }
            Tensor pad = Tensor.of(additive, n, 1, 1, s).to(query.dtype());
            mask = mask == null ? pad : mask.add(pad);
        }
        return mask;
    }

    /**
     * The model's width.
     *
     * @return {@code embed_dim}
     */
    public int embedDim() {
        return embedDim;
    }

    /**
     * The number of heads.
     *
     * @return {@code num_heads}
     */
    public int numHeads() {
        return numHeads;
    }

    @Override
    protected String extraRepr() {
        return "embed_dim=" + embedDim + ", num_heads=" + numHeads + (batchFirst ? ", batch_first=true" : "");
    }
}
