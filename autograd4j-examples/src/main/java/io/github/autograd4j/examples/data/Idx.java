package io.github.autograd4j.examples.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the IDX files MNIST is distributed in, gzipped or not (recognised by gzip's first two
 * bytes). Every number in the header is a big-endian 32-bit integer:
 *
 * <pre>
 * images   magic 0x00000803, count, rows, columns, then count * rows * columns unsigned bytes
 * labels   magic 0x00000801, count, then count unsigned bytes
 * </pre>
 *
 * A wrong magic number, a file that ends early or goes on after the announced data, or gzip data
 * that are corrupt is a {@link DataFormatException} naming the file and what was expected. What is
 * read is held in memory as it arrives, so a header that claims more than the file holds fails on
 * the short read, having allocated no more than the file held.
 */
public final class Idx {

    /** The magic number of an image file: unsigned bytes ({@code 0x08}) in 3 dimensions. */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** The magic number of a label file: unsigned bytes ({@code 0x08}) in 1 dimension. */
    public static final int LABELS_MAGIC = 0x00000801;

    /**
     * Images as read from an IDX file.
     *
     * @param count   the number of images
     * @param rows    each image's height
     * @param columns each image's width
     * @param pixels  {@code count * rows * columns} pixels, image by image, row by row, each 0..255
     */
    public record Images(int count, int rows, int columns, int[] pixels) {
    }

    /** The first buffer of a file's data; it doubles as the data keep coming, up to what the header announces. */
    private static final int FIRST_BUFFER = 1 << 16;

    /** Reads an opened IDX file whose name is {@code name}. */
    @FunctionalInterface
    private interface Reader<T> {
        T read(DataInputStream in, String name) throws IOException;
    }

    private Idx() {
    }

    /** Reads an image file. */
    public static Images readImages(Path path) throws IOException {
        return read(path, (in, name) -> {
            header(in, name, IMAGES_MAGIC, 16);
            int count = headerInt(in, name, "image count", 16);
            int rows = headerInt(in, name, "row count", 16);
            int columns = headerInt(in, name, "column count", 16);
            long total = (long) count * rows * columns;
            if (total > Integer.MAX_VALUE - 8) {
                throw new DataFormatException(name + ": " + count + " images of " + rows + "x" + columns + " are too many to read");
            }
            String what = count + " images of " + rows + "x" + columns;
            return new Images(count, rows, columns, body(in, name, (int) total, what, 16));
        });
    }

    /** Reads a label file: one class per image. */
    public static int[] readLabels(Path path) throws IOException {
        return read(path, (in, name) -> {
            header(in, name, LABELS_MAGIC, 8);
            int count = headerInt(in, name, "label count", 8);
            return body(in, name, count, count + " labels", 8);
        });
    }

    /** Opens {@code path} and reads it with {@code reader}; corrupt gzip data are reported with the file's name. */
    private static <T> T read(Path path, Reader<T> reader) throws IOException {
        String name = path.getFileName().toString();
        try (DataInputStream in = open(path, name)) {
            return reader.read(in, name);
        } catch (ZipException e) {
            throw new DataFormatException(name + ": the gzip data are corrupt (" + e.getMessage() + ")");
        }
    }

    /** The file as a stream, through gzip when its first two bytes are gzip's. */
    private static DataInputStream open(Path path, String name) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        in.mark(2);
        boolean gzipped = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        if (!gzipped) {
            return new DataInputStream(in);
        }
        try {
            return new DataInputStream(new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16));
        } catch (IOException e) {
            in.close();
            throw e instanceof EOFException ? new DataFormatException(name + ": the file ends inside its gzip header") : e;
        }
    }

    private static void header(DataInputStream in, String name, int magic, int headerBytes) throws IOException {
        int found = headerInt(in, name, "magic number", headerBytes);
        if (found != magic) {
            String hint = found == IMAGES_MAGIC ? " (that of an image file)"
                    : found == LABELS_MAGIC ? " (that of a label file)" : "";
            throw new DataFormatException(String.format(Locale.ROOT, "%s: magic number 0x%08X%s, expected 0x%08X for an IDX %s file",
                    name, found, hint, magic, magic == IMAGES_MAGIC ? "image" : "label"));
        }
    }

    private static int headerInt(DataInputStream in, String name, String field, int headerBytes) throws IOException {
        int value;
        try {
            value = in.readInt();
        } catch (EOFException e) {
            throw new DataFormatException(name + ": the file ends inside its " + headerBytes + "-byte header, before the " + field);
        }
        if (value < 0) {
            throw new DataFormatException(name + ": the " + field + " is negative (" + value + ")");
        }
        return value;
    }

    /**
     * Exactly {@code length} unsigned bytes, then the end of the file. The buffer grows with the
     * bytes that arrive, so a header that claims more than the file holds costs no more memory
     * than the file's content (a gzipped file's size says nothing certain about its content's).
     */
    private static int[] body(DataInputStream in, String name, int length, String what, int headerBytes) throws IOException {
        byte[] bytes = new byte[Math.min(length, FIRST_BUFFER)];
        int read = 0;
        try {
            while (read < length) {
                if (read == bytes.length) {
                    bytes = Arrays.copyOf(bytes, (int) Math.min(length, 2L * bytes.length));
                }
                int n = in.read(bytes, read, bytes.length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
        } catch (EOFException e) {
            // a truncated gzip stream: reported below with the bytes read so far
        }
        if (read < length) {
            throw new DataFormatException(name + ": the file is truncated: the header announces " + what + " (" + length
                    + " bytes after the " + headerBytes + "-byte header) but only " + read + " follow");
        }
        if (in.read() >= 0) {
            throw new DataFormatException(name + ": more bytes follow the " + what + " the header announces");
        }
        int[] values = new int[length];
        for (int i = 0; i < length; i++) {
            values[i] = bytes[i] & 0xff;
        }
        return values;
    }
}
