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
 * <p>Each clipped gradient is a new tensor set with {@link Tensor#setGrad}; every clipped value
 * is computed before any is set, so an exception changes nothing.
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
     * @param params  the parameters whose gradients are clipped; those without one are skipped
     * @param maxNorm the largest total norm let through, 0 or more
     * @return the total norm before clipping (0 when no parameter has a gradient)
     * @throws IllegalArgumentException when {@code maxNorm} is negative or NaN
     */
    public static double clipGradNorm(List<Tensor> params, double maxNorm) {
        return clipGradNorm(params, maxNorm, false);
    }

    /**
     * {@link #clipGradNorm(List, double)}, or, with {@code errorIfNonfinite}, an exception when the
     * total norm is NaN or infinite, thrown before any gradient changes (PyTorch's
     * {@code error_if_nonfinite=True}).
     *
     * @param params           the parameters whose gradients are clipped; those without one are
     *                         skipped
     * @param maxNorm          the largest total norm let through, 0 or more
     * @param errorIfNonfinite throw rather than clip when the total norm is NaN or infinite
     * @return the total norm before clipping (0 when no parameter has a gradient)
     * @throws ArithmeticException when {@code errorIfNonfinite} and the norm is not finite
     */
    public static double clipGradNorm(List<Tensor> params, double maxNorm, boolean errorIfNonfinite) {
        if (!(maxNorm >= 0)) {
            throw new IllegalArgumentException("clipGradNorm: maxNorm must be >= 0, got " + maxNorm);
        }
        List<Tensor> withGrad = withGradients("clipGradNorm", params);
        if (withGrad.isEmpty()) {
            return 0.0;
        }
        double total;
        try (var recordingOff = Grad.disabled()) {
            double sumOfSquares = 0;
            for (Tensor p : withGrad) {
                double norm = p.grad().norm().item();
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
            replace(withGrad, g -> g.mul(scale));
        }
        return total;
    }

    /**
     * Limits every gradient element of {@code params} to {@code [-clipValue, clipValue]}, as
     * PyTorch's {@code clip_grad_value_}.
     *
     * @param params    the parameters whose gradients are clipped; those without one are skipped
     * @param clipValue the largest magnitude let through, 0 or more
     * @throws IllegalArgumentException when {@code clipValue} is negative or NaN
     */
    public static void clipGradValue(List<Tensor> params, double clipValue) {
        if (!(clipValue >= 0)) {
            throw new IllegalArgumentException("clipGradValue: clipValue must be >= 0, got " + clipValue);
        }
        replace(withGradients("clipGradValue", params), g -> g.clamp(-clipValue, clipValue));
    }

    /** Each distinct parameter that has a gradient. */
    private static List<Tensor> withGradients(String op, List<Tensor> params) {
        Objects.requireNonNull(params, op + ": params are null");
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Tensor> withGrad = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            Tensor p = Objects.requireNonNull(params.get(i), op + ": parameter " + i + " is null");
            if (p.grad() != null && seen.add(p)) {
                withGrad.add(p);
            }
        }
        return withGrad;
    }

    /** Computes {@code clip(grad)} for every parameter, then sets them all. */
    private static void replace(List<Tensor> params, UnaryOperator<Tensor> clip) {
        List<Tensor> clipped = new ArrayList<>(params.size());
        try (var recordingOff = Grad.disabled()) {
            for (Tensor p : params) {
                clipped.add(clip.apply(p.grad()));
            }
        }
        for (int k = 0; k < params.size(); k++) {
            params.get(k).setGrad(clipped.get(k));
        }
    }
}
