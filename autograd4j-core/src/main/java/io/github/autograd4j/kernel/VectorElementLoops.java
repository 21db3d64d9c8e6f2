package io.github.autograd4j.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ElementLoops} on the Vector API, loaded only when the JVM has the
 * {@code jdk.incubator.vector} module. It uses only the preferred species, as the GEMM kernels do:
 * a vector of another shape (the 128-bit floats that one vector of doubles converts to) would
 * pollute the type profile of {@code FloatVector.intoArray} in the float GEMM kernel, and C2 would
 * stop intrinsifying its stores (measured: the float32 MLP step 1.95 -> 2.92 ms). So each step
 * of a conversion converts the lower half of a full vector ({@code L} lanes, as many as a vector of doubles has) and
 * advances by {@code L}: widening reads a full vector of floats of which it uses half; rounding
 * stores a full vector of floats whose upper half (zeros) the next step or the scalar tail
 * overwrites, which is why the vector loop stops while a full vector still fits in the range.
 */
final class VectorElementLoops implements ElementLoops.Loops {

    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final int L = DOUBLES.length();

    @Override
    public void widen(float[] in, int inAt, double[] out, int outAt, int length) {
        int i = 0;
        for (; i <= length - 2 * L; i += L) {
            ((DoubleVector) FloatVector.fromArray(FLOATS, in, inAt + i).convertShape(VectorOperators.F2D, DOUBLES, 0))
                    .intoArray(out, outAt + i);
        }
        for (; i < length; i++) {
            out[outAt + i] = in[inAt + i];
        }
    }

    @Override
    public void narrow(double[] in, int inAt, float[] out, int outAt, int length) {
        int i = 0;
        for (; i <= length - 2 * L; i += L) {
            ((FloatVector) DoubleVector.fromArray(DOUBLES, in, inAt + i).convertShape(VectorOperators.D2F, FLOATS, 0))
                    .intoArray(out, outAt + i);
        }
        for (; i < length; i++) {
            out[outAt + i] = (float) in[inAt + i];
        }
    }

    @Override
    public void positive(double[] in, double[] out) {
        DoubleVector one = DoubleVector.broadcast(DOUBLES, 1.0);
        DoubleVector zero = DoubleVector.zero(DOUBLES);
        int i = 0;
        for (; i <= in.length - L; i += L) {
            zero.blend(one, DoubleVector.fromArray(DOUBLES, in, i).compare(VectorOperators.GT, 0.0)).intoArray(out, i);
        }
        for (; i < in.length; i++) {
            out[i] = in[i] > 0.0 ? 1.0 : 0.0;
        }
    }

    @Override
    public void positive(float[] in, float[] out) {
        FloatVector one = FloatVector.broadcast(FLOATS, 1.0f);
        FloatVector zero = FloatVector.zero(FLOATS);
        int step = FLOATS.length();
        int i = 0;
        for (; i <= in.length - step; i += step) {
            zero.blend(one, FloatVector.fromArray(FLOATS, in, i).compare(VectorOperators.GT, 0.0f)).intoArray(out, i);
        }
        for (; i < in.length; i++) {
            out[i] = in[i] > 0.0f ? 1.0f : 0.0f;
        }
    }
}
