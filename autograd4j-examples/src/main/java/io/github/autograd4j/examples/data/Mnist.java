package io.github.autograd4j.examples.data;

import io.github.autograd4j.examples.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * MNIST from its four IDX files in one directory ({@code train-images-idx3-ubyte},
 * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte},
 * each optionally gzipped with a {@code .gz} suffix; the {@code .idx3-ubyte} spelling is accepted
 * too). Pixels are scaled from 0..255 to [0, 1].
 *
 * @param train the 60,000 training images
 * @param test  the 10,000 test images
 */
public record Mnist(LabelledData train, LabelledData test) {

    private static final List<String> CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    /**
     * Reads both sets from {@code dir}.
     *
     * @throws UsageException when a file is missing
     * @throws IOException naming the file that is malformed
     */
    public static Mnist load(Path dir) throws IOException {
        return new Mnist(read(dir, "train"), read(dir, "t10k"));
    }

    /** One set: {@code <prefix>-images-idx3-ubyte} with {@code <prefix>-labels-idx1-ubyte}. */
    static LabelledData read(Path dir, String prefix) throws IOException {
        Path imageFile = find(dir, prefix + "-images", "idx3-ubyte");
        Path labelFile = find(dir, prefix + "-labels", "idx1-ubyte");
        Idx.Images images = Idx.readImages(imageFile);
        int[] labels = Idx.readLabels(labelFile);
        if (images.count() != labels.length) {
            throw new DataFormatException(imageFile.getFileName() + " holds " + images.count() + " images but "
                    + labelFile.getFileName() + " holds " + labels.length + " labels; they must be the same count");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= CLASSES.size()) {
                throw new DataFormatException(labelFile.getFileName() + ": label " + i + " is " + labels[i] + ", not a digit 0..9");
            }
        }
        double[] pixels = new double[images.pixels().length];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = images.pixels()[i] / 255.0;
        }
        return LabelledData.handedOver("mnist-" + prefix, pixels, images.rows() * images.columns(), labels, CLASSES);
    }

    private static Path find(Path dir, String stem, String suffix) {
        for (String name : List.of(stem + "-" + suffix, stem + "." + suffix)) {
            for (String file : List.of(name, name + ".gz")) {
                Path path = dir.resolve(file);
                if (Files.isRegularFile(path)) {
                    return path;
                }
            }
        }
        throw new UsageException(dir + " has no " + stem + "-" + suffix + "[.gz]; MNIST's four IDX files are needed (see README)");
    }
}
