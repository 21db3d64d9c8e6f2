package io.github.autograd4j.kernel;

/**
 * Elementwise loops that JDK 17's C2 leaves scalar, run on the Vector API when the JVM has it
 * ({@link VectorElementLoops}): widening {@code float}s to {@code double}s and rounding back
 * (0.32 ns an element in a plain loop here, 0.12 and 0.10-0.16 on vectors; JDK 25's C2 vectorises
 * the plain loops too), used by the storage of float32 tensors and the optimisers' fused loops;
 * and the 0/1 mask of {@code x > 0} of relu's derivative (a compare and a branch per element, 0.9
 * ns and more with unpredictable signs; 0.1-0.2 on vectors).
 */
public final class ElementLoops {

    /** The Vector API's loops, or null for the plain ones. */
    private static final Loops VECTOR = vectorLoops();

    private ElementLoops() {
    }

    /** {@code out[outAt + i] = in[inAt + i]} for {@code i < length}. */
    public static void widen(float[] in, int inAt, double[] out, int outAt, int length) {
        if (VECTOR != null) {
            VECTOR.widen(in, inAt, out, outAt, length);
            return;
        }
        for (int i = 0; i < length; i++) {
            out[outAt + i] = in[inAt + i];
        }
    }

    /** {@code out[outAt + i] = (float) in[inAt + i]} for {@code i < length}. */
    public static void narrow(double[] in, int inAt, float[] out, int outAt, int length) {
        if (VECTOR != null) {
            VECTOR.narrow(in, inAt, out, outAt, length);
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

    /** {@code out[i] = in[i] > 0 ? 1 : 0} (so 0 for NaN) over all of {@code in}. */
    public static void positive(double[] in, double[] out) {
        if (VECTOR != null) {
            VECTOR.positive(in, out);
            return;
        }
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i] > 0.0 ? 1.0 : 0.0;
        }
    }

    /** {@code out[i] = in[i] > 0 ? 1 : 0} (so 0 for NaN) over all of {@code in}. */
    public static void positive(float[] in, float[] out) {
        if (VECTOR != null) {
            VECTOR.positive(in, out);
            return;
        }
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i] > 0.0f ? 1.0f : 0.0f;
        }
    }

    private static Loops vectorLoops() {
        if (!Kernels.hasVectorApi()) {
            return null;
        }
        try {
            return new VectorElementLoops();
        } catch (LinkageError e) {
            return null;
        }
    }

    /** The loops as {@link VectorElementLoops} runs them. */
    interface Loops {
        void widen(float[] in, int inAt, double[] out, int outAt, int length);

        void narrow(double[] in, int inAt, float[] out, int outAt, int length);

        void positive(double[] in, double[] out);

        void positive(float[] in, float[] out);
    }
}
