package io.github.autograd4j.examples.data;

import io.github.autograd4j.examples.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * A text for a character-level language model: its vocabulary (the distinct characters, as Unicode
 * code points, sorted) and the text as indices into it. The bundled text is the State of the Union
 * addresses of 1790-1830, public domain (see {@code datasets/NOTICE}).
 *
 * @param name       where the text came from, for messages
 * @param vocabulary the distinct code points, ascending
 * @param indices    the text, each character as its index in {@code vocabulary}
 */
public record CharText(String name, int[] vocabulary, int[] indices) {

    /** The bundled text's resource. */
    public static final String BUNDLED = "sotu-1790-1830.txt.gz";

    /** Copies nothing: the arrays are the record's. */
    public CharText {
        Objects.requireNonNull(name, "CharText: name is null");
    }

    /** The bundled State of the Union addresses of 1790-1830 (982,375 characters, 76 distinct). */
    public static CharText bundled() throws IOException {
        try (InputStream in = new GZIPInputStream(Objects.requireNonNull(
                CharText.class.getResourceAsStream("/datasets/" + BUNDLED), BUNDLED + " is missing from the jar"))) {
            return of(BUNDLED, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /**
     * The UTF-8 text in {@code file}, given as {@code option}.
     *
     * @throws UsageException when the file is missing, a directory, empty or not UTF-8
     */
    public static CharText read(String option, Path file) throws IOException {
        UsageException.require(Files.exists(file), option + " " + file + ": no such file");
        UsageException.require(!Files.isDirectory(file), option + " " + file + " is a directory; expected a UTF-8 text file");
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            // the decoder stops at the first byte it cannot decode
            throw new UsageException(option + " " + file + ": not UTF-8 text (byte " + bytes.position() + " is not part of a UTF-8"
                    + " character)");
        }
        UsageException.require(!text.isEmpty(), option + " " + file + ": the text is empty; a language model needs text to learn from");
        return of(file.toString(), text);
    }

    /** {@code text} with its own vocabulary. */
    public static CharText of(String name, String text) {
        int[] points = text.codePoints().toArray();
        int[] vocabulary = Arrays.stream(points).distinct().sorted().toArray();
        int[] indices = new int[points.length];
        for (int i = 0; i < points.length; i++) {
            indices[i] = Arrays.binarySearch(vocabulary, points[i]);
        }
        return new CharText(name, vocabulary, indices);
    }

    /** The number of distinct characters. */
    public int vocabularySize() {
        return vocabulary.length;
    }

    /** The number of characters. */
    public int length() {
        return indices.length;
    }

    /** The characters of {@code ids}, as a string. */
    public String decode(int[] ids) {
        StringBuilder s = new StringBuilder();
        for (int id : ids) {
            s.appendCodePoint(vocabulary[id]);
        }
        return s.toString();
    }
}
