package io.github.autograd4j.nn.init;

import io.github.autograd4j.Generator;
import io.github.autograd4j.Grad;
import io.github.autograd4j.Tensor;
import java.util.Objects;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * Parameter initialisation, as PyTorch's {@code torch.nn.init}: each method overwrites a leaf in
 * place (with {@link Tensor#copyFrom}, recording nothing) and returns it. Randomness comes only
 * from the {@code Random} passed in, or, in the forms without one, from this thread's default
 * generator {@link Generator#current()} (as PyTorch's {@code nn.init.normal_(t)}), one draw per
 * element in row-major order, so a seed repeats a run exactly.
 *
 * <p>Fans follow PyTorch: for a tensor of shape {@code (out, in, k1, k2, ...)} the receptive field
 * is {@code k1 * k2 * ...} (1 for a matrix), {@code fanIn = in * receptive} and {@code fanOut =
 * out * receptive}.
 *
 * <ul>
 * <li>{@code xavierUniform}: {@code U(-b, b)}, {@code b = gain * sqrt(6 / (fanIn + fanOut))};
 *     {@code xavierNormal}: {@code N(0, std^2)}, {@code std = gain * sqrt(2 / (fanIn + fanOut))}.</li>
 * <li>{@code kaimingNormal}: {@code N(0, std^2)}, {@code std = gain / sqrt(fan)} with the leaky-relu
 *     gain {@code sqrt(2 / (1 + a^2))} (so {@code sqrt 2}, relu's gain, for the default {@code a = 0});
 *     {@code kaimingUniform}: {@code U(-b, b)}, {@code b = sqrt 3 * std}, the same variance.</li>
 * </ul>
 *
 * <p>Bad arguments throw before the tensor or the {@code Random} is touched.
 */
public final class Init {

    private Init() {
    }

    /**
     * Fills {@code t} from {@code U(a, b)}.
     *
     * @param t   the leaf to fill
     * @param a   the lower bound, finite
     * @param b   the upper bound, finite, at least {@code a}
     * @param rng the source of the values, one draw per element in row-major order
     * @return {@code t}, filled
     */
    public static Tensor uniform(Tensor t, double a, double b, Random rng) {
        if (!(a <= b) || !Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("Init.uniform: bounds must be finite with a <= b, got a = " + a + ", b = " + b);
        }
        return fill("uniform", t, rng, () -> a + (b - a) * rng.nextDouble());
    }

    /**
     * Fills {@code t} from {@code N(mean, std^2)}.
     *
     * @param t    the leaf to fill
     * @param mean the mean, finite
     * @param std  the standard deviation, finite and 0 or more
     * @param rng  the source of the values, one draw per element in row-major order
     * @return {@code t}, filled
     */
    public static Tensor normal(Tensor t, double mean, double std, Random rng) {
        if (!(std >= 0.0) || !Double.isFinite(std) || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("Init.normal: mean must be finite and std finite and >= 0, got mean = "
                    + mean + ", std = " + std);
        }
        return fill("normal", t, rng, () -> mean + std * rng.nextGaussian());
    }

    /**
     * Xavier (Glorot) uniform with gain 1.
     *
     * @param t   the leaf to fill, of at least 2 dims (its fans set the scale)
     * @param rng the source of the values, one draw per element in row-major order
     * @return {@code t}, filled
     */
    public static Tensor xavierUniform(Tensor t, Random rng) {
        return xavierUniform(t, 1.0, rng);
    }

    /**
     * Xavier (Glorot) uniform: {@code U(-b, b)}, {@code b = gain * sqrt(6 / (fanIn + fanOut))}.
     *
     * @param t    the leaf to fill, of at least 2 dims (its fans set the scale)
     * @param gain the factor of the standard deviation, as {@code nn.init.calculate_gain} gives
     * @param rng  the source of the values, one draw per element in row-major order
     * @return {@code t}, filled
     */
    public static Tensor xavierUniform(Tensor t, double gain, Random rng) {
        double bound = Math.sqrt(3.0) * xavierStd("xavierUniform", t, gain);
        return fill("xavierUniform", t, rng, () -> bound * (2.0 * rng.nextDouble() - 1.0));
    }

    /**
     * Xavier (Glorot) normal with gain 1.
     *
     * @param t   the leaf to fill, of at least 2 dims (its fans set the scale)
     * @param rng the source of the values, one draw per element in row-major order
     * @return {@code t}, filled
     */
    public static Tensor xavierNormal(Tensor t, Random rng) {
        return xavierNormal(t, 1.0, rng);
    }

    /**
     * Xavier (Glorot) normal: {@code N(0, std^2)}, {@code std = gain * sqrt(2 / (fanIn + fanOut))}.
     *
     * @param t    the leaf to fill, of at least 2 dims (its fans set the scale)
     * @param gain the factor of the standard deviation, as {@code nn.init.calculate_gain} gives
     * @param rng  the source of the values, one draw per element in row-major order
     * @return {@code t}, filled
     */
    public static Tensor xavierNormal(Tensor t, double gain, Random rng) {
        double std = xavierStd("xavierNormal", t, gain);
        return fill("xavierNormal", t, rng, () -> std * rng.nextGaussian());
    }

    /**
     * Kaiming (He) uniform for relu: {@code a = 0}, fan in, so {@code b = sqrt(6 / fanIn)}.
     *
     * @param t   the leaf to fill, of at least 2 dims (its fans set the scale)
     * @param rng the source of the values, one draw per element in row-major order
     * @return {@code t}, filled
     */
    public static Tensor kaimingUniform(Tensor t, Random rng) {
        return kaimingUniform(t, 0.0, FanMode.FAN_IN, rng);
    }

    /**
     * Kaiming (He) uniform for a leaky relu of negative slope {@code a}, fan in.
     *
     * @param t   the leaf to fill, of at least 2 dims (its fans set the scale)
     * @param a   the negative slope of the leaky relu that follows (0 for relu)
     * @param rng the source of the values, one draw per element in row-major order
     * @return {@code t}, filled
     */
    public static Tensor kaimingUniform(Tensor t, double a, Random rng) {
        return kaimingUniform(t, a, FanMode.FAN_IN, rng);
    }

    /**
     * Kaiming (He) uniform: {@code U(-b, b)}, {@code b = sqrt(2 / (1 + a^2)) * sqrt(3 / fan)}.
     *
     * @param t    the leaf to fill, of at least 2 dims (its fans set the scale)
     * @param a    the negative slope of the leaky relu that follows (0 for relu)
     * @param mode whether the fan in or the fan out sets the scale
     * @param rng  the source of the values, one draw per element in row-major order
     * @return {@code t}, filled
     */
    public static Tensor kaimingUniform(Tensor t, double a, FanMode mode, Random rng) {
        double bound = Math.sqrt(3.0) * kaimingStd("kaimingUniform", t, a, mode);
        return fill("kaimingUniform", t, rng, () -> bound * (2.0 * rng.nextDouble() - 1.0));
    }

    /**
     * Kaiming (He) normal for relu: {@code a = 0}, fan in, so {@code std = sqrt(2 / fanIn)}.
     *
     * @param t   the leaf to fill, of at least 2 dims (its fans set the scale)
     * @param rng the source of the values, one draw per element in row-major order
     * @return {@code t}, filled
     */
    public static Tensor kaimingNormal(Tensor t, Random rng) {
        return kaimingNormal(t, 0.0, FanMode.FAN_IN, rng);
    }

    /**
     * Kaiming (He) normal for a leaky relu of negative slope {@code a}, fan in.
     *
     * @param t   the leaf to fill, of at least 2 dims (its fans set the scale)
     * @param a   the negative slope of the leaky relu that follows (0 for relu)
     * @param rng the source of the values, one draw per element in row-major order
     * @return {@code t}, filled
     */
    public static Tensor kaimingNormal(Tensor t, double a, Random rng) {
        return kaimingNormal(t, a, FanMode.FAN_IN, rng);
    }

    /**
     * Kaiming (He) normal: {@code N(0, std^2)}, {@code std = sqrt(2 / (1 + a^2)) / sqrt(fan)}.
     *
     * @param t    the leaf to fill, of at least 2 dims (its fans set the scale)
     * @param a    the negative slope of the leaky relu that follows (0 for relu)
     * @param mode whether the fan in or the fan out sets the scale
     * @param rng  the source of the values, one draw per element in row-major order
     * @return {@code t}, filled
     */
    public static Tensor kaimingNormal(Tensor t, double a, FanMode mode, Random rng) {
        double std = kaimingStd("kaimingNormal", t, a, mode);
        return fill("kaimingNormal", t, rng, () -> std * rng.nextGaussian());
    }

    // ------------------------------------------------------------------ the same, from the default generator

    /**
     * Fills {@code t} from {@code U(a, b)}, drawn from {@link Generator#current()}.
     *
     * @param t the leaf to fill
     * @param a the lower bound
     * @param b the upper bound
     * @return {@code t}
     */
    public static Tensor uniform(Tensor t, double a, double b) {
        return uniform(t, a, b, Generator.current());
    }

    /**
     * Fills {@code t} from {@code N(mean, std^2)}, drawn from {@link Generator#current()}.
     *
     * @param t the leaf to fill
     * @param mean the mean
     * @param std the standard deviation
     * @return {@code t}
     */
    public static Tensor normal(Tensor t, double mean, double std) {
        return normal(t, mean, std, Generator.current());
    }

    /**
     * Xavier (Glorot) uniform with gain 1, drawn from {@link Generator#current()}.
     *
     * @param t the leaf to fill
     * @return {@code t}
     */
    public static Tensor xavierUniform(Tensor t) {
        return xavierUniform(t, Generator.current());
    }

    /**
     * Xavier (Glorot) uniform, drawn from {@link Generator#current()}.
     *
     * @param t the leaf to fill
     * @param gain the gain
     * @return {@code t}
     */
    public static Tensor xavierUniform(Tensor t, double gain) {
        return xavierUniform(t, gain, Generator.current());
    }

    /**
     * Xavier (Glorot) normal with gain 1, drawn from {@link Generator#current()}.
     *
     * @param t the leaf to fill
     * @return {@code t}
     */
    public static Tensor xavierNormal(Tensor t) {
        return xavierNormal(t, Generator.current());
    }

    /**
     * Xavier (Glorot) normal, drawn from {@link Generator#current()}.
     *
     * @param t the leaf to fill
     * @param gain the gain
     * @return {@code t}
     */
    public static Tensor xavierNormal(Tensor t, double gain) {
        return xavierNormal(t, gain, Generator.current());
    }

    /**
     * Kaiming (He) uniform for relu, drawn from {@link Generator#current()}.
     *
     * @param t the leaf to fill
     * @return {@code t}
     */
    public static Tensor kaimingUniform(Tensor t) {
        return kaimingUniform(t, Generator.current());
    }

    /**
     * Kaiming (He) uniform for a leaky relu of negative slope {@code a}, fan in, drawn from {@link Generator#current()}.
     *
     * @param t the leaf to fill
     * @param a the negative slope of the leaky relu that follows
     * @return {@code t}
     */
    public static Tensor kaimingUniform(Tensor t, double a) {
        return kaimingUniform(t, a, Generator.current());
    }

    /**
     * Kaiming (He) uniform, drawn from {@link Generator#current()}.
     *
     * @param t the leaf to fill
     * @param a the negative slope of the leaky relu that follows
     * @param mode whether the fan in or the fan out sets the scale
     * @return {@code t}
     */
    public static Tensor kaimingUniform(Tensor t, double a, FanMode mode) {
        return kaimingUniform(t, a, mode, Generator.current());
    }

    /**
     * Kaiming (He) normal for relu, drawn from {@link Generator#current()}.
     *
     * @param t the leaf to fill
     * @return {@code t}
     */
    public static Tensor kaimingNormal(Tensor t) {
        return kaimingNormal(t, Generator.current());
    }

    /**
     * Kaiming (He) normal for a leaky relu of negative slope {@code a}, fan in, drawn from {@link Generator#current()}.
     *
     * @param t the leaf to fill
     * @param a the negative slope of the leaky relu that follows
     * @return {@code t}
     */
    public static Tensor kaimingNormal(Tensor t, double a) {
        return kaimingNormal(t, a, Generator.current());
    }

    /**
     * Kaiming (He) normal, drawn from {@link Generator#current()}.
     *
     * @param t the leaf to fill
     * @param a the negative slope of the leaky relu that follows
     * @param mode whether the fan in or the fan out sets the scale
     * @return {@code t}
     */
    public static Tensor kaimingNormal(Tensor t, double a, FanMode mode) {
        return kaimingNormal(t, a, mode, Generator.current());
    }

    /**
     * Fills {@code t} with zeros.
     *
     * @param t the leaf to fill
     * @return {@code t}, filled
     */
    public static Tensor zeros(Tensor t) {
        return constant(t, 0.0);
    }

    /**
     * Fills {@code t} with ones.
     *
     * @param t the leaf to fill
     * @return {@code t}, filled
     */
    public static Tensor ones(Tensor t) {
        return constant(t, 1.0);
    }

    /**
     * Fills {@code t} with {@code value}.
     *
     * @param t     the leaf to fill
     * @param value the value of every element
     * @return {@code t}, filled
     */
    public static Tensor constant(Tensor t, double value) {
        return fill("constant", t, () -> value);
    }

    /**
     * {@code size(1) * receptive field}: the number of inputs each output of a layer with this
     * weight sums over.
     *
     * @param t a weight of shape {@code (out, in, k1, k2, ...)}
     * @return {@code in * k1 * k2 * ...}
     * @throws IllegalArgumentException for a tensor of fewer than 2 dims
     */
    public static int fanIn(Tensor t) {
        return fans("fanIn", t)[0];
    }

    /**
     * {@code size(0) * receptive field}: the number of outputs each input of a layer with this
     * weight feeds.
     *
     * @param t a weight of shape {@code (out, in, k1, k2, ...)}
     * @return {@code out * k1 * k2 * ...}
     * @throws IllegalArgumentException for a tensor of fewer than 2 dims
     */
    public static int fanOut(Tensor t) {
        return fans("fanOut", t)[1];
    }

    private static int[] fans(String op, Tensor t) {
        Objects.requireNonNull(t, "Init." + op + ": tensor is null");
        if (t.dim() < 2) {
            throw new IllegalArgumentException("Init." + op + ": fan in and fan out need a tensor of at least 2 dims, got shape "
                    + t.shape());
        }
        int receptive = 1;
        for (int d = 2; d < t.dim(); d++) {
            receptive *= t.size(d);
        }
        return new int[] {t.size(1) * receptive, t.size(0) * receptive};
    }

    private static double xavierStd(String op, Tensor t, double gain) {
        checkGain(op, gain);
        int[] fans = fans(op, t);
        return gain * Math.sqrt(2.0 / (fans[0] + fans[1]));
    }

    private static double kaimingStd(String op, Tensor t, double a, FanMode mode) {
        if (!Double.isFinite(a)) {
            throw new IllegalArgumentException("Init." + op + ": negative slope a must be finite, got " + a);
        }
        Objects.requireNonNull(mode, "Init." + op + ": mode is null");
        int[] fans = fans(op, t);
        int fan = mode == FanMode.FAN_IN ? fans[0] : fans[1];
        return Math.sqrt(2.0 / (1.0 + a * a)) / Math.sqrt(fan);
    }

    private static void checkGain(String op, double gain) {
        if (!(gain >= 0.0) || !Double.isFinite(gain)) {
            throw new IllegalArgumentException("Init." + op + ": gain must be finite and >= 0, got " + gain);
        }
    }

    /** {@link #fill} with draws from {@code rng} (which {@code next} uses). */
    private static Tensor fill(String op, Tensor t, Random rng, DoubleSupplier next) {
        Objects.requireNonNull(rng, "Init." + op + ": rng is null");
        return fill(op, t, next);
    }

    /** Overwrites the leaf {@code t} with {@code numel} values of {@code next}, row-major, recording nothing. */
    @SuppressWarnings("try")
    private static Tensor fill(String op, Tensor t, DoubleSupplier next) {
        Objects.requireNonNull(t, "Init." + op + ": tensor is null");
        if (!t.isLeaf()) {
            throw new IllegalArgumentException("Init." + op + ": expected a leaf, got a tensor of shape " + t.shape()
                    + " made by " + t.opName());
        }
        double[] values = new double[t.numel()];
        for (int i = 0; i < values.length; i++) {
            values[i] = next.getAsDouble();
        }
        try (var s = Grad.disabled()) {
            t.copyFrom(Tensor.of(values, t.shape().toArray()));
        }
        return t;
    }
}
