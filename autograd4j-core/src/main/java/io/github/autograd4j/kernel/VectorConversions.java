package io.github.autograd4j.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Conversions} on the Vector API, loaded only when the JVM has the
 * {@code jdk.incubator.vector} module. It uses only the preferred species, as the GEMM kernels do:
 * a vector of another shape (the 128-bit floats that one vector of doubles converts to) would
 * pollute the type profile of {@code FloatVector.intoArray} in the float GEMM kernel, and C2 would
 * stop intrinsifying its stores (measured: the float32 MLP step 1.95 -> 2.92 ms). So each step
 * converts the lower half of a full vector ({@code L} lanes, as many as a vector of doubles has) and
 * advances by {@code L}: widening reads a full vector of floats of which it uses half; rounding
 * stores a full vector of floats whose upper half (zeros) the next step or the scalar tail
 * overwrites, which is why the vector loop stops while a full vector still fits in the range.
 */
final class VectorConversions implements Conversions.Converter {

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
}
