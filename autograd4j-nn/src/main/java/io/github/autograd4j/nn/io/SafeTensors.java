package io.github.autograd4j.nn.io;

import io.github.autograd4j.DType;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.io.AtomicWrite;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads and writes tensors in the <a href="https://github.com/huggingface/safetensors">safetensors</a>
 * format, which Python's {@code safetensors}, PyTorch and the Hugging Face tools read too:
 *
 * <pre>
 * 8 bytes      N, the header's length: unsigned little-endian
 * N bytes      UTF-8 JSON: {"__metadata__": {"k": "v"}, "name": {"dtype": "F64", "shape": [2, 3], "data_offsets": [0, 48]}, ...}
 *              padded with spaces to a multiple of 8
 * the rest     the tensors' elements, row-major, little-endian, back to back; offsets count from here
 * </pre>
 *
 * <p>Files are written as the reference implementation writes them, byte for byte: compact
 * JSON, {@code __metadata__} first (keys sorted), then the tensors sorted by name (byte-wise
 * UTF-8 order), their data in the same order. Writing replaces the file atomically (as
 * {@link AtomicFile} does): a failure leaves the previous file intact. Reading checks the whole
 * header against the file before reading any data and throws {@link CheckpointFormatException}
 * naming what is wrong. Only {@code F64} and {@code F32} tensors are read. What reading allocates
 * is bounded by what the file holds and checked against the heap first: a header larger than the
 * file or than {@value #MAX_HEADER_BYTES} bytes, or a header or tensors that the free heap cannot
 * take, are refused with a {@link CheckpointFormatException} naming the file instead of an
 * {@code OutOfMemoryError}.
 *
 * <pre>{@code
 * SafeTensors.write(path, Map.of("w", w, "b", b), Map.of("epoch", "3"));
 * SafeTensorsFile file = SafeTensors.read(path);
 * Tensor w2 = file.tensors().get("w");
 * }</pre>
 */
public final class SafeTensors {

    /** The largest header read, as in the reference implementation: larger means a corrupt file. */
    public static final long MAX_HEADER_BYTES = 100_000_000L;

    /**
     * The most heap that parsing one byte of header takes: the bytes, the decoded text and the
     * parsed JSON (objects, lists, strings and numbers, measured at up to 31 bytes per character
     * for a header of nested one-digit arrays, 10 to 15 for a realistic one), with a margin.
     */
    static final int HEAP_PER_HEADER_BYTE = 40;

    private static final int CHUNK_BYTES = 1 << 16;

    private SafeTensors() {
    }

    /**
     * Writes {@code tensors}, each in its own type (F64 for float64, F32 for float32), with no metadata.
     *
     * @param path    the file, replaced atomically
     * @param tensors the tensors by name, written in the map's order
     * @throws IOException when writing fails; the file is then unchanged
     */
    public static void write(Path path, Map<String, Tensor> tensors) throws IOException {
        write(path, tensors, Map.of());
    }

    /**
     * Writes {@code tensors}, each in its own type, and {@code metadata} to {@code path},
     * replacing it atomically: what PyTorch's {@code safetensors.torch.save_file} writes.
     *
     * @param path     the file
     * @param tensors  the tensors by name
     * @param metadata strings stored under {@code __metadata__}; null or empty for none
     * @throws IOException when writing fails; the file is then unchanged
     */
    public static void write(Path path, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        write(path, tensors, metadata, null, AtomicWrite.DURABLE);
    }

    /**
     * Writes {@code tensors} and {@code metadata} to {@code path}, replacing it atomically.
     *
     * @param path     the file, replaced atomically
     * @param tensors  the tensors by name, written in the map's order
     * @param metadata strings stored under {@code __metadata__}; null or empty for none
     * @param dtype    the type every tensor is stored in: float64 exactly, float32 rounded (halving the
     *                 file); read back in that type
     * @throws IllegalArgumentException when a name is {@code __metadata__} (reserved by the format)
     * @throws IOException              when writing fails; the file is then unchanged
     */
    public static void write(Path path, Map<String, Tensor> tensors, Map<String, String> metadata, DType dtype)
            throws IOException {
        write(path, tensors, metadata, Objects.requireNonNull(dtype, "SafeTensors.write: dtype is null"), AtomicWrite.DURABLE);
    }

    /** {@link #write(Path, Map, Map, DType)} (each tensor in its own type when {@code dtype} is null) through {@code sink}: lets tests make writing fail part way. */
    static void write(Path path, Map<String, Tensor> tensors, Map<String, String> metadata, DType dtype,
                      AtomicWrite.Sink sink) throws IOException {
        Objects.requireNonNull(path, "SafeTensors.write: path is null");
        Objects.requireNonNull(tensors, "SafeTensors.write: tensors are null");
        Map<String, String> meta = metadata == null ? Map.of() : metadata;
        tensors.forEach((name, t) -> {
            Objects.requireNonNull(name, "SafeTensors.write: a tensor name is null");
            Objects.requireNonNull(t, "SafeTensors.write: tensor '" + name + "' is null");
            if (name.equals(SafeTensorsHeader.METADATA_KEY)) {
                throw new IllegalArgumentException("SafeTensors.write: the name '" + name
                        + "' is reserved for metadata in the safetensors format");
            }
        });
        meta.forEach((k, v) -> {
            Objects.requireNonNull(k, "SafeTensors.write: a metadata key is null");
            Objects.requireNonNull(v, "SafeTensors.write: metadata value of '" + k + "' is null");
        });
        List<SafeTensorsHeader.Entry> entries = SafeTensorsHeader.layout(tensors, dtype);
        byte[] header = SafeTensorsHeader.encode(entries, meta);
        AtomicWrite.write("SafeTensors.write", path, sink, out -> {
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            buffer.putLong(header.length);
            flush(buffer, out);
            out.write(header);
            for (SafeTensorsHeader.Entry e : entries) {
                FileDType stored = e.dtype();
                Tensor t = tensors.get(e.name()).detach().to(stored.dtype());
                float[] floats = stored == FileDType.F32 ? t.floatStorage() : null;
                double[] doubles = floats == null ? t.storage() : null;
                for (int i = 0, n = t.numel(); i < n; i++) {
                    if (buffer.remaining() < stored.byteSize()) {
                        flush(buffer, out);
                    }
                    if (floats != null) {
                        buffer.putFloat(floats[i]);
                    } else {
                        buffer.putDouble(doubles[i]);
                    }
                }
            }
            flush(buffer, out);
        });
    }

    /**
     * Reads every tensor of a safetensors file, as doubles, with its metadata.
     *
     * @param path the file
     * @return its tensors, new leaves that do not require grad, and its metadata, in the header's
     *         order
     * @throws CheckpointFormatException when the file is truncated, its header is malformed or
     *                                   inconsistent, or a dtype is not F64 or F32
     * @throws IOException               when the file cannot be read
     */
    public static SafeTensorsFile read(Path path) throws IOException {
        Objects.requireNonNull(path, "SafeTensors.read: path is null");
        String source = "safetensors file " + path;
        try (FileChannel channel = open(path)) {
            long size = channel.size();
            if (size < Long.BYTES) {
                throw new CheckpointFormatException(source + ": " + size
                        + " bytes, too short to hold the 8-byte header length");
            }
            long n = readFully(channel, 0, Long.BYTES, source).getLong();
            if (n < 0 || n > MAX_HEADER_BYTES) {
                throw new CheckpointFormatException(source + ": header length " + Long.toUnsignedString(n)
                        + " exceeds the limit of " + MAX_HEADER_BYTES + " bytes; this is not a safetensors file");
            }
            if (n > size - Long.BYTES) {
                throw new CheckpointFormatException(source + ": header length " + n + " exceeds the "
                        + (size - Long.BYTES) + " bytes that follow it; the file is truncated");
            }
            requireHeap(source, "its header of " + n + " bytes", n * HEAP_PER_HEADER_BYTE, freeHeap());
            byte[] header = readFully(channel, Long.BYTES, (int) n, source).array();
            long dataStart = Long.BYTES + n;
            SafeTensorsHeader parsed = SafeTensorsHeader.parse(source, header, size - dataStart);
            header = null; // garbage now, before the tensors are allocated
            long elements = 0;
            long bytes = 0;
            for (SafeTensorsHeader.Entry e : parsed.entries()) {
                elements += e.shape().numel();
                bytes += (long) e.shape().numel() * e.dtype().byteSize();
            }
            requireHeap(source, "its " + elements + " tensor elements", bytes, freeHeap());
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (SafeTensorsHeader.Entry e : parsed.entries()) {
                tensors.put(e.name(), readTensor(channel, dataStart, e, source));
            }
            return new SafeTensorsFile(tensors, parsed.metadata());
        }
    }

    /** Opens {@code path} for reading, or says in the JDK's exception type what is there instead of a file. */
    private static FileChannel open(Path path) throws IOException {
        String expected = " (SafeTensors.read expected a safetensors file)";
        if (Files.isDirectory(path)) {
            throw new FileSystemException(path.toString(), null, "is a directory" + expected);
        }
        try {
            return FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path.toString(), null, "no such file" + expected);
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(path.toString(), null, "permission denied" + expected);
        }
    }

    /** The heap not in use now: what the JVM may still allocate before collecting garbage or failing. */
    private static long freeHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    }

    /**
     * Refuses to read {@code what} of {@code source} when it needs more than {@code free} bytes of heap.
     *
     * @throws CheckpointFormatException naming the file, the need and the heap
     */
    static void requireHeap(String source, String what, long needed, long free) throws CheckpointFormatException {
        if (needed > free) {
            throw new CheckpointFormatException(source + ": reading " + what + " needs up to " + megabytes(needed) + " MB of heap,"
                    + " but only " + megabytes(free) + " MB are free; give the JVM more memory (-Xmx) if the file is genuine");
        }
    }

    private static String megabytes(long bytes) {
        return Long.toString((bytes + (1 << 20) - 1) >> 20);
    }

    private static Tensor readTensor(FileChannel channel, long dataStart, SafeTensorsHeader.Entry e, String source)
            throws IOException {
        Tensor t = Tensor.zeros(e.dtype().dtype(), e.shape().toArray());
        int length = t.numel();
        int perChunk = CHUNK_BYTES / e.dtype().byteSize();
        for (int from = 0; from < length; from += perChunk) {
            int count = Math.min(perChunk, length - from);
            ByteBuffer bytes = readFully(channel, dataStart + e.begin() + (long) from * e.dtype().byteSize(),
                    count * e.dtype().byteSize(), source);
            if (e.dtype() == FileDType.F32) {
                bytes.asFloatBuffer().get(t.floatStorage(), from, count);
            } else {
                bytes.asDoubleBuffer().get(t.storage(), from, count);
            }
        }
        return t;
    }

    /** {@code length} bytes from {@code position}, little-endian, ready to read. */
    private static ByteBuffer readFully(FileChannel channel, long position, int length, String source) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new CheckpointFormatException(source + ": the file ended at byte " + (position + buffer.position())
                        + " while " + length + " bytes from byte " + position + " were expected; it was truncated while being read");
            }
        }
        return buffer.flip();
    }

    private static void flush(ByteBuffer buffer, OutputStream out) throws IOException {
        out.write(buffer.array(), 0, buffer.position());
        buffer.clear();
    }
}
