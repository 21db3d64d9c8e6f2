package io.github.autograd4j.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * docs/derivatives.md, made from the sources: one row per public static method of an ops class
 * that returns a {@code Tensor}, read from its javadoc (the first sentence is the forward, the
 * sentence that starts with "Gradient", "Gradients" or "Backward" the gradient, a sentence that
 * starts with "Second order:" the second-order status), with the {@code Tensor} methods that call
 * it and whether {@code Value} has it and runs the same rule ({@link Derivatives}).
 */
final class DerivativesDoc {

    /** An op: a public static method of an ops class that returns a tensor. */
    record Op(String family, String name, String javadoc, String body) {
    }

    /** A {@code Tensor} method that calls an op: its name, and how a user writes the call. */
    record Call(String method, String text) {
    }

    /** A row of the table, each cell as markdown. */
    record Row(String op, String calls, String family, String forward, String gradient, String scalar,
               String secondOrder) {
    }

    static final String REGENERATE = "mvn -B -o -q test -pl autograd4j-core -Dtest=DerivativesDocTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dautograd4j.regenerate=true";

    private static final Pattern OP = Pattern.compile(
            "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@\\w+\\s*)*public static Tensor (\\w+)\\(", Pattern.DOTALL);
    private static final Pattern METHOD = Pattern.compile(
            "\\n    public (static )?(?:final )?(?:<[^>]+> )?[\\w<>\\[\\], ]+? (\\w+)\\(([^)]*)\\)[^{;]*\\{");
    private static final Pattern OP_CALL = Pattern.compile("\\b(\\w+Ops)\\.(\\w+)\\(");
    private static final Pattern VALUE_METHOD = Pattern.compile("public Value (\\w+)\\(");
    private static final Pattern SHARED_RULE = Pattern.compile("\\bDerivatives\\.(\\w+)\\(");
    private static final Pattern GRADIENT = Pattern.compile("^(Gradients?|Backward)\\b");
    private static final String SECOND_ORDER = "Second order:";

    private DerivativesDoc() {
    }

    /** The ops of one ops class, in source order. */
    static List<Op> ops(String family, String source) {
        List<Op> ops = new ArrayList<>();
        Matcher m = OP.matcher(source);
        while (m.find()) {
            ops.add(new Op(family, m.group(2), text(m.group(1)), body(source, m.end())));
        }
        return ops;
    }

    /** For each op ({@code "BinaryOps.add"}), the public {@code Tensor} methods that call it, in source order. */
    static Map<String, List<Call>> tensorCalls(String tensorSource) {
        Map<String, List<Call>> calls = new LinkedHashMap<>();
        Matcher m = METHOD.matcher(tensorSource);
        while (m.find()) {
            String params = m.group(3).strip().replaceAll("\\s+", " ");
            Call call = new Call(m.group(2), (m.group(1) != null ? "Tensor." : "x.") + m.group(2) + "(" + params + ")");
            Matcher ops = OP_CALL.matcher(body(tensorSource, m.end() - 1));
            while (ops.find()) {
                List<Call> list = calls.computeIfAbsent(ops.group(1) + "." + ops.group(2), k -> new ArrayList<>());
                if (!list.contains(call)) {
                    list.add(call);
                }
            }
        }
        return calls;
    }

    /** The names of {@code Value}'s public methods that return a value. */
    static Set<String> valueMethods(String valueSource) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = VALUE_METHOD.matcher(valueSource);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The ops whose javadoc has no gradient sentence, as {@code "UnaryOps.neg"}. */
    static List<String> missingGradients(List<Op> ops) {
        return ops.stream().filter(op -> gradient(op) == null).map(op -> op.family() + "." + op.name()).toList();
    }

    /** The row of {@code op}; its gradient sentence must exist. */
    static Row row(Op op, List<Call> calls, Set<String> valueMethods) {
        String gradient = gradient(op);
        String secondOrder = sentences(op.javadoc()).stream().filter(s -> s.startsWith(SECOND_ORDER))
                .map(s -> s.substring(SECOND_ORDER.length()).strip()).findFirst()
                .orElse(gradient.matches("^Gradients?: none\\b.*") ? "none" : "yes");
        List<String> shared = new ArrayList<>(new LinkedHashSet<>(matches(SHARED_RULE, op.body())));
        boolean inValue = calls.stream().anyMatch(c -> valueMethods.contains(c.method()));
        String scalar = !inValue ? "no"
                : shared.isEmpty() ? "yes, own rule"
                : "yes, shared: " + shared.stream().map(d -> "`Derivatives." + d + "`").collect(Collectors.joining(", "));
        String callText = calls.isEmpty() ? "-" : calls.stream().map(c -> "`" + c.text() + "`").collect(Collectors.joining(", "));
        return new Row("`" + op.name() + "`", callText, op.family(), sentences(op.javadoc()).get(0), gradient, scalar,
                secondOrder);
    }

