package io.github.autograd4j.nn.optim;

import io.github.autograd4j.Grad;
import io.github.autograd4j.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Gradient clipping between {@code loss.backward()} and {@code optimizer.step()}, as PyTorch's
 * {@code torch.nn.utils.clip_grad_norm_} and {@code clip_grad_value_}:
 *
 * <pre>{@code
 * loss.backward();
 * double norm = GradClip.clipGradNorm(net.parameters(), 1.0);
 * optimizer.step();
 * }</pre>
 *
 * <p><b>How gradients are changed.</b> Tensors are immutable and core offers no way to replace a
 * parameter's gradient, so the clipped values are written into the gradient tensors themselves
 * with {@link Tensor#copyFrom} (a gradient is a leaf). Every clipped value is computed before any
 * is written, and each gradient array is written once: the same gradient tensor can be the
 * gradient of several parameters (an addition's backward passes one tensor to both operands), and
 * gradients can share storage (a reshape's backward); both clipping rules are elementwise in the
 * old values, so one write per array gives every sharer its clipped value. A gradient is refused
 * (with nothing changed) when it was recorded in a graph ({@code backward(..., createGraph=true)})
 * or shares its storage with a parameter's values. One caveat remains: a gradient can be the very
 * tensor passed to {@code backward(gradient)} (or share its storage), which is then clipped too.
 *
 * <p>Parameters without a gradient are skipped; a parameter listed twice counts once.
 */
public final class GradClip {

    /** Added to the norm before dividing, as PyTorch. */
    private static final double NORM_EPS = 1e-6;

    private GradClip() {
    }

    /**
     * Scales the gradients of {@code params} together so that their total 2-norm (the norm of all
     * their elements as one vector) is at most about {@code maxNorm}, as PyTorch's
     * {@code clip_grad_norm_} with its default {@code error_if_nonfinite=False}: each gradient is
     * multiplied by {@code min(1, maxNorm / (norm + 1e-6))}, so a gradient whose norm is below
     * {@code maxNorm} by more than 1e-6 is not changed. A NaN or infinite norm is returned, the
     * gradients having been multiplied by the NaN or 0 the formula gives (they become NaN, or 0
     * where finite and NaN where infinite) exactly as in PyTorch; use
     * {@link #clipGradNorm(List, double, boolean)} to get an exception instead. Passing
     * {@code Double.POSITIVE_INFINITY} only measures the norm.
     *
     * @return the total norm before clipping (0 when no parameter has a gradient)
     * @throws IllegalArgumentException when {@code maxNorm} is negative or NaN
     * @throws IllegalStateException    for a gradient that cannot be overwritten (see the class comment)
     */
    public static double clipGradNorm(List<Tensor> params, double maxNorm) {
        return clipGradNorm(params, maxNorm, false);
    }

    /**
     * {@link #clipGradNorm(List, double)}, or, with {@code errorIfNonfinite}, an exception when the
     * total norm is NaN or infinite, thrown before any gradient changes (PyTorch's
     * {@code error_if_nonfinite=True}).
     *
     * @throws ArithmeticException when {@code errorIfNonfinite} and the norm is not finite
     */
    public static double clipGradNorm(List<Tensor> params, double maxNorm, boolean errorIfNonfinite) {
        if (!(maxNorm >= 0)) {
            throw new IllegalArgumentException("clipGradNorm: maxNorm must be >= 0, got " + maxNorm);
        }
        List<Tensor> grads = gradients("clipGradNorm", params);
        if (grads.isEmpty()) {
            return 0.0;
        }
        double total;
        try (var recordingOff = Grad.disabled()) {
            double sumOfSquares = 0;
            for (Tensor g : grads) {
                double norm = g.norm().item();
                sumOfSquares += norm * norm;
            }
            total = Math.sqrt(sumOfSquares);
        }
        if (errorIfNonfinite && !Double.isFinite(total)) {
            throw new ArithmeticException("clipGradNorm: the total norm of the gradients is " + total
                    + ", so they cannot be clipped; nothing was changed");
        }
        double scale = Math.min(maxNorm / (total + NORM_EPS), 1.0);
        if (!(scale == 1.0)) {
            overwrite(grads, g -> g.mul(scale));
        }
        return total;
    }

    /**
     * Limits every gradient element of {@code params} to {@code [-clipValue, clipValue]}, as
     * PyTorch's {@code clip_grad_value_}.
     *
     * @throws IllegalArgumentException when {@code clipValue} is negative or NaN
     * @throws IllegalStateException    for a gradient that cannot be overwritten (see the class comment)
     */
    public static void clipGradValue(List<Tensor> params, double clipValue) {
        if (!(clipValue >= 0)) {
            throw new IllegalArgumentException("clipGradValue: clipValue must be >= 0, got " + clipValue);
        }
        overwrite(gradients("clipGradValue", params), g -> g.clamp(-clipValue, clipValue));
    }

    /** The gradient of each distinct parameter that has one, after checking that each can be overwritten. */
    private static List<Tensor> gradients(String op, List<Tensor> params) {
        Objects.requireNonNull(params, op + ": params are null");
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<double[]> values = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < params.size(); i++) {
            Tensor p = Objects.requireNonNull(params.get(i), op + ": parameter " + i + " is null");
            values.add(p.storage());
        }
        List<Tensor> grads = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            Tensor g = p.grad();
            if (g == null || !seen.add(p)) {
                continue;
            }
            if (!g.isLeaf()) {
                throw new IllegalStateException(op + ": the gradient of parameter " + i + " was recorded in a graph"
                        + " (backward with createGraph=true) and cannot be overwritten in place");
            }
            if (values.contains(g.storage())) {
                throw new IllegalStateException(op + ": the gradient of parameter " + i
                        + " shares its storage with a parameter's values; clipping it would change that parameter");
            }
            grads.add(g);
        }
        return grads;
    }

    /** Computes {@code clip(g)} for every distinct gradient array, then writes them all. */
    private static void overwrite(List<Tensor> grads, UnaryOperator<Tensor> clip) {
        Set<double[]> arrays = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Tensor> writeTo = new ArrayList<>();
        List<Tensor> clipped = new ArrayList<>();
        try (var recordingOff = Grad.disabled()) {
            for (Tensor g : grads) {
                if (arrays.add(g.storage())) {
                    writeTo.add(g);
                    clipped.add(clip.apply(g));
                }
            }
        }
        for (int k = 0; k < writeTo.size(); k++) {
            writeTo.get(k).copyFrom(clipped.get(k));
        }
    }
}
