package io.github.autograd4j.nn.io;

import java.nio.ByteBuffer;

/**
 * How a tensor's elements are stored in a safetensors file, by the format's dtype names: every
 * tensor is {@code double} in memory; {@link #F32} rounds to the nearest {@code float} when
 * writing (halving the file) and widens back when reading. Bytes are little-endian.
 */
public enum DType {
    /** IEEE 754 double precision, 8 bytes: values round-trip exactly. */
    F64(8),
    /** IEEE 754 single precision, 4 bytes: about 7 significant digits; beyond ±3.4e38 becomes infinite. */
    F32(4);

    private final int byteSize;

    DType(int byteSize) {
        this.byteSize = byteSize;
    }

    /**
     * The bytes one element takes.
     *
     * @return 8 for {@link #F64}, 4 for {@link #F32}
     */
    public int byteSize() {
        return byteSize;
    }

    /** Writes {@code v} at the buffer's position (the buffer must be little-endian). */
    void put(ByteBuffer buffer, double v) {
        if (this == F64) {
            buffer.putDouble(v);
        } else {
            buffer.putFloat((float) v);
        }
    }

    /** Reads one element at the buffer's position (the buffer must be little-endian). */
    double get(ByteBuffer buffer) {
        return this == F64 ? buffer.getDouble() : buffer.getFloat();
    }
}
