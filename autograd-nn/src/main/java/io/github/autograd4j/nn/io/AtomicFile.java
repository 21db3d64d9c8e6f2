package io.github.autograd4j.nn.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replaces a file all at once or not at all, so that a crash or an error while saving never
 * leaves a half-written checkpoint: the bytes go to a temporary file in the same directory,
 * which is forced to disk and then renamed over the target ({@code ATOMIC_MOVE}; a plain
 * replacing move only where the file system cannot rename atomically). On any failure the
 * temporary file is deleted and the previous file is left as it was. Only a crash of the JVM
 * itself can leave a temporary {@code .<name>.<pid>-<n>.tmp} file behind.
 */
final class AtomicFile {

    /** Opens the stream the bytes go to; tests substitute one that fails part way. */
    @FunctionalInterface
    interface Sink {
        /** A stream that creates {@code temp} and writes to it; closing it must leave the bytes durable. */
        OutputStream open(Path temp) throws IOException;
    }

    /** Writes a file's whole content. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The real sink: a new file whose close forces its content to the device ({@code fsync}). */
    static final Sink DURABLE = temp -> {
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

    private AtomicFile() {
    }

    /**
     * Writes {@code target} with the content {@code body} produces, through {@code sink}, all or nothing.
     *
     * @throws IOException from the sink, the body or the rename; {@code target} is then unchanged
     */
    static void write(Path target, Sink sink, Body body) throws IOException {
        Path file = target.toAbsolutePath();
        Path dir = file.getParent();
        Path temp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + COUNTER.incrementAndGet() + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(sink.open(temp), BUFFER_BYTES)) {
                body.writeTo(out);
            }
            move(temp, file);
        } catch (Throwable t) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                t.addSuppressed(cleanup);
            }
            throw t;
        }
        syncDirectory(dir);
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
