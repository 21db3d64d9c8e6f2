package io.github.autograd4j.examples.data;

import io.github.autograd4j.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A classification data set in memory: {@code size()} samples of {@code featureCount()} numbers
 * (row-major in one array) and each sample's class, a whole number in {@code [0, classCount())}.
 * Immutable; {@link #select} and {@link #scaled} make new sets.
 */
public final class LabelledData {

    private final String name;
    private final double[] features;
    private final int featureCount;
    private final int[] labels;
    private final List<String> classNames;

    /**
     * A data set over copies of {@code features} (row-major, {@code labels.length} rows) and {@code labels}.
     *
     * @throws IllegalArgumentException when the sizes do not fit or a label is not a class
     */
    public LabelledData(String name, double[] features, int featureCount, int[] labels, List<String> classNames) {
        this(name, features, featureCount, labels, classNames, true);
    }

    /**
     * A data set over {@code features} and {@code labels} themselves, which the caller hands over
     * and no longer touches: MNIST's 47 million feature values are not worth a second copy.
     */
    static LabelledData handedOver(String name, double[] features, int featureCount, int[] labels, List<String> classNames) {
        return new LabelledData(name, features, featureCount, labels, classNames, false);
    }

    private LabelledData(String name, double[] features, int featureCount, int[] labels, List<String> classNames, boolean copy) {
        this.name = Objects.requireNonNull(name, "LabelledData: name is null");
        this.classNames = List.copyOf(classNames);
        if (featureCount < 1 || features.length != (long) labels.length * featureCount) {
            throw new IllegalArgumentException(name + ": " + features.length + " feature values do not make "
                    + labels.length + " rows of " + featureCount);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= this.classNames.size()) {
                throw new IllegalArgumentException(name + ": sample " + i + " has label " + labels[i] + ", not a class in 0.."
                        + (this.classNames.size() - 1));
            }
        }
        this.features = copy ? features.clone() : features;
        this.featureCount = featureCount;
        this.labels = copy ? labels.clone() : labels;
    }

    /**
     * A data set from rows whose last value is the class and the others the features.
     *
     * @throws IllegalArgumentException when a row has another length or its label is not a class
     */
    public static LabelledData fromRows(String name, List<double[]> rows, List<String> classNames) {
        int columns = rows.isEmpty() ? 1 : rows.get(0).length;
        int featureCount = columns - 1;
        double[] features = new double[rows.size() * featureCount];
        int[] labels = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            double[] row = rows.get(i);
            if (row.length != columns) {
                throw new IllegalArgumentException(name + ": row " + i + " has " + row.length + " values, not " + columns);
            }
            System.arraycopy(row, 0, features, i * featureCount, featureCount);
            labels[i] = (int) row[featureCount];
        }
        return new LabelledData(name, features, featureCount, labels, classNames);
    }

    /** A {@link NumericCsv.RowCheck} that the last value of a row is a whole number in {@code [0, classes)}. */
    public static NumericCsv.RowCheck labelIn(int classes) {
        return row -> {
            double label = row[row.length - 1];
            return label == Math.rint(label) && label >= 0 && label < classes ? null
                    : "the label (last value) is " + label + ", not a class in 0.." + (classes - 1);
        };
    }

    /** The data set's name, e.g. {@code "digits"}. */
    public String name() {
        return name;
    }

    /** The number of samples. */
    public int size() {
        return labels.length;
    }

    /** The number of features per sample. */
    public int featureCount() {
        return featureCount;
    }

    /** The number of classes. */
    public int classCount() {
        return classNames.size();
    }

    /** The classes' names, by class number. */
    public List<String> classNames() {
        return classNames;
    }

    /** A copy of every sample's class. */
    public int[] labels() {
        return labels.clone();
    }

    /** Sample {@code i}'s features (a copy). */
    public double[] row(int i) {
        return Arrays.copyOfRange(features, i * featureCount, (i + 1) * featureCount);
    }

    /** The features as a tensor of shape {@code (size, featureCount)}. */
    public Tensor x() {
        return Tensor.of(features, labels.length, featureCount);
    }

    /** The classes as a tensor of shape {@code (size,)}, whole numbers as doubles (as {@code CrossEntropyLoss} takes them). */
    public Tensor y() {
        return Tensor.of(Arrays.stream(labels).asDoubleStream().toArray(), labels.length);
    }

    /** The samples at {@code indices}, in that order. */
    public LabelledData select(int[] indices) {
        double[] f = new double[indices.length * featureCount];
        int[] l = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(features, indices[k] * featureCount, f, k * featureCount, featureCount);
            l[k] = labels[indices[k]];
        }
        return new LabelledData(name, f, featureCount, l, classNames);
    }

    /** Every feature multiplied by {@code factor}, e.g. {@code 1 / 16.0} to bring digits' pixels into [0, 1]. */
    public LabelledData scaled(double factor) {
        double[] f = features.clone();
        for (int i = 0; i < f.length; i++) {
            f[i] *= factor;
        }
        return new LabelledData(name, f, featureCount, labels, classNames);
    }

    @Override
    public String toString() {
        return name + " (" + size() + " samples, " + featureCount + " features, " + classCount() + " classes)";
    }
}
