package io.github.autograd4j.nn.io;

import io.github.autograd4j.io.AtomicWrite;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Replaces a file all at once or not at all, so that a crash or an error while saving never
 * leaves a half-written file: the bytes go to a temporary file in the same directory, which is
 * forced to disk and then renamed over the target ({@code ATOMIC_MOVE}; a plain replacing move
 * only where the file system cannot rename atomically). On any failure the temporary file is
 * deleted and the previous file is left as it was. Only a crash of the JVM itself can leave a
 * temporary {@code .<name>.<pid>-<n>.tmp} file behind. Checkpoints, graph reports and golden files
 * are written the same way.
 *
 * <p>A target that is a directory, or whose directory does not exist, is refused before anything
 * is written; a file-system error on the temporary file is reported as one on the target, which
 * is the path the caller knows.
 */
public final class AtomicFile {

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

    private AtomicFile() {
    }

    /**
     * Writes {@code target} with the content {@code body} produces, all or nothing, forced to disk
     * before it replaces the previous file.
     *
     * @param target the file to write; its directory must exist
     * @param body   writes the whole content
     * @throws IOException from the body or the file system; {@code target} is then unchanged
     */
    public static void write(Path target, Body body) throws IOException {
        Objects.requireNonNull(body, "AtomicFile.write: body is null");
        AtomicWrite.write("AtomicFile.write", target, body::writeTo);
    }

    /**
     * Writes {@code text} as UTF-8 to {@code target}, all or nothing, as {@link #write(Path, Body)}.
     *
     * @param target the file to write; its directory must exist
     * @param text   the whole content
     * @throws IOException from the file system; {@code target} is then unchanged
     */
    public static void writeString(Path target, String text) throws IOException {
        AtomicWrite.writeString("AtomicFile.writeString", target, text);
    }
}
