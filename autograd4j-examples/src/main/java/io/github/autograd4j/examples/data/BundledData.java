package io.github.autograd4j.examples.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The data sets shipped as resources of this module (see {@code datasets/NOTICE}): scikit-learn's
 * copies of iris and the UCI handwritten digits, read with clear errors for malformed lines.
 */
public final class BundledData {

    /** The number of pixels of a digits image (8 x 8). */
    public static final int DIGITS_PIXELS = 64;
    /** The largest pixel value in digits: each pixel counts the set pixels of a 4 x 4 block. */
    public static final int DIGITS_MAX_PIXEL = 16;

    private static final String IRIS = "iris.csv";
    private static final String DIGITS = "digits.csv.gz";

    private BundledData() {
    }

    /** Fisher's iris: 150 samples of 4 measurements (cm), classes setosa, versicolor, virginica. */
    public static LabelledData iris() throws IOException {
        try (BufferedReader in = resource(IRIS, false)) {
            return parseIris(in, IRIS);
        }
    }

    /** The UCI handwritten digits: 1,797 images of 8 x 8 pixels valued 0..16, classes 0..9. */
    public static LabelledData digits() throws IOException {
        try (BufferedReader in = resource(DIGITS, true)) {
            return parseDigits(in, DIGITS);
        }
    }

    /**
     * Parses scikit-learn's iris layout: a header {@code rows,features,class names...}, then rows
     * of the features and the class number.
     *
     * @throws DataFormatException naming the line that does not fit, or when fewer or more rows
     *                             follow than the header announces
     */
    public static LabelledData parseIris(BufferedReader in, String source) throws IOException {
        String header = in.readLine();
        if (header == null) {
            throw new DataFormatException(source + " is empty; expected a header 'rows,features,class names...'");
        }
        String[] fields = header.split(",", -1);
        int rows = headerCount(fields, 0, source);
        int features = headerCount(fields, 1, source);
        List<String> classes = Arrays.asList(fields).subList(2, fields.length).stream().map(String::trim).toList();
        if (classes.isEmpty()) {
            throw new DataFormatException(NumericCsv.where(source, 1) + ": the header names no classes after the counts");
        }
        List<double[]> data = NumericCsv.readRows(in, source, features + 1, 1, LabelledData.labelIn(classes.size()));
        if (data.size() != rows) {
            throw new DataFormatException(source + ": the header announces " + rows + " rows but " + data.size() + " follow");
        }
        return LabelledData.fromRows("iris", data, classes);
    }

    /**
     * Parses scikit-learn's digits layout: no header, rows of 64 pixel counts (whole numbers
     * 0..16) and the digit.
     *
     * @throws DataFormatException naming the line that does not fit
     */
    public static LabelledData parseDigits(BufferedReader in, String source) throws IOException {
        NumericCsv.RowCheck pixels = row -> {
            for (int c = 0; c < DIGITS_PIXELS; c++) {
                if (row[c] != Math.rint(row[c]) || row[c] < 0 || row[c] > DIGITS_MAX_PIXEL) {
                    return "pixel " + (c + 1) + " is " + row[c] + ", not a whole number in 0.." + DIGITS_MAX_PIXEL;
                }
            }
            return null;
        };
        List<double[]> data = NumericCsv.readRows(in, source, DIGITS_PIXELS + 1, 0, pixels.and(LabelledData.labelIn(10)));
        if (data.isEmpty()) {
            throw new DataFormatException(source + " holds no rows");
        }
        return LabelledData.fromRows("digits", data, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
    }

    private static int headerCount(String[] fields, int index, String source) throws DataFormatException {
        String field = index < fields.length ? fields[index].trim() : "";
        try {
            int n = Integer.parseInt(field);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DataFormatException(NumericCsv.where(source, 1) + ": header field " + (index + 1) + " is '" + field
                + "'; expected a positive count ('rows,features,class names...')");
    }

    private static BufferedReader resource(String name, boolean gzipped) throws IOException {
        InputStream raw = BundledData.class.getResourceAsStream("/datasets/" + name);
        if (raw == null) {
            throw new IOException("the resource datasets/" + name + " is missing from the class path");
        }
        InputStream in = gzipped ? new GZIPInputStream(raw) : raw;
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
