package io.github.autograd4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link AtomicWrite}: the target is replaced whole or left as it was, and no temporary file stays behind. */
class AtomicWriteTest {

    @TempDir
    Path dir;

    /** A body that writes {@code limit} bytes of {@code text} and then fails, as a full disk would. */
    private static AtomicWrite.Body failingAfter(long limit, byte[] text) {
        return out -> {
            out.write(text, 0, (int) limit);
            out.flush();
            throw new IOException("disk full (simulated) after " + limit + " bytes");
        };
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void replacesTheFileWhole() throws IOException {
        Path target = dir.resolve("report.html");
        AtomicWrite.writeString("Test.write", target, "first");
        AtomicWrite.writeString("Test.write", target, "second, longer");
        assertEquals("second, longer", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void aFailureAtAnyPointLeavesThePreviousFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("table.tsv");
        AtomicWrite.writeString("Test.write", target, "previous");
        byte[] text = "a longer replacement that fails part way".getBytes(StandardCharsets.UTF_8);
        for (long limit : new long[] {0, 1, 10, text.length - 1}) {
            IOException e = assertThrows(IOException.class,
                    () -> AtomicWrite.write("Test.write", target, failingAfter(limit, text)));
            assertEquals("disk full (simulated) after " + limit + " bytes", e.getMessage());
            assertEquals("previous", Files.readString(target));
            assertEquals(List.of(target), files());
        }
        IllegalStateException fromBody = new IllegalStateException("the body failed");
        assertSame(fromBody, assertThrows(IllegalStateException.class, () -> AtomicWrite.write("Test.write", target, out -> {
            out.write(text);
            throw fromBody;
        })));
        assertEquals("previous", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void aFirstWriteThatFailsLeavesNothing() throws IOException {
        Path target = dir.resolve("new.txt");
        assertThrows(IOException.class, () -> AtomicWrite.write("Test.write", target, failingAfter(3, new byte[10])));
        assertEquals(List.of(), files());
    }

    @Test
    void anErrorOnTheTemporaryFileNamesTheTargetAndTheOperation() throws IOException {
        Path target = dir.resolve("ckpt.bin");
        AtomicWrite.writeString("Test.write", target, "kept");
        AtomicWrite.Sink denied = temp -> {
            throw new AccessDeniedException(temp.toString());
        };
        FileSystemException e = assertThrows(FileSystemException.class,
                () -> AtomicWrite.write("Test.write", target, denied, out -> out.write(1)));
        assertTrue(e.getMessage().matches(Pattern.quote(target.toString()) + ": Test.write could not write it:"
                + " AccessDeniedException on its temporary file \\.ckpt\\.bin\\.\\d+-\\d+\\.tmp in the same directory;"
                + " the previous file is unchanged"), e.getMessage());
        assertEquals("kept", Files.readString(target));
    }

    @Test
    void refusesADirectoryAMissingDirectoryAndNulls() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        FileSystemException isDir = assertThrows(FileSystemException.class,
                () -> AtomicWrite.writeString("Test.write", sub, "x"));
        assertEquals(sub + ": is a directory (Test.write expected a file name)", isDir.getMessage());
        Path nowhere = dir.resolve("no/such/file.txt");
        NoSuchFileException noDir = assertThrows(NoSuchFileException.class,
                () -> AtomicWrite.writeString("Test.write", nowhere, "x"));
        assertEquals(nowhere + ": its directory does not exist (Test.write does not create directories)", noDir.getMessage());
        assertEquals("Test.write: target is null",
                assertThrows(NullPointerException.class, () -> AtomicWrite.writeString("Test.write", null, "x")).getMessage());
        assertEquals("Test.write: text is null", assertThrows(NullPointerException.class,
                () -> AtomicWrite.writeString("Test.write", dir.resolve("t"), null)).getMessage());
        assertEquals(List.of(sub), files());
    }
}
