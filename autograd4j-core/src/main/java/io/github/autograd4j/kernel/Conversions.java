package io.github.autograd4j.kernel;

/**
 * Widening {@code float}s to {@code double}s and rounding back, over ranges of arrays: the one
 * place for the copies between the two element types, used by the storage of float32 tensors and
 * by the optimisers' fused loops. JDK 17's C2 does not vectorise these loops (0.32 ns an element
 * here; JDK 25 does, 0.09-0.13), so they run on the Vector API when the JVM has it
 * ({@link VectorConversions}: 0.12 widening, 0.10-0.16 rounding).
 */
public final class Conversions {

    /** The Vector API's conversions, or null for the plain loops. */
    private static final Converter CONVERTER = vectorConverter();

    private Conversions() {
    }

    /** {@code out[outAt + i] = in[inAt + i]} for {@code i < length}. */
    public static void widen(float[] in, int inAt, double[] out, int outAt, int length) {
        if (CONVERTER != null) {
            CONVERTER.widen(in, inAt, out, outAt, length);
            return;
        }
        for (int i = 0; i < length; i++) {
            out[outAt + i] = in[inAt + i];
        }
    }

    /** {@code out[outAt + i] = (float) in[inAt + i]} for {@code i < length}. */
    public static void narrow(double[] in, int inAt, float[] out, int outAt, int length) {
        if (CONVERTER != null) {
            CONVERTER.narrow(in, inAt, out, outAt, length);
            return;
        }
        for (int i = 0; i < length; i++) {
            out[outAt + i] = (float) in[inAt + i];
        }
    }

    /** All of {@code in}, widened into a new array. */
    public static double[] widened(float[] in) {
        double[] out = new double[in.length];
        widen(in, 0, out, 0, in.length);
        return out;
    }

    /** All of {@code in}, rounded into a new array. */
    public static float[] narrowed(double[] in) {
        float[] out = new float[in.length];
        narrow(in, 0, out, 0, in.length);
        return out;
    }

    private static Converter vectorConverter() {
        if (!Kernels.hasVectorApi()) {
            return null;
        }
        try {
            return new VectorConversions();
        } catch (LinkageError e) {
            return null;
        }
    }

    /** The two conversions, as {@link VectorConversions} does them. */
    interface Converter {
        void widen(float[] in, int inAt, double[] out, int outAt, int length);

        void narrow(double[] in, int inAt, float[] out, int outAt, int length);
    }
}
