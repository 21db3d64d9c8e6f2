package io.github.autograd4j.nn;

import io.github.autograd4j.Generator;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.init.Init;
import io.github.autograd4j.nn.init.Initializer;
import java.util.Objects;
import java.util.Random;

/**
 * A fully connected layer, as PyTorch's {@code nn.Linear}: {@code y = x W^T + b} for {@code x} of
 * shape {@code (..., in)}, with parameters {@code weight} of shape {@code (out, in)} and {@code bias}
 * of shape {@code (out,)} (when asked for).
 *
 * <p>By default both are drawn as PyTorch draws them: the weight by Kaiming uniform with
 * {@code a = sqrt 5}, which is {@code U(-1/sqrt(in), 1/sqrt(in))}, then the bias from the same
 * interval; another constructor takes the initialisers. The constructors without a {@code Random}
 * draw from this thread's default generator, {@link Generator#current()}, as PyTorch's
 * {@code nn.Linear(10, 20)} draws from its default generator.
 *
 * <pre>{@code
 * Generator.manualSeed(0);
 * Linear layer = new Linear(10, 20);        // the same weights on every run
 * }</pre>
 */
public final class Linear extends Module {

    private final int inFeatures;
    private final int outFeatures;
    private final boolean hasBias;

    /**
     * A layer with a bias and PyTorch's default initialisation, drawn from {@link Generator#current()}.
     *
     * @param inFeatures  the input size
     * @param outFeatures the output size
     * @throws IllegalArgumentException when a size is not positive
     */
    public Linear(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, true);
    }

    /**
     * A layer with PyTorch's default initialisation, drawn from {@link Generator#current()}.
     *
     * @param inFeatures  the input size
     * @param outFeatures the output size
     * @param bias        whether the layer has a bias
     * @throws IllegalArgumentException when a size is not positive
     */
    public Linear(int inFeatures, int outFeatures, boolean bias) {
        this(inFeatures, outFeatures, bias, Generator.current());
    }

    /**
     * A layer whose weight, then bias, are filled by the given initialisers from {@link Generator#current()}.
     *
     * @param inFeatures  the input size
     * @param outFeatures the output size
     * @param bias        whether the layer has a bias
     * @param weightInit  fills the weight
     * @param biasInit    fills the bias; ignored when {@code bias} is false
     * @throws IllegalArgumentException when a size is not positive
     */
    public Linear(int inFeatures, int outFeatures, boolean bias, Initializer weightInit, Initializer biasInit) {
        this(inFeatures, outFeatures, bias, Generator.current(), weightInit, biasInit);
    }

    /**
     * A layer with PyTorch's default initialisation drawn from {@code rng}.
     *
     * @param inFeatures  the input size
     * @param outFeatures the output size
     * @param bias        whether the layer has a bias
     * @param rng         the source of the initial values: the weight's are drawn first, then the
     *                    bias's
     */
    public Linear(int inFeatures, int outFeatures, boolean bias, Random rng) {
        this(inFeatures, outFeatures, bias, rng,
                (w, r) -> Init.kaimingUniform(w, Math.sqrt(5.0), r),
                (b, r) -> Init.uniform(b, -1.0 / Math.sqrt(inFeatures), 1.0 / Math.sqrt(inFeatures), r));
    }

    /**
     * A layer with a bias and PyTorch's default initialisation drawn from {@code rng}.
     *
     * @param inFeatures  the input size
     * @param outFeatures the output size
     * @param rng         the source of the initial values: the weight's are drawn first, then the
     *                    bias's
     */
    public Linear(int inFeatures, int outFeatures, Random rng) {
        this(inFeatures, outFeatures, true, rng);
    }

    /**
     * A layer whose weight, then bias, are filled by the given initialisers from {@code rng}.
     *
     * @param inFeatures  the input size
     * @param outFeatures the output size
     * @param bias        whether the layer has a bias
     * @param rng         passed to both initialisers, the weight's first
     * @param weightInit  fills the weight
     * @param biasInit ignored when {@code bias} is false
     * @throws IllegalArgumentException when a size is not positive
     */
    public Linear(int inFeatures, int outFeatures, boolean bias, Random rng, Initializer weightInit, Initializer biasInit) {
        if (inFeatures < 1 || outFeatures < 1) {
            throw new IllegalArgumentException("Linear(" + inFeatures + ", " + outFeatures
                    + "): in_features and out_features must be positive");
        }
        Objects.requireNonNull(rng, "Linear: rng is null");
        Objects.requireNonNull(weightInit, "Linear: weight initializer is null");
        if (bias) {
            Objects.requireNonNull(biasInit, "Linear: bias initializer is null");
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        this.hasBias = bias;
        weightInit.initialize(registerParameter("weight", Tensor.zeros(outFeatures, inFeatures)), rng);
        if (bias) {
            biasInit.initialize(registerParameter("bias", Tensor.zeros(outFeatures)), rng);
        }
    }

    /**
     * {@code x W^T + b} for {@code x} of shape {@code (..., in)}; the result has shape {@code (..., out)}.
     *
     * @throws IllegalArgumentException when {@code x} is a scalar or its last dim is not {@code in}
     */
    @Override
    public Tensor forward(Tensor x) {
        Objects.requireNonNull(x, describe() + ": input is null");
        if (x.dim() == 0 || x.size(-1) != inFeatures) {
            throw new IllegalArgumentException(describe() + ": expected input with last dim " + inFeatures
                    + ", got shape " + x.shape());
        }
        return Tensor.linear(x, weight(), hasBias ? bias() : null);
    }

    /**
     * The weight, of shape {@code (out, in)}.
     *
     * @return the live parameter (not a copy)
     */
    public Tensor weight() {
        return parameter("weight");
    }

    /**
     * The bias, of shape {@code (out,)}, or null when the layer has none.
     *
     * @return the live parameter (not a copy), or null
     */
    public Tensor bias() {
        return hasBias ? parameter("bias") : null;
    }

    /**
     * The input size.
     *
     * @return the size of the input's last dim
     */
    public int inFeatures() {
        return inFeatures;
    }

    /**
     * The output size.
     *
     * @return the size of the output's last dim
     */
    public int outFeatures() {
        return outFeatures;
    }

    @Override
    protected String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + hasBias;
    }

    @Override
    String describe() {
        return "Linear(" + inFeatures + ", " + outFeatures + ")";
    }
}
