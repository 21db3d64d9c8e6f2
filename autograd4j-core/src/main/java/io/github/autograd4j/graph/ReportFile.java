package io.github.autograd4j.graph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a report all or nothing: to a temporary file in the target's directory, then moved over
 * the target (atomically where the file system can), so a failure leaves the previous file as it
 * was. (autograd4j-nn's {@code AtomicFile} does the same for checkpoints, with fsync; core cannot
 * depend on nn.)
 */
final class ReportFile {

    private ReportFile() {
    }

    static void write(String op, Path target, String text) throws IOException {
        Path file = target.toAbsolutePath();
        Path dir = file.getParent();
        if (Files.isDirectory(file)) {
            throw new FileSystemException(target.toString(), null, "is a directory (" + op + " expected a file name)");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NoSuchFileException(target.toString(), null, "its directory does not exist (" + op
                    + " does not create directories)");
        }
        Path temp = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
