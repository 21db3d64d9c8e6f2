package io.github.autograd4j.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replaces a file all at once or not at all, so that a crash or an error while saving never
 * leaves a half-written checkpoint: the bytes go to a temporary file in the same directory,
 * which is forced to disk and then renamed over the target ({@code ATOMIC_MOVE}; a plain
 * replacing move only where the file system cannot rename atomically). On any failure the
 * temporary file is deleted and the previous file is left as it was. Only a crash of the JVM
 * itself can leave a temporary {@code .<name>.<pid>-<n>.tmp} file behind.
 *
 * <p>A target that is a directory, or whose directory does not exist, is refused before anything
 * is written; a file-system error on the temporary file is reported as one on the target, which
 * is the path the caller knows.
 *
 * <p>The one implementation behind every file autograd4j writes: checkpoints, graph reports,
 * gradient-check tables, golden files. Internal: exported only to autograd4j's own modules; users
 * call {@code io.github.autograd4j.nn.io.AtomicFile}.
 */
public final class AtomicWrite {

    /** Opens the stream the bytes go to; tests substitute one that fails part way. */
    @FunctionalInterface
    public interface Sink {
        /**
         * A stream that creates {@code temp} and writes to it; closing it must leave the bytes durable.
         *
         * @param temp the temporary file, which does not exist yet
         * @return the stream to it
         * @throws IOException when the file cannot be created
         */
        OutputStream open(Path temp) throws IOException;
    }

    /** Writes a file's whole content. */
    @FunctionalInterface
    public interface Body {
        /**
         * Writes the content to {@code out} (buffered; do not close it).
         *
         * @param out the stream to the temporary file
         * @throws IOException when writing fails; the target is then left as it was
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /** The real sink: a new file whose close forces its content to the device ({@code fsync}). */
    public static final Sink DURABLE = temp -> {
        FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new OutputStream() {
            private final OutputStream out = Channels.newOutputStream(channel);

            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                try (channel) {
                    channel.force(true);
                }
            }
        };
    };

    private static final AtomicLong COUNTER = new AtomicLong();
    private static final int BUFFER_BYTES = 1 << 16;

    private AtomicWrite() {
    }

    /**
     * Writes {@code target} with the content {@code body} produces, all or nothing, forced to disk
     * before it replaces the previous file.
     *
     * @param op     names the operation in messages ({@code "GraphReport.writeHtml"})
     * @param target the file to write; its directory must exist
     * @param body   writes the whole content
     * @throws IOException from the body or the file system; {@code target} is then unchanged
     */
    public static void write(String op, Path target, Body body) throws IOException {
        write(op, target, DURABLE, body);
    }

    /**
     * Writes {@code text} as UTF-8 to {@code target}, all or nothing, as {@link #write(String, Path, Body)}.
     *
     * @param op     names the operation in messages
     * @param target the file to write; its directory must exist
     * @param text   the whole content
     * @throws IOException from the file system; {@code target} is then unchanged
     */
    public static void writeString(String op, Path target, String text) throws IOException {
        Objects.requireNonNull(text, () -> op + ": text is null");
        write(op, target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Writes {@code target} with the content {@code body} produces, through {@code sink}, all or nothing.
     *
     * @param op     names the operation in messages ({@code "SafeTensors.write"})
     * @param target the file to write; its directory must exist
     * @param sink   opens the temporary file ({@link #DURABLE}, or one that fails, in tests)
     * @param body   writes the whole content
     * @throws IOException from the sink, the body or the rename; {@code target} is then unchanged
     */
    public static void write(String op, Path target, Sink sink, Body body) throws IOException {
        Objects.requireNonNull(target, () -> op + ": target is null");
        Objects.requireNonNull(body, () -> op + ": body is null");
        Path file = target.toAbsolutePath();
        Path dir = file.getParent();
        if (Files.isDirectory(file)) {
            throw new FileSystemException(target.toString(), null, "is a directory (" + op + " expected a file name)");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NoSuchFileException(target.toString(), null, "its directory does not exist (" + op
                    + " does not create directories)");
        }
        Path temp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + COUNTER.incrementAndGet() + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(sink.open(temp), BUFFER_BYTES)) {
                body.writeTo(out);
            }
            move(temp, file);
        } catch (FileSystemException e) {
            deleteQuietly(temp, e);
            throw onTarget(op, target, temp, e);
        } catch (Throwable t) {
            deleteQuietly(temp, t);
            throw t;
        }
        syncDirectory(dir);
    }

    private static void deleteQuietly(Path temp, Throwable cause) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException cleanup) {
            cause.addSuppressed(cleanup);
        }
    }

    /** {@code e}, which may name the temporary file the caller never heard of, as an error writing {@code target}. */
    private static FileSystemException onTarget(String op, Path target, Path temp, FileSystemException e) {
        if (!temp.toString().equals(e.getFile())) {
            return e;
        }
        FileSystemException named = new FileSystemException(target.toString(), null, op + " could not write it: "
                + e.getClass().getSimpleName() + (e.getReason() == null ? "" : " (" + e.getReason() + ")")
                + " on its temporary file " + temp.getFileName() + " in the same directory; the previous file is unchanged");
        named.initCause(e);
        return named;
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable where the platform allows opening a directory (not on Windows). */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // the data are durable already; only the rename's durability is best effort here
        }
    }
}
