package io.github.autograd4j.nn.io;

import io.github.autograd4j.DType;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {

    @TempDir
    Path dir;

    private static Map<String, Tensor> ordered(Object... nameTensorPairs) {
        Map<String, Tensor> map = new LinkedHashMap<>();
        for (int i = 0; i < nameTensorPairs.length; i += 2) {
            map.put((String) nameTensorPairs[i], (Tensor) nameTensorPairs[i + 1]);
        }
        return map;
    }

    private static long[] bits(Tensor t) {
        double[] v = t.toArray();
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.doubleToRawLongBits(v[i]);
        }
        return out;
    }

    /** A file of the given header text (unpadded) and data bytes, its length field correct. */
    private Path file(String header, byte[] data) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json).put(data);
        Path p = dir.resolve("hand.safetensors");
        Files.write(p, b.array());
        return p;
    }

    private String readError(Path p) {
        return assertThrows(CheckpointFormatException.class, () -> SafeTensors.read(p)).getMessage();
    }

    @Test
    void f64RoundTripIsExact() throws IOException {
        Random rng = new Random(1);
        Map<String, Tensor> tensors = ordered(
                "layer.weight", Tensor.randn(rng, 3, 4, 2),
                "bias", Tensor.vector(Double.NaN, -0.0, Double.POSITIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, 1e-300),
                "scale", Tensor.scalar(Math.PI),
                "empty", Tensor.zeros(0, 3));
        Path p = dir.resolve("m.safetensors");
        SafeTensors.write(p, tensors, Map.of("epoch", "3", "note", "ünïcode \"quoted\"\n"), DType.FLOAT64);
        SafeTensorsFile file = SafeTensors.read(p);
        assertEquals(List.of("bias", "empty", "layer.weight", "scale"), List.copyOf(file.tensors().keySet()));
        for (var e : tensors.entrySet()) {
            Tensor back = file.tensors().get(e.getKey());
            assertEquals(e.getValue().shape(), back.shape());
            assertArrayEquals(bits(e.getValue()), bits(back), e.getKey());
        }
        assertEquals(Map.of("epoch", "3", "note", "ünïcode \"quoted\"\n"), file.metadata());
    }

    @Test
    void eachTensorIsWrittenInItsOwnTypeAndReadBackInIt() throws IOException {
        Tensor wide = Tensor.randn(new Random(3), 2, 3);
        Tensor narrow = Tensor.randn(new Random(4), 4).to(DType.FLOAT32);
        Path p = dir.resolve("mixed.safetensors");
        SafeTensors.write(p, Map.of("wide", wide, "narrow", narrow));
        Map<String, Tensor> back = SafeTensors.read(p).tensors();
        assertEquals(DType.FLOAT64, back.get("wide").dtype());
        assertEquals(DType.FLOAT32, back.get("narrow").dtype());
        org.junit.jupiter.api.Assertions.assertArrayEquals(wide.storage(), back.get("wide").storage());
        org.junit.jupiter.api.Assertions.assertArrayEquals(narrow.floatStorage(), back.get("narrow").floatStorage());
        long header = java.nio.ByteBuffer.wrap(Files.readAllBytes(p), 0, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(8 + header + 6 * 8 + 4 * 4, Files.size(p), "8 bytes an element of wide, 4 of narrow");
    }

    @Test
    void f32RoundTripRoundsToFloat() throws IOException {
        Tensor w = Tensor.randn(new Random(2), 5, 7);
        Path p = dir.resolve("m.safetensors");
        SafeTensors.write(p, Map.of("w", w), null, DType.FLOAT32);
        Tensor back = SafeTensors.read(p).tensors().get("w");
        assertEquals(Shape.of(5, 7), back.shape());
        assertEquals(DType.FLOAT32, back.dtype(), "an F32 entry is read as float32");
        for (int i = 0; i < w.numel(); i++) {
            double v = w.storage()[i];
            assertEquals((float) v, back.floatStorage()[i]);
            assertEquals(v, back.floatStorage()[i], Math.abs(v) * 6e-8);
        }
        assertEquals(8 + 64 + 35 * 4, Files.size(p));
    }

    /**
     * The bytes Python's safetensors writes for {@code save_file({"w": ..., "b": ...}, metadata)}:
     * compact JSON, __metadata__ first, then tensors sorted by name, padded with spaces to a
     * multiple of 8; the data of b, then w, little-endian float32.
     */
    @Test
    void writesTheReferenceBytes() throws IOException {
        Path p = dir.resolve("tiny.safetensors");
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("note", "say \"hi\"\n");
        metadata.put("epoch", "3");
        SafeTensors.write(p, ordered("w", Tensor.vector(1.0, -2.0), "b", Tensor.scalar(0.5)), metadata, DType.FLOAT32);
        String header = "{\"__metadata__\":{\"epoch\":\"3\",\"note\":\"say \\\"hi\\\"\\n\"},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[0,4]},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}  ";
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(new byte[] {(byte) 0xA0, 0, 0, 0, 0, 0, 0, 0});         // 160
        expected.writeBytes(header.getBytes(StandardCharsets.UTF_8));
        expected.writeBytes(new byte[] {0, 0, 0, 0x3F});                            // 0.5f
        expected.writeBytes(new byte[] {0, 0, (byte) 0x80, 0x3F, 0, 0, 0, (byte) 0xC0}); // 1f, -2f
        assertEquals(160, header.length());
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(p));
    }

    @Test
    void writesF64ReferenceBytesAndReadsAHandBuiltFile() throws IOException {
        Path p = dir.resolve("x.safetensors");
        SafeTensors.write(p, Map.of("x", Tensor.vector(1.0)));
        byte[] expected = new byte[8 + 56 + 8];
        expected[0] = 56;
        byte[] header = "{\"x\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]}}  ".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(header, 0, expected, 8, 56);
        expected[8 + 56 + 6] = (byte) 0xF0;
        expected[8 + 56 + 7] = 0x3F;
        assertArrayEquals(expected, Files.readAllBytes(p));

        Path hand = file("\n { \"__metadata__\" : { } , \"y\":{\"data_offsets\":[8,16],\"shape\":[1,1],\"dtype\":\"F64\"},"
                + "\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}",
                new byte[] {0, 0, (byte) 0x80, 0x3F, 0, 0, 0, (byte) 0xC0, 0, 0, 0, 0, 0, 0, 0x04, 0x40});
        SafeTensorsFile file = SafeTensors.read(hand);
        assertEquals(List.of("y", "x"), List.copyOf(file.tensors().keySet()));
        assertArrayEquals(new double[] {2.5}, file.tensors().get("y").toArray());
        assertEquals(Shape.of(1, 1), file.tensors().get("y").shape());
        assertArrayEquals(new double[] {1, -2}, file.tensors().get("x").toArray());
        assertEquals(Map.of(), file.metadata());
    }

    @Test
    void emptyMapWritesAnEmptyHeader() throws IOException {
        Path p = dir.resolve("e.safetensors");
        SafeTensors.write(p, Map.of());
        byte[] expected = new byte[16];
        expected[0] = 8;
        System.arraycopy("{}      ".getBytes(StandardCharsets.US_ASCII), 0, expected, 8, 8);
        assertArrayEquals(expected, Files.readAllBytes(p));
        assertEquals(Map.of(), SafeTensors.read(p).tensors());
    }

    @Test
    void rejectsATruncatedFile() throws IOException {
        Path p = dir.resolve("t.safetensors");
        SafeTensors.write(p, ordered("a", Tensor.vector(1), "w", Tensor.vector(1, 2)));
        byte[] bytes = Files.readAllBytes(p);
        Files.write(p, Arrays.copyOf(bytes, bytes.length - 3));
        assertEquals("safetensors file " + p + ": tensor 'w': data_offsets [8, 24] reach past the 21 bytes of data"
                + " after the header; the file is truncated", readError(p));
        Files.write(p, Arrays.copyOf(bytes, 40));
        assertEquals("safetensors file " + p + ": header length 112 exceeds the 32 bytes that follow it;"
                + " the file is truncated", readError(p));
        Files.write(p, Arrays.copyOf(bytes, 5));
        assertEquals("safetensors file " + p + ": 5 bytes, too short to hold the 8-byte header length", readError(p));
    }

    @Test
    void rejectsAnAbsurdHeaderLength() throws IOException {
        Path p = dir.resolve("big.safetensors");
        byte[] bytes = new byte[64];
        Arrays.fill(bytes, 0, 8, (byte) 0xFF);
        Files.write(p, bytes);
        assertEquals("safetensors file " + p + ": header length 18446744073709551615 exceeds the limit of 100000000 bytes;"
                + " this is not a safetensors file", readError(p));
    }

    @Test
    void rejectsMalformedHeaders() throws IOException {
        String prefix = "safetensors file " + dir.resolve("hand.safetensors") + ": ";
        assertEquals(prefix + "malformed header JSON at character 53: unexpected end of the header, expected '}'",
                readError(file("{\"x\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]}", new byte[8])));
        assertEquals(prefix + "malformed header JSON at character 5: unexpected 't'; a header holds only objects,"
                + " arrays, strings and numbers", readError(file("{\"x\":true}", new byte[0])));
        assertEquals(prefix + "malformed header JSON at character 7: expected '}', found 'x'",
                readError(file("{\"a\":1 x}", new byte[0])));
        assertEquals(prefix + "malformed header JSON at character 0: unexpected end of the header, expected a value",
                readError(file("", new byte[0])));
        assertEquals(prefix + "the header must be a JSON object {...}", readError(file("[1]", new byte[0])));
        Path bad = file("{}", new byte[0]);
        byte[] bytes = Files.readAllBytes(bad);
        bytes[9] = (byte) 0xFF;
        Files.write(bad, bytes);
        assertEquals(prefix + "the header is not valid UTF-8", readError(bad));
    }

    @Test
    void rejectsDuplicateNames() throws IOException {
        String entry = "{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]}";
        assertEquals("safetensors file " + dir.resolve("hand.safetensors")
                        + ": malformed header JSON at character 54: duplicate key 'x'",
                readError(file("{\"x\":" + entry + ",\"x\":" + entry + "}", new byte[8])));
    }

    @Test
    void rejectsUnknownDtypesAndBadFields() throws IOException {
        String prefix = "safetensors file " + dir.resolve("hand.safetensors") + ": tensor 'w': ";
        assertEquals(prefix + "unsupported dtype 'F16'; this library reads [F64, F32]",
                readError(file("{\"w\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]}}", new byte[4])));
        assertEquals(prefix + "expected the fields dtype, shape and data_offsets, got [dtype, shape]",
                readError(file("{\"w\":{\"dtype\":\"F64\",\"shape\":[2]}}", new byte[0])));
        assertEquals(prefix + "shape must hold whole numbers >= 0 (up to 2^63-1), got -2",
                readError(file("{\"w\":{\"dtype\":\"F64\",\"shape\":[-2],\"data_offsets\":[0,0]}}", new byte[0])));
        assertEquals(prefix + "shape must hold whole numbers >= 0 (up to 2^63-1), got 1.5",
                readError(file("{\"w\":{\"dtype\":\"F64\",\"shape\":[1.5],\"data_offsets\":[0,0]}}", new byte[0])));
        assertEquals(prefix + "data_offsets must be [begin, end], got [0]",
                readError(file("{\"w\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[0]}}", new byte[8])));
        assertEquals(prefix + "data_offsets [8, 0] end before they begin",
                readError(file("{\"w\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[8,0]}}", new byte[8])));
        assertEquals(prefix + "shape [65536, 65536] has more than 2^31-1 elements",
                readError(file("{\"w\":{\"dtype\":\"F64\",\"shape\":[65536,65536],\"data_offsets\":[0,8]}}", new byte[8])));
        assertEquals("safetensors file " + dir.resolve("hand.safetensors") + ": __metadata__ value of 'epoch' must be a string",
                readError(file("{\"__metadata__\":{\"epoch\":3}}", new byte[0])));
    }

    @Test
    void rejectsHeadersThatLieAboutSizesAndOffsets() throws IOException {
        String prefix = "safetensors file " + dir.resolve("hand.safetensors") + ": ";
        assertEquals(prefix + "tensor 'w': shape (2, 3) of F64 takes 48 bytes but data_offsets [0, 40] span 40",
                readError(file("{\"w\":{\"dtype\":\"F64\",\"shape\":[2,3],\"data_offsets\":[0,40]}}", new byte[40])));
        assertEquals(prefix + "tensor 'b' data_offsets [4, 12] overlap tensor 'a', which ends at byte 8",
                readError(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                        + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", new byte[12])));
        assertEquals(prefix + "bytes 8 to 16 of the data belong to no tensor (gap before tensor 'a')",
                readError(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[16,24]},"
                        + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", new byte[24])));
        assertEquals(prefix + "the tensors cover 8 bytes of data but 12 follow the header; bytes 8 to 12 belong to no tensor",
                readError(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", new byte[12])));
    }

    @Test
    void rejectsTheReservedName() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> SafeTensors.write(dir.resolve("r"), Map.of("__metadata__", Tensor.scalar(1))));
        assertEquals("SafeTensors.write: the name '__metadata__' is reserved for metadata in the safetensors format",
                e.getMessage());
        assertEquals(0, dir.toFile().list().length);
    }
}
