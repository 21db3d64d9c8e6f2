package io.github.autograd4j.nn.io;

import io.github.autograd4j.DType;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.Tensor;
import io.github.autograd4j.io.AtomicWrite;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {

    @TempDir
    Path dir;

    /** A sink that writes the temporary file but fails once {@code limit} bytes have gone through. */
    static AtomicWrite.Sink failingAfter(long limit) {
        return temp -> new FilterOutputStream(Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW)) {
            private long written;

            @Override
            public void write(int b) throws IOException {
                if (++written > limit) {
                    throw new IOException("disk full (simulated) after " + limit + " bytes");
                }
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                for (int i = 0; i < len; i++) {
                    write(b[off + i]);
                }
            }
        };
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    private final Map<String, Tensor> first = Map.of("w", Tensor.randn(new Random(0), 4, 4));
    private final Map<String, Tensor> second = Map.of("w", Tensor.randn(new Random(1), 4, 4), "b", Tensor.zeros(4));

    @Test
    void failureMidWriteLeavesThePreviousFileAndNoTemporaryFile() throws IOException {
        Path p = dir.resolve("ckpt.safetensors");
        SafeTensors.write(p, first);
        byte[] before = Files.readAllBytes(p);
        for (long limit : new long[] {0, 5, 100, 200}) {
            var e = assertThrows(IOException.class,
                    () -> SafeTensors.write(p, second, Map.of(), DType.FLOAT64, failingAfter(limit)));
            assertEquals("disk full (simulated) after " + limit + " bytes", e.getMessage());
            assertArrayEquals(before, Files.readAllBytes(p));
            assertEquals(List.of(p), files());
        }
        assertArrayEquals(first.get("w").toArray(), SafeTensors.read(p).tensors().get("w").toArray());
    }

    @Test
    void failureOfTheFirstWriteLeavesNothing() throws IOException {
        Path p = dir.resolve("new.safetensors");
        assertThrows(IOException.class, () -> SafeTensors.write(p, first, null, DType.FLOAT32, failingAfter(50)));
        assertEquals(List.of(), files());
    }

    @Test
    void failureToOpenLeavesThePreviousFile() throws IOException {
        Path p = dir.resolve("ckpt.safetensors");
        SafeTensors.write(p, first);
        byte[] before = Files.readAllBytes(p);
        AtomicWrite.Sink broken = temp -> {
            throw new IOException("cannot open " + temp.getFileName());
        };
        var e = assertThrows(IOException.class, () -> SafeTensors.write(p, second, null, DType.FLOAT64, broken));
        assertTrue(e.getMessage().matches("cannot open \\.ckpt\\.safetensors\\.\\d+-\\d+\\.tmp"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(p));
        assertEquals(List.of(p), files());
    }

    @Test
    void successReplacesTheFileWhole() throws IOException {
        Path p = dir.resolve("ckpt.safetensors");
        SafeTensors.write(p, first);
        SafeTensors.write(p, second);
        assertEquals(List.of("b", "w"), List.copyOf(SafeTensors.read(p).tensors().keySet()));
        assertEquals(List.of(p), files());
    }


    @Test
    void thePublicWriteReplacesWholeOrLeavesTheOldFile() throws IOException {
        Path target = dir.resolve("plot.txt");
        AtomicFile.writeString(target, "first");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
            out.write("half".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            throw new IOException("the body failed");
        }));
        assertEquals("the body failed", e.getMessage());
        assertEquals("first", Files.readString(target));
        AtomicFile.writeString(target, "second");
        assertEquals("second", Files.readString(target));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(target), left.toList(), "no temporary file is left behind");
        }
    }
}
