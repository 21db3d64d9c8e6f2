package io.github.autograd4j.examples;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks the files and directories a run is given ({@code --out}, {@code --checkpoint},
 * {@code --resume}) before it does any work, so that a place it cannot write is reported at once
 * rather than after training. Each failure is a {@link UsageException} naming the option, the path
 * as the user gave it and what was expected.
 */
public final class FileOptions {

    private FileOptions() {
    }

    /**
     * Checks that {@code dir}, given as {@code option}, is a directory this run can write files in,
     * making it and its parents if missing.
     *
     * @throws UsageException when it or an ancestor is a file, or it cannot be made or written in
     */
    public static void requireWritableDirectory(String option, Path dir) {
        writableDirectory(option, dir, dir);
    }

    /**
     * Checks that {@code file}, given as {@code option}, can be written (as a temporary file in its
     * directory, then moved over it): it is not a directory, and its directory can be written in,
     * made if missing.
     *
     * @throws UsageException when it is a directory, or its directory cannot be made or written in
     */
    public static void requireWritableFile(String option, Path file) {
        UsageException.require(!Files.isDirectory(file), option + " " + file + " is a directory; expected a file to save to");
        writableDirectory(option, file, file.toAbsolutePath().getParent());
    }

    /**
     * Checks that {@code file}, given as {@code option}, is a file to read.
     *
     * @param expected what the file should be, e.g. {@code "a checkpoint written by --checkpoint"}
     * @throws UsageException when it does not exist or is a directory
     */
    public static void requireReadableFile(String option, Path file, String expected) {
        UsageException.require(Files.exists(file), option + " " + file + ": no such file");
        UsageException.require(!Files.isDirectory(file), option + " " + file + " is a directory; expected " + expected);
    }

    /** {@code dir} is {@code given} itself (a directory option) or the directory of {@code given} (a file option). */
    private static void writableDirectory(String option, Path given, Path dir) {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        String where = option + " " + given;
        if (existing != null && !Files.isDirectory(existing)) {
            throw new UsageException(where + (existing.equals(given) ? "" : ": " + existing) + " is a file; expected a directory (made if missing)");
        }
        String subject = dir.equals(given) ? "this directory" : "its directory " + dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UsageException(where + ": cannot make " + subject + " (" + describe(e) + ")");
        }
        try {
            Files.delete(Files.createTempFile(dir, ".autograd4j-", ".probe"));
        } catch (IOException e) {
            throw new UsageException(where + ": cannot write in " + subject + " (" + describe(e) + ")");
        }
    }

    /** The JDK's file exceptions name the path in their message; their class and reason say what went wrong. */
    private static String describe(IOException e) {
        String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        return e.getClass().getSimpleName() + (reason != null ? ": " + reason : "");
    }
}
