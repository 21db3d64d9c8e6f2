package io.github.autograd4j.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A {@link PrintStream} that keeps what an example prints, for the tests to read. */
public final class Silent {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    /** The stream to hand to an example. */
    public PrintStream out() {
        return out;
    }

    /** Everything printed so far. */
    public String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
