package io.github.autograd4j.nn.io;

import io.github.autograd4j.DType;
import java.nio.ByteBuffer;

/**
 * How a tensor's elements are stored in a safetensors file, by the format's dtype names, and the
 * tensor type each is read into: {@code F64} for {@link DType#FLOAT64}, {@code F32} for
 * {@link DType#FLOAT32}. Bytes are little-endian.
 */
enum FileDType {
    /** IEEE 754 double precision, 8 bytes. */
    F64(DType.FLOAT64),
    /** IEEE 754 single precision, 4 bytes. */
    F32(DType.FLOAT32);

    private final DType dtype;

    FileDType(DType dtype) {
        this.dtype = dtype;
    }

    /** The file's name for tensors of type {@code dtype}. */
    static FileDType of(DType dtype) {
        return dtype == DType.FLOAT32 ? F32 : F64;
    }

    /** The tensor type these elements are read into. */
    DType dtype() {
        return dtype;
    }

    /** The bytes one element takes. */
    int byteSize() {
        return dtype.byteSize();
    }
}
