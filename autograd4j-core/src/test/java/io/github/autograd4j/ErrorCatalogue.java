package io.github.autograd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;

/**
 * The bad-input catalogue, docs/errors.md, as tests: each row there names an id, the exception
 * type and the exact message; each module's test supplies a {@link Case} per id of its own
 * prefix. A row passes when its case throws that type with that message and leaves every tensor
 * it watches (data and gradient) and every file it watches byte for byte as they were. A row
 * without a case, or a case without a row, fails, so the table and the code cannot drift apart.
 */
public final class ErrorCatalogue {

    /** The catalogue, relative to the project root. A message shows a file's name without its (temporary) directory. */
    private static final String DOC = "docs/errors.md";

    /** How a row ends whose message ends with the line of user code that made a node (which the table cannot know). */
    private static final String SITE = "; made at …";

    private ErrorCatalogue() {
    }

    /** One row of the table. */
    public record Row(String id, String input, String exception, String message) {
    }

    /** What a case sets up: the tensors and files to watch, and the bad call itself. */
    public record Scenario(List<Tensor> tensors, List<Path> files, Executable bad) {

        /** Watches {@code tensors} only. */
        public static Scenario watching(List<Tensor> tensors, Executable bad) {
            return new Scenario(tensors, List.of(), bad);
        }
    }

    /** Builds a fresh scenario for one row; {@code dir} is an empty directory for any files it needs. */
    @FunctionalInterface
    public interface Case {
        Scenario prepare(Path dir) throws Exception;
    }

    /** The rows whose id starts with {@code prefix}, in the order of the table. */
    public static List<Row> rows(String prefix) {
        List<Row> rows = new ArrayList<>();
        for (String line : lines()) {
            if (!line.startsWith("| " + prefix)) {
                continue;
            }
            List<String> cells = cells(line);
            if (cells.size() != 4) {
                throw new IllegalStateException(DOC + ": expected 4 cells (id, input, exception, message) in: " + line);
            }
            rows.add(new Row(cells.get(0), cells.get(1), unquote(cells.get(2)), unquote(cells.get(3))));
        }
        return rows;
    }

    /**
     * One dynamic test per row of {@code prefix}, plus one that the rows and {@code cases} name the
     * same ids. Each test runs in a fresh directory under {@code tempRoot}.
     */
    public static Stream<DynamicTest> tests(String prefix, Map<String, Case> cases, Path tempRoot) {
        List<Row> rows = rows(prefix);
        Set<String> documented = new TreeSet<>();
        rows.forEach(r -> documented.add(r.id()));
        DynamicTest same = DynamicTest.dynamicTest(prefix + ": every row has a case and every case a row",
                () -> assertEquals(new TreeSet<>(cases.keySet()), documented));
        return Stream.concat(Stream.of(same), rows.stream().filter(r -> cases.containsKey(r.id()))
                .map(r -> DynamicTest.dynamicTest(r.id() + " " + r.input(),
                        () -> check(r, cases.get(r.id()), Files.createTempDirectory(tempRoot, r.id())))));
    }

    private static void check(Row row, Case c, Path dir) throws Exception {
        Scenario s = c.prepare(dir);
        for (Tensor t : s.tensors()) {
            giveGradient(t);
        }
        Map<Object, Object> before = snapshot(s);
        Throwable e = assertThrows(Throwable.class, s.bad(), row.id() + " threw nothing");
        String message = String.valueOf(e.getMessage()).replace(dir.toAbsolutePath() + dir.getFileSystem().getSeparator(), "");
        boolean sameMessage = row.message().endsWith(SITE)
                ? message.startsWith(row.message().substring(0, row.message().length() - SITE.length() + "; made at ".length()))
                : row.message().equals(message);
        if (!row.exception().equals(e.getClass().getSimpleName()) || !sameMessage) {
            fail(row.id() + ": expected " + row.exception() + " `" + row.message() + "`\n"
                    + "but got:\n| " + row.id() + " | " + row.input() + " | `" + e.getClass().getSimpleName() + "` | `"
                    + message.replace("|", "\\|") + "` |", e);
        }
        Map<Object, Object> after = snapshot(s);
        for (Map.Entry<Object, Object> b : before.entrySet()) {
            Object now = after.get(b.getKey());
            if (b.getValue() instanceof double[] d) {
                assertArrayEquals(d, (double[]) now, 0.0, row.id() + " changed " + b.getKey());
            } else if (b.getValue() instanceof byte[] bytes) {
                assertArrayEquals(bytes, (byte[]) now, row.id() + " changed " + b.getKey());
            } else {
                assertEquals(b.getValue(), now, row.id() + " changed " + b.getKey());
            }
        }
    }

    /** A leaf that requires grad but has none gets one, so that a change to it would show. */
    private static void giveGradient(Tensor t) {
        if (t.requiresGrad() && t.isLeaf() && t.grad() == null) {
            t.setGrad(Tensor.arange(t.numel()).add(0.5).reshape(t.shape().toArray()));
        }
    }

    private static Map<Object, Object> snapshot(Scenario s) {
        Map<Object, Object> state = new LinkedHashMap<>();
        for (int i = 0; i < s.tensors().size(); i++) {
            Tensor t = s.tensors().get(i);
            state.put("the data of tensor " + i, t.toArray());
            state.put("the gradient of tensor " + i, t.grad() == null ? "none" : t.grad().toArray());
        }
        for (Path p : s.files()) {
            try {
                state.put("file " + p.getFileName(), Files.exists(p) ? Files.readAllBytes(p) : "absent");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return state;
    }

    private static List<String> lines() {
        try {
            return Files.readAllLines(ProjectFiles.find(DOC));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cells of a table line, split at pipes that are not escaped as {@code \|}. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 1; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (ch == '|') {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        return cells;
    }

    private static String unquote(String cell) {
        return cell.startsWith("`") && cell.endsWith("`") && cell.length() >= 2 ? cell.substring(1, cell.length() - 1) : cell;
    }
}
