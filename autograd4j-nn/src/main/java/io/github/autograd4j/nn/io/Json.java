package io.github.autograd4j.nn.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small part of JSON a safetensors header uses, read and written here so that the library
 * needs no JSON dependency. Parsing yields objects as {@code LinkedHashMap<String, Object>} (in
 * file order, a repeated key is an error), arrays as {@code List<Object>}, strings and numbers
 * as {@code BigDecimal}; {@code true}, {@code false} and {@code null} are rejected, since no
 * header holds them. Strings are written as serde_json writes them (what the reference
 * safetensors implementation uses), so our headers match its bytes.
 */
final class Json {

    /** Deeper nesting than any header needs: a guard against a stack overflow on hostile input. */
    private static final int MAX_DEPTH = 64;
    /** Longer numbers than any offset needs: a guard against quadratic-time parsing. */
    private static final int MAX_NUMBER_CHARS = 40;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String text;
    private final String source;
    private int pos;
    private int depth;

    private Json(String text, String source) {
        this.text = text;
        this.source = source;
    }

    /**
     * Parses one JSON value that fills {@code text} apart from whitespace around it.
     *
     * @param source names the file in error messages
     * @throws CheckpointFormatException naming the character position and what was expected
     */
    static Object parse(String text, String source) throws CheckpointFormatException {
        Json p = new Json(text, source);
        p.skipWhitespace();
        Object value = p.value();
        p.skipWhitespace();
        if (p.pos < text.length()) {
            throw p.error("unexpected " + describe(text.charAt(p.pos)) + " after the end of the header object");
        }
        return value;
    }

    /** Appends {@code s} as a JSON string: quotes, backslashes and control characters escaped, the rest as is. */
    static void appendString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private Object value() throws CheckpointFormatException {
        if (pos >= text.length()) {
            throw error("unexpected end of the header, expected a value");
        }
        char c = text.charAt(pos);
        if (c == '{') {
            return object();
        }
        if (c == '[') {
            return array();
        }
        if (c == '"') {
            return string();
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
        }
        throw error("unexpected " + describe(c) + "; a header holds only objects, arrays, strings and numbers");
    }

    private Map<String, Object> object() throws CheckpointFormatException {
        Map<String, Object> map = new LinkedHashMap<>();
        elements('}', () -> {
            if (peek() != '"') {
                throw error("expected a string key");
            }
            int keyAt = pos;
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            if (map.put(key, value()) != null) {
                pos = keyAt;
                throw error("duplicate key '" + key + "'");
            }
        });
        return map;
    }

    private List<Object> array() throws CheckpointFormatException {
        List<Object> list = new ArrayList<>();
        elements(']', () -> list.add(value()));
        return list;
    }

    /** Reads one element of an object or array. */
    @FunctionalInterface
    private interface Element {
        void read() throws CheckpointFormatException;
    }

    /** From the opening bracket to {@code close}: elements separated by commas, none after the last comma. */
    private void elements(char close, Element element) throws CheckpointFormatException {
        if (++depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        pos++;
        skipWhitespace();
        if (peek() != close) {
            while (true) {
                element.read();
                skipWhitespace();
                if (peek() != ',') {
                    break;
                }
                pos++;
                skipWhitespace();
            }
        }
        expect(close);
        depth--;
    }

    private String string() throws CheckpointFormatException {
        int start = pos++;
        StringBuilder s = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                pos = start;
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return s.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error(describe(c) + " inside a string must be escaped");
            }
            s.append(c == '\\' ? escape() : c);
        }
    }

    private char escape() throws CheckpointFormatException {
        char c = peek();
        pos++;
        switch (c) {
            case '"', '\\', '/':
                return c;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                int code = 0;
                for (int i = 0; i < 4; i++) {
                    int digit = Character.digit(peek(), 16);
                    if (digit < 0) {
                        throw error("expected 4 hex digits after \\u");
                    }
                    code = code * 16 + digit;
                    pos++;
                }
                return (char) code;
            default:
                pos--;
                throw error("invalid escape \\" + (c == 0 ? "" : c));
        }
    }

    private BigDecimal number() throws CheckpointFormatException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (!digits()) {
            pos = start;
            throw error("invalid number");
        }
        if (peek() == '.') {
            pos++;
            if (!digits()) {
                throw error("expected digits after the decimal point");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!digits()) {
                throw error("expected digits in the exponent");
            }
        }
        if (pos - start > MAX_NUMBER_CHARS) {
            pos = start;
            throw error("number longer than " + MAX_NUMBER_CHARS + " characters");
        }
        return new BigDecimal(text.substring(start, pos));
    }

    /** Skips digits; true when there was at least one. */
    private boolean digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    private void expect(char c) throws CheckpointFormatException {
        if (peek() != c) {
            throw error(pos >= text.length() ? "unexpected end of the header, expected '" + c + "'"
                    : "expected '" + c + "', found " + describe(text.charAt(pos)));
        }
        pos++;
    }

    /** The character at the position, or 0 at the end. */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private CheckpointFormatException error(String what) {
        return new CheckpointFormatException(source + ": malformed header JSON at character " + pos + ": " + what);
    }

    private static String describe(char c) {
        return c >= 0x20 && c < 0x7F ? "'" + c + "'" : String.format("character U+%04X", (int) c);
    }
}
