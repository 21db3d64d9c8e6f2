package io.github.autograd4j.examples;

/**
 * A bad use of an example: an option out of range, or a {@code --resume} checkpoint that does not
 * fit the run. The command line reports its message on one line and exits with status 2.
 */
public final class UsageException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** An exception with the given one-line message. */
    public UsageException(String message) {
        super(message);
    }

    /** Throws a {@code UsageException} with {@code message} unless {@code condition} holds. */
    public static void require(boolean condition, String message) {
        if (!condition) {
            throw new UsageException(message);
        }
    }
}
