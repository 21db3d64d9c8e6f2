package io.github.autograd4j.nn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    private static String written(String s) {
        StringBuilder out = new StringBuilder();
        Json.appendString(out, s);
        return out.toString();
    }

    private static String error(String text) {
        return assertThrows(CheckpointFormatException.class, () -> Json.parse(text, "f")).getMessage();
    }

    @Test
    void parsesObjectsArraysStringsAndNumbersInOrder() throws CheckpointFormatException {
        Object v = Json.parse(" {\"b\": [1, -2.5e3, 0], \"a\": {\"s\": \"x\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\"}, \"e\": []} ", "f");
        assertEquals(Map.of("b", List.of(new BigDecimal("1"), new BigDecimal("-2.5e3"), BigDecimal.ZERO),
                "a", Map.of("s", "x\"\\/\b\f\n\r\té\uD83D\uDE00"), "e", List.of()), v);
        assertEquals(List.of("b", "a", "e"), List.copyOf(((Map<?, ?>) v).keySet()));
    }

    @Test
    void writesStringsAsSerdeJsonDoes() {
        assertEquals("\"a\\\"b\\\\c/\\n\\t\\u0001\\u001f\u007fé\"", written("a\"b\\c/\n\t\u0001\u001f\u007fé"));
    }

    @Test
    void whatIsWrittenParsesBack() throws CheckpointFormatException {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x300; c++) {
            all.append(c);
        }
        String s = all.toString();
        assertEquals(s, Json.parse(written(s), "f"));
    }

    @Test
    void rejectsWhatAHeaderNeverHolds() {
        assertEquals("f: malformed header JSON at character 0: unexpected 'n'; a header holds only objects, arrays,"
                + " strings and numbers", error("null"));
        assertEquals("f: malformed header JSON at character 7: expected a string key", error("{\"a\":1,}"));
        assertEquals("f: malformed header JSON at character 3: unexpected ']'; a header holds only objects, arrays,"
                + " strings and numbers", error("[1,]"));
        assertEquals("f: malformed header JSON at character 0: invalid number", error("-x"));
        assertEquals("f: malformed header JSON at character 2: expected digits after the decimal point", error("1."));
        assertEquals("f: malformed header JSON at character 1: unexpected '1' after the end of the header object", error("01"));
        assertEquals("f: malformed header JSON at character 0: number longer than 40 characters", error("1".repeat(41)));
        assertEquals("f: malformed header JSON at character 0: unterminated string", error("\"abc"));
        assertEquals("f: malformed header JSON at character 2: character U+000A inside a string must be escaped", error("\"a\n\""));
        assertEquals("f: malformed header JSON at character 2: invalid escape \\x", error("\"\\x\""));
        assertEquals("f: malformed header JSON at character 5: expected 4 hex digits after \\u", error("\"\\u12g4\""));
        assertEquals("f: malformed header JSON at character 64: nested deeper than 64 levels", error("[".repeat(65)));
        assertEquals("f: malformed header JSON at character 5: expected ':', found '1'", error("{\"a\" 1}"));
        assertEquals("f: malformed header JSON at character 7: duplicate key 'a'", error("{\"a\":1,\"a\":2}"));
    }
}
