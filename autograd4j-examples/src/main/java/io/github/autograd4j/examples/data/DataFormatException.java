package io.github.autograd4j.examples.data;

import java.io.IOException;

/**
 * A data file that does not have the layout its reader expects. The message names the file, the
 * line or byte offset where there is one, what was found and what was expected, e.g.
 * {@code "iris.csv line 7: expected 5 comma-separated values, found 4"}.
 */
public final class DataFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** An exception with the given message. */
    public DataFormatException(String message) {
        super(message);
    }
}