    /** The whole document. */
    static String markdown(List<Row> rows) {
        StringBuilder md = new StringBuilder();
        md.append("# Derivatives\n\n")
          .append("Every public operation of autograd4j-core's tensor engine and its derivative: PyTorch's\n")
          .append("`derivatives.yaml`, for Java readers. One row per operation: the `Tensor` methods that call it,\n")
          .append("its family (the class of `io.github.autograd4j.ops` it is written in), the forward in one\n")
          .append("sentence, the gradient, whether the scalar engine `Value` has it too and runs the same rule\n")
          .append("(the methods of `ops.Derivatives`, written once for both engines), and whether the gradient\n")
          .append("can be differentiated again (`createGraph`, `Autograd.hessian`).\n\n")
          .append("In the formulas `g` is the gradient arriving at the operation's output (d loss / d output) and\n")
          .append("`out` the output; what a rule sends to an operand of another shape is then summed back to that\n")
          .append("shape by the engine (broadcasting undone in one place). Every rule is written with tensor\n")
          .append("operations, so second order is \"yes\" unless the row says otherwise; \"none\" marks an\n")
          .append("operation with no gradient.\n\n")
          .append("Generated from the javadoc of the operations by `DerivativesDocTest` (autograd4j-core), which\n")
          .append("fails when this file differs from what the javadoc gives or an operation has no sentence\n")
          .append("starting with \"Gradient\", \"Gradients\" or \"Backward\". Do not edit it by hand: change the\n")
          .append("javadoc, then regenerate it with\n\n")
          .append("```\n").append(REGENERATE).append("\n```\n\n")
          .append("| Op | Tensor method | Family | Forward | Gradient | Value | Second order |\n")
          .append("|----|---------------|--------|---------|----------|-------|--------------|\n");
        for (Row r : rows) {
            md.append(Stream.of(r.op(), r.calls(), r.family(), r.forward(), r.gradient(), r.scalar(), r.secondOrder())
                    .map(DerivativesDoc::cell).collect(Collectors.joining(" | ", "| ", " |\n")));
        }
        md.append('\n').append(rows.size()).append(" operations.\n");
        return md.toString();
    }

    private static String cell(String markdown) {
        return markdown.replace("|", "\\|");
    }

    private static String gradient(Op op) {
        return sentences(op.javadoc()).stream().filter(s -> GRADIENT.matcher(s).find()).findFirst().orElse(null);
    }

    /**
     * The sentences of {@code text}, without their final period: a period followed by a space ends
     * one, unless it is inside a code span or ends "e.g" or "i.e".
     */
    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        boolean code = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '`') {
                code = !code;
            } else if (c == '.' && !code && (i + 1 == text.length() || text.charAt(i + 1) == ' ')
                    && !text.substring(start, i).matches("(?s).*\\b(e\\.g|i\\.e)$")) {
                sentences.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        if (!text.substring(start).isBlank()) {
            sentences.add(text.substring(start).strip());
        }
        return sentences;
    }

    /**
     * A javadoc comment's main description as one line of markdown: {@code {@code x}} becomes a
     * code span, {@code {@link A#b}} the code span {@code A.b} (or its label), HTML tags go, and
     * the block tags ({@code @param}, {@code @throws}) are left out.
     */
    static String text(String comment) {
        StringBuilder joined = new StringBuilder();
        for (String line : comment.split("\n")) {
            String l = line.strip();
            l = l.startsWith("*") ? l.substring(1).strip() : l;
            if (l.startsWith("@")) {
                break;
            }
            joined.append(l).append(' ');
        }
        String s = joined.toString();
        StringBuilder out = new StringBuilder();
        int plainFrom = 0;
        for (int i = s.indexOf("{@"); i >= 0; i = s.indexOf("{@", plainFrom)) {
            out.append(plain(s.substring(plainFrom, i)));
            int end = closingBrace(s, i);
            String tag = s.substring(i + 2, end);
            String content = tag.replaceFirst("^\\w+\\s*", "");
            out.append(tag.startsWith("code") ? "`" + content + "`" : link(content));
            plainFrom = end + 1;
        }
        out.append(plain(s.substring(plainFrom)));
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    private static String link(String target) {
        String[] parts = target.strip().split("\\s+", 2);
        if (parts.length == 2) {
            return parts[1];
        }
        String ref = parts[0].replaceFirst("\\(.*\\)$", "");
        return "`" + (ref.startsWith("#") ? ref.substring(1) : ref.replace('#', '.')) + "`";
    }

    private static String plain(String html) {
        return html.replaceAll("<[^<>]*>", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static int closingBrace(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '{') {
                depth++;
            } else if (s.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unclosed inline tag in: " + s);
    }

    /** The method body that opens at the first brace from {@code from}, comments and literals skipped. */
    static String body(String source, int from) {
        int start = source.indexOf('{', from);
        int depth = 0;
        for (int i = start; i < source.length(); i++) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i);
            } else if (source.startsWith("/*", i)) {
                i = source.indexOf("*/", i) + 1;
            } else if (c == '"' || c == '\'') {
                i = endOfLiteral(source, i);
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return source.substring(start, i + 1);
            }
        }
        throw new IllegalStateException("unbalanced braces after offset " + from);
    }

    private static int endOfLiteral(String s, int open) {
        int i = open + 1;
        while (s.charAt(i) != s.charAt(open)) {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }

    private static List<String> matches(Pattern p, String s) {
        List<String> found = new ArrayList<>();
        Matcher m = p.matcher(s);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
