package io.github.autograd4j.examples.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads rows of comma-separated numbers, each row with the same number of values, as the CSV
 * files scikit-learn ships. Blank lines are skipped; anything else that is not a row of finite
 * numbers is a {@link DataFormatException} naming the source and the line number.
 */
public final class NumericCsv {

    /** A check of one parsed row beyond its being numbers, e.g. that its label is a class. */
    @FunctionalInterface
    public interface RowCheck {
        /** Accepts every row. */
        RowCheck NONE = row -> null;

        /** What is wrong with {@code row} (for the message after the line number), or null when it is fine. */
        String problem(double[] row);

        /** This check, then {@code next} on rows this one accepts. */
        default RowCheck and(RowCheck next) {
            return row -> {
                String p = problem(row);
                return p != null ? p : next.problem(row);
            };
        }
    }

    private NumericCsv() {
    }

    /**
     * Reads every remaining line of {@code in} as a row of {@code columns} numbers.
     *
     * @param source    the name used in messages, e.g. {@code "iris.csv"}
     * @param linesRead how many lines were taken from {@code in} before (a header), so that line
     *                  numbers in messages count from the start of the file
     * @param check     what else each row must satisfy
     * @throws DataFormatException on the first line that is not {@code columns} finite numbers or
     *                             fails {@code check}
     */
    public static List<double[]> readRows(BufferedReader in, String source, int columns, int linesRead, RowCheck check)
            throws IOException {
        List<double[]> rows = new ArrayList<>();
        int lineNumber = linesRead;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            double[] row = parseRow(line, source, lineNumber, columns);
            String problem = check.problem(row);
            if (problem != null) {
                throw new DataFormatException(where(source, lineNumber) + ": " + problem);
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * One line as {@code columns} finite numbers.
     *
     * @throws DataFormatException naming the line, and the column of a value that is not a finite number
     */
    public static double[] parseRow(String line, String source, int lineNumber, int columns) throws DataFormatException {
        String[] fields = line.split(",", -1);
        if (fields.length != columns) {
            throw new DataFormatException(where(source, lineNumber) + ": expected " + columns
                    + " comma-separated values, found " + fields.length + ": '" + abbreviate(line) + "'");
        }
        double[] row = new double[columns];
        for (int c = 0; c < columns; c++) {
            String field = fields[c].trim();
            try {
                row[c] = Double.parseDouble(field);
            } catch (NumberFormatException e) {
                row[c] = Double.NaN;
            }
            if (!Double.isFinite(row[c])) {
                throw new DataFormatException(where(source, lineNumber) + ", column " + (c + 1) + ": '" + abbreviate(field)
                        + "' is not a finite number");
            }
        }
        return row;
    }

    /** {@code "iris.csv line 7"}: how messages name a line. */
    public static String where(String source, int lineNumber) {
        return source + " line " + lineNumber;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
