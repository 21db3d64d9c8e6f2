package io.github.autograd4j.examples.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void aFailedWriteLeavesThePreviousFileAndNoTemporaryOne(@TempDir Path dir) throws Exception {
        Path target = AtomicFiles.writeString(dir.resolve("sub/plot.txt"), "first");
        assertEquals("first", Files.readString(target));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes());
            throw new IOException("encoder failed");
        }));
        assertEquals("encoder failed", e.getMessage());
        assertEquals("first", Files.readString(target));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(1, files.count());
        }
        AtomicFiles.writeString(target, "second");
        assertEquals("second", Files.readString(target));
    }
}
