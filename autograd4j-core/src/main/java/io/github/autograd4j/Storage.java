package io.github.autograd4j;

import io.github.autograd4j.kernel.ElementLoops;

/**
 * A tensor's elements, {@code double[]} for {@link DType#FLOAT64} or {@code float[]} for
 * {@link DType#FLOAT32} (exactly one is set), and how many times they were changed in place,
 * shared by every tensor over them (a reshape, a detach), as PyTorch's version counter: a
 * backward rule that saved a tensor compares the count it saw with the count at backward time,
 * and refuses to give a wrong gradient when they differ.
 */
final class Storage {

    final double[] doubles;
    final float[] floats;
    private int version;

    private Storage(double[] doubles, float[] floats) {
        this.doubles = doubles;
        this.floats = floats;
    }

    static Storage of(double[] doubles) {
        return new Storage(doubles, null);
    }

    static Storage of(float[] floats) {
        return new Storage(null, floats);
    }

    DType dtype() {
        return floats != null ? DType.FLOAT32 : DType.FLOAT64;
    }

    int length() {
        return floats != null ? floats.length : doubles.length;
    }

    double get(int i) {
        return floats != null ? floats[i] : doubles[i];
    }

    /** The elements as doubles: the array itself for float64, a widened copy for float32. */
    double[] asDoubles() {
        if (doubles != null) {
            return doubles;
        }
        return ElementLoops.widened(floats);
    }

    /** The elements as floats: the array itself for float32, a rounded copy for float64. */
    float[] asFloats() {
        if (floats != null) {
            return floats;
        }
        return ElementLoops.narrowed(doubles);
    }

    /** A copy, of the same type. */
    Storage copy() {
        return floats != null ? of(floats.clone()) : of(doubles.clone());
    }

    /** {@code values} in type {@code dtype}: the array itself (taken, not copied) when it is float64 already. */
    static Storage of(double[] values, DType dtype) {
        return dtype == DType.FLOAT64 ? of(values) : of(ElementLoops.narrowed(values));
    }

    /** This storage's elements in type {@code dtype}: itself when it has that type, else a converted copy. */
    Storage as(DType dtype) {
        return dtype == dtype() ? this : dtype == DType.FLOAT64 ? of(asDoubles()) : of(asFloats());
    }

    /** Overwrites the elements with {@code from}'s (of either type, as long), rounding to this type, and counts the change. */
    void overwrite(Storage from) {
        if (floats != null) {
            if (from.floats != null) {
                System.arraycopy(from.floats, 0, floats, 0, floats.length);
            } else {
                ElementLoops.narrow(from.doubles, 0, floats, 0, floats.length);
            }
        } else if (from.doubles != null) {
            System.arraycopy(from.doubles, 0, doubles, 0, doubles.length);
        } else {
            ElementLoops.widen(from.floats, 0, doubles, 0, doubles.length);
        }
        changed();
    }

    /** Counts a change of the elements made in place. */
    void changed() {
        version++;
    }

    int version() {
        return version;
    }

    /** Whether this storage's array is {@code array} (a double[] or a float[]). */
    boolean holds(Object array) {
        return array == doubles || array == floats;
    }
}
