package io.github.autograd4j.nn.io;

import io.github.autograd4j.DType;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.Tensor;
import io.github.autograd4j.io.AtomicWrite;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What reading and writing do with what is not a safetensors file where one is expected: a
 * directory, a missing file or directory, a header too large for the format or for the heap. Each
 * gets a message naming the operation, the path and what was expected, never a bare JDK message
 * or an {@code OutOfMemoryError}.
 */
class SafeTensorsLimitsTest {

    @TempDir
    Path dir;

    @Test
    void readingADirectorySaysWhatWasExpected() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("ckpt.safetensors"));
        FileSystemException e = assertThrows(FileSystemException.class, () -> Checkpoint.load(sub));
        assertEquals(sub + ": is a directory (SafeTensors.read expected a safetensors file)", e.getMessage());
        NoSuchFileException missing = assertThrows(NoSuchFileException.class, () -> SafeTensors.read(dir.resolve("nope")));
        assertEquals(dir.resolve("nope") + ": no such file (SafeTensors.read expected a safetensors file)", missing.getMessage());
    }

    @Test
    void writingOverADirectoryOrIntoAMissingOneIsRefusedFirst() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("ckpt.safetensors"));
        FileSystemException onDir = assertThrows(FileSystemException.class, () -> SafeTensors.write(sub, Map.of("w", Tensor.ones(2))));
        assertEquals(sub + ": is a directory (SafeTensors.write expected a file name)", onDir.getMessage());
        Path nowhere = dir.resolve("missing").resolve("ckpt.safetensors");
        NoSuchFileException noDir = assertThrows(NoSuchFileException.class,
                () -> SafeTensors.write(nowhere, Map.of("w", Tensor.ones(2))));
        assertEquals(nowhere + ": its directory does not exist (SafeTensors.write does not create directories)", noDir.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(sub), files.toList());
        }
    }

    @Test
    void anErrorOnTheTemporaryFileNamesTheTarget() throws IOException {
        Path p = dir.resolve("ckpt.safetensors");
        SafeTensors.write(p, Map.of("w", Tensor.ones(2)));
        AtomicWrite.Sink denied = temp -> {
            throw new AccessDeniedException(temp.toString());
        };
        FileSystemException e = assertThrows(FileSystemException.class,
                () -> SafeTensors.write(p, Map.of("w", Tensor.zeros(2)), Map.of(), DType.FLOAT64, denied));
        assertTrue(e.getMessage().matches(java.util.regex.Pattern.quote(p.toString())
                + ": SafeTensors.write could not write it: AccessDeniedException on its temporary file"
                + " \\.ckpt\\.safetensors\\.\\d+-\\d+\\.tmp in the same directory; the previous file is unchanged"), e.getMessage());
        assertArrayEquals(new double[] {1, 1}, SafeTensors.read(p).tensors().get("w").toArray());
    }

    /** A file whose 8-byte header length says {@code headerLength} and whose header is {@code {}} padded with spaces to it. */
    private Path emptyHeader(String name, long headerLength) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(p), 1 << 16)) {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(headerLength).array());
            out.write("{}".getBytes(StandardCharsets.US_ASCII));
            byte[] spaces = new byte[1 << 16];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (long left = headerLength - 2; left > 0; left -= spaces.length) {
                out.write(spaces, 0, (int) Math.min(left, spaces.length));
            }
        }
        return p;
    }

    @Test
    void aHeaderOverTheFormatsLimitIsRefusedBeforeAnythingIsRead() throws IOException {
        Path p = dir.resolve("huge.safetensors");
        Files.write(p, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(SafeTensors.MAX_HEADER_BYTES + 1).array());
        CheckpointFormatException e = assertThrows(CheckpointFormatException.class, () -> SafeTensors.read(p));
        assertEquals("safetensors file " + p + ": header length 100000001 exceeds the limit of 100000000 bytes;"
                + " this is not a safetensors file", e.getMessage());
    }

    @Test
    void whatTheHeapCannotTakeIsRefusedNamingTheFile() throws IOException {
        CheckpointFormatException e = assertThrows(CheckpointFormatException.class, () -> SafeTensors.requireHeap(
                "safetensors file big.safetensors", "its header of 100000000 bytes", 100_000_000L * SafeTensors.HEAP_PER_HEADER_BYTE,
                200L << 20));
        assertEquals("safetensors file big.safetensors: reading its header of 100000000 bytes needs up to 3815 MB of heap,"
                + " but only 200 MB are free; give the JVM more memory (-Xmx) if the file is genuine", e.getMessage());
        SafeTensors.requireHeap("safetensors file small.safetensors", "its header", 1 << 20, 2 << 20);
        assertEquals(Map.of(), SafeTensors.read(emptyHeader("padded.safetensors", 4096)).tensors());
    }

    /**
     * The defect as reported: a 24 MB header read by a JVM with a 48 MB heap. Before the bound it
     * threw {@code OutOfMemoryError} (the header, then twice its size in chars); now a clear
     * {@link CheckpointFormatException}. Runs {@link #main} in a child JVM, the only way to have a
     * small heap in a test.
     */
    @Test
    void aLargeHeaderInASmallHeapIsACheckpointFormatException() throws Exception {
        Path p = emptyHeader("large-header.safetensors", 24L << 20);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                SafeTensorsLimitsTest.class.getName(), p.toString()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertTrue(output.startsWith(CheckpointFormatException.class.getName() + ": safetensors file " + p
                + ": reading its header of 25165824 bytes needs up to 960 MB of heap, but only "), output);
    }

    /**
     * Reads the file named by the argument and prints what was thrown, for the child JVM above.
     *
     * @param args the file
     */
    public static void main(String[] args) {
        try {
            System.out.println(SafeTensors.read(Path.of(args[0])).tensors().size() + " tensors");
        } catch (Throwable t) {
            System.out.println(t);
        }
    }
}
