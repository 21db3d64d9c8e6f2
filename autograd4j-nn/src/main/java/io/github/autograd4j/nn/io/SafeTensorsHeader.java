package io.github.autograd4j.nn.io;

import io.github.autograd4j.DType;
import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The JSON header of a safetensors file: where each tensor's bytes lie in the data buffer, and
 * the optional {@code __metadata__} strings. {@link #layout} and {@link #encode} build it for
 * writing; {@link #parse} reads one and checks everything a reader relies on, as the reference
 * implementation does: dtypes, shapes, that each tensor's byte count matches its shape, and that
 * the tensors, ordered by offset, cover the buffer exactly, without gaps or overlaps.
 */
final class SafeTensorsHeader {

    static final String METADATA_KEY = "__metadata__";

    /** Byte-wise order of the UTF-8 encodings, as Rust sorts strings: the order names are written in. */
    static final Comparator<String> UTF8_ORDER = (a, b) ->
            Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private static final Set<String> ENTRY_KEYS = Set.of("dtype", "shape", "data_offsets");

    /** One tensor's entry: its bytes are {@code [begin, end)} of the data buffer. */
    record Entry(String name, FileDType dtype, Shape shape, long begin, long end) {
    }

    private final List<Entry> entries;
    private final Map<String, String> metadata;

    private SafeTensorsHeader(List<Entry> entries, Map<String, String> metadata) {
        this.entries = entries;
        this.metadata = metadata;
    }

    /** The tensors' entries, in header order. */
    List<Entry> entries() {
        return entries;
    }

    /** The {@code __metadata__} strings, in header order (empty when there are none). */
    Map<String, String> metadata() {
        return metadata;
    }

    /**
     * Entries for {@code tensors} stored as {@code dtype}, or each in its own type when it is null:
     * names in {@link #UTF8_ORDER}, data back to back from 0.
     */
    static List<Entry> layout(Map<String, Tensor> tensors, DType dtype) {
        Map<String, Tensor> sorted = new TreeMap<>(UTF8_ORDER);
        sorted.putAll(tensors);
        List<Entry> entries = new ArrayList<>(sorted.size());
        long offset = 0;
        for (Map.Entry<String, Tensor> e : sorted.entrySet()) {
            FileDType stored = FileDType.of(dtype != null ? dtype : e.getValue().dtype());
            long end = offset + (long) e.getValue().numel() * stored.byteSize();
            entries.add(new Entry(e.getKey(), stored, e.getValue().shape(), offset, end));
            offset = end;
        }
        return entries;
    }

    /**
     * The header's bytes as the reference implementation writes them: compact JSON,
     * {@code __metadata__} first (keys in {@link #UTF8_ORDER}, left out when empty), then the
     * tensors in the order given, each as {@code {"dtype":..,"shape":[..],"data_offsets":[b,e]}};
     * padded with spaces to a multiple of 8 bytes.
     */
    static byte[] encode(List<Entry> entries, Map<String, String> metadata) {
        StringBuilder json = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            Map<String, String> sorted = new TreeMap<>(UTF8_ORDER);
            sorted.putAll(metadata);
            Json.appendString(json, METADATA_KEY);
            json.append(":{");
            for (Map.Entry<String, String> m : sorted.entrySet()) {
                Json.appendString(json, m.getKey());
                json.append(':');
                Json.appendString(json, m.getValue());
                json.append(',');
            }
            json.setCharAt(json.length() - 1, '}');
            json.append(',');
        }
        for (Entry e : entries) {
            Json.appendString(json, e.name());
            json.append(":{\"dtype\":\"").append(e.dtype().name()).append("\",\"shape\":[");
            int[] dims = e.shape().toArray();
            for (int d = 0; d < dims.length; d++) {
                json.append(d == 0 ? "" : ",").append(dims[d]);
            }
            json.append("],\"data_offsets\":[").append(e.begin()).append(',').append(e.end()).append("]},");
        }
        if (json.length() > 1) {
            json.setLength(json.length() - 1);
        }
        json.append('}');
        byte[] text = json.toString().getBytes(StandardCharsets.UTF_8);
        byte[] padded = Arrays.copyOf(text, (text.length + 7) / 8 * 8);
        Arrays.fill(padded, text.length, padded.length, (byte) ' ');
        return padded;
    }

    /**
     * Reads and checks a header.
     *
     * @param source       names the file in messages
     * @param header       the header's bytes
     * @param bufferLength the number of bytes after the header: the data buffer's length
     * @throws CheckpointFormatException naming the tensor and the numbers that do not fit
     */
    static SafeTensorsHeader parse(String source, byte[] header, long bufferLength) throws CheckpointFormatException {
        requireUtf8(source, header);
        if (!(Json.parse(new String(header, StandardCharsets.UTF_8), source) instanceof Map<?, ?> root)) {
            throw new CheckpointFormatException(source + ": the header must be a JSON object {...}");
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, String> metadata = Map.of();
        for (Map.Entry<?, ?> e : root.entrySet()) {
            String name = (String) e.getKey();
            if (name.equals(METADATA_KEY)) {
                metadata = metadata(source, e.getValue());
            } else {
                entries.add(entry(source, name, e.getValue(), bufferLength));
            }
        }
        checkCoverage(source, entries, bufferLength);
        return new SafeTensorsHeader(List.copyOf(entries), metadata);
    }

    /**
     * Checks that {@code header} is valid UTF-8, decoding it through a small buffer: decoding all
     * of it at once would take twice its size in chars besides the string made afterwards.
     */
    private static void requireUtf8(String source, byte[] header) throws CheckpointFormatException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(header);
        CharBuffer out = CharBuffer.allocate(4096);
        CoderResult result;
        do {
            out.clear();
            result = decoder.decode(in, out, true);
        } while (result.isOverflow());
        if (result.isError()) {
            throw new CheckpointFormatException(source + ": the header is not valid UTF-8");
        }
    }

    private static Map<String, String> metadata(String source, Object value) throws CheckpointFormatException {
        if (!(value instanceof Map<?, ?> map)) {
            throw new CheckpointFormatException(source + ": " + METADATA_KEY + " must be an object of strings");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<?, ?> m : map.entrySet()) {
            if (!(m.getValue() instanceof String s)) {
                throw new CheckpointFormatException(source + ": " + METADATA_KEY + " value of '" + m.getKey()
                        + "' must be a string");
            }
            metadata.put((String) m.getKey(), s);
        }
        return metadata;
    }

    private static Entry entry(String source, String name, Object value, long bufferLength) throws CheckpointFormatException {
        String where = source + ": tensor '" + name + "': ";
        if (!(value instanceof Map<?, ?> fields)) {
            throw new CheckpointFormatException(where + "expected an object with dtype, shape and data_offsets");
        }
        if (!fields.keySet().equals(ENTRY_KEYS)) {
            throw new CheckpointFormatException(where + "expected the fields dtype, shape and data_offsets, got "
                    + fields.keySet());
        }
        FileDType dtype = dtype(where, fields.get("dtype"));
        List<?> dims = list(where, "shape", fields.get("shape"));
        int[] shape = new int[dims.size()];
        long numel = 1;
        for (int d = 0; d < shape.length; d++) {
            long size = whole(where, "shape", dims.get(d));
            numel *= size;
            if (size > Integer.MAX_VALUE || numel > Integer.MAX_VALUE) {
                throw new CheckpointFormatException(where + "shape " + dims + " has more than 2^31-1 elements");
            }
            shape[d] = (int) size;
        }
        List<?> offsets = list(where, "data_offsets", fields.get("data_offsets"));
        if (offsets.size() != 2) {
            throw new CheckpointFormatException(where + "data_offsets must be [begin, end], got " + offsets);
        }
        long begin = whole(where, "data_offsets", offsets.get(0));
        long end = whole(where, "data_offsets", offsets.get(1));
        if (end < begin) {
            throw new CheckpointFormatException(where + "data_offsets [" + begin + ", " + end + "] end before they begin");
        }
        Shape s = Shape.of(shape);
        long bytes = numel * dtype.byteSize();
        if (end - begin != bytes) {
            throw new CheckpointFormatException(where + "shape " + s + " of " + dtype + " takes " + bytes
                    + " bytes but data_offsets [" + begin + ", " + end + "] span " + (end - begin));
        }
        if (end > bufferLength) {
            throw new CheckpointFormatException(where + "data_offsets [" + begin + ", " + end + "] reach past the "
                    + bufferLength + " bytes of data after the header; the file is truncated");
        }
        return new Entry(name, dtype, s, begin, end);
    }

    /** Ordered by offset, the tensors must tile {@code [0, bufferLength)}: no gap, no overlap, nothing after. */
    private static void checkCoverage(String source, List<Entry> entries, long bufferLength) throws CheckpointFormatException {
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long covered = 0;
        String previous = null;
        for (Entry e : byOffset) {
            if (e.begin() < covered) {
                throw new CheckpointFormatException(source + ": tensor '" + e.name() + "' data_offsets [" + e.begin() + ", "
                        + e.end() + "] overlap tensor '" + previous + "', which ends at byte " + covered);
            }
            if (e.begin() > covered) {
                throw new CheckpointFormatException(source + ": bytes " + covered + " to " + e.begin()
                        + " of the data belong to no tensor (gap before tensor '" + e.name() + "')");
            }
            covered = e.end();
            previous = e.name();
        }
        if (covered != bufferLength) {
            throw new CheckpointFormatException(source + ": the tensors cover " + covered + " bytes of data but "
                    + bufferLength + " follow the header; bytes " + covered + " to " + bufferLength + " belong to no tensor");
        }
    }

    private static FileDType dtype(String where, Object value) throws CheckpointFormatException {
        if (value instanceof String name) {
            for (FileDType t : FileDType.values()) {
                if (t.name().equals(name)) {
                    return t;
                }
            }
        }
        throw new CheckpointFormatException(where + "unsupported dtype " + (value instanceof String ? "'" + value + "'" : value)
                + "; this library reads " + Arrays.toString(FileDType.values()));
    }

    private static List<?> list(String where, String field, Object value) throws CheckpointFormatException {
        if (!(value instanceof List<?> list)) {
            throw new CheckpointFormatException(where + field + " must be an array, got " + value);
        }
        return list;
    }

    private static long whole(String where, String field, Object value) throws CheckpointFormatException {
        if (value instanceof BigDecimal d && d.signum() >= 0) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException tooLargeOrFractional) {
                // reported below
            }
        }
        throw new CheckpointFormatException(where + field + " must hold whole numbers >= 0 (up to 2^63-1), got " + value);
    }
}
