package io.github.autograd4j.examples.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for the tests: a big-endian header, then unsigned bytes. */
public final class IdxFiles {

    private IdxFiles() {
    }

    /** An IDX file of {@code magic}, the header {@code dims} and the bytes {@code body}, gzipped when the name ends in {@code .gz}. */
    public static Path write(Path file, int magic, int[] dims, byte[] body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(body);
        }
        try (OutputStream out = file.toString().endsWith(".gz") ? new GZIPOutputStream(Files.newOutputStream(file))
                : Files.newOutputStream(file)) {
            out.write(bytes.toByteArray());
        }
        return file;
    }

    /**
     * Synthetic MNIST-shaped data in {@code dir}: {@code count} 28x28 images whose class {@code k}
     * is a bright horizontal bar on rows {@code 2k+3..2k+5}, with a little noise, and their labels.
     */
    public static void writeBars(Path dir, String prefix, int count, long seed, boolean gzip) throws IOException {
        Random rng = new Random(seed);
        byte[] pixels = new byte[count * 28 * 28];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int k = i % 10;
            labels[i] = (byte) k;
            for (int p = 0; p < 28 * 28; p++) {
                int row = p / 28;
                boolean bar = row >= 2 * k + 3 && row <= 2 * k + 5;
                pixels[i * 784 + p] = (byte) (bar ? 200 + rng.nextInt(56) : rng.nextInt(40));
            }
        }
        String gz = gzip ? ".gz" : "";
        write(dir.resolve(prefix + "-images-idx3-ubyte" + gz), Idx.IMAGES_MAGIC, new int[] {count, 28, 28}, pixels);
        write(dir.resolve(prefix + "-labels-idx1-ubyte" + gz), Idx.LABELS_MAGIC, new int[] {count}, labels);
    }
}
