package io.github.autograd4j.ops;

import io.github.autograd4j.DType;
import io.github.autograd4j.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reference cases written by PyTorch (tools/reference/pytorch_conv_pool_norm.py, committed as
 * data): per case the op and its settings, the operands, the cotangent, PyTorch's output, its
 * gradients and, in float64, its second derivatives along given vectors. The file's format is in
 * the script's docstring.
 */
final class TorchCases {

    /** One case. Tensors are exact: float64 values, or float32 values widened, with the case's type. */
    record Case(String name, DType dtype, String op, Map<String, String[]> settings, Map<String, Tensor> operands,
                List<String> differentiated, Tensor cotangent, Tensor output, Map<String, Tensor> gradients,
                Map<String, Tensor> vectors, Map<String, Tensor> secondOrder, Map<String, Tensor> after) {

        /** The ints of setting {@code key}. */
        int[] ints(String key) {
            return Arrays.stream(setting(key)).mapToInt(Integer::parseInt).toArray();
        }

        int intValue(String key) {
            return Integer.parseInt(setting(key)[0]);
        }

        double doubleValue(String key) {
            return Double.parseDouble(setting(key)[0]);
        }

        boolean flag(String key) {
            return Boolean.parseBoolean(setting(key)[0]);
        }

        /** Whether setting {@code key} is a word rather than numbers (conv's padding "same"). */
        boolean isWord(String key) {
            return Character.isLetter(setting(key)[0].charAt(0));
        }

        String[] setting(String key) {
            String[] value = settings.get(key);
            if (value == null) {
                throw new IllegalStateException(name + ": no setting '" + key + "'");
            }
            return value;
        }

        /** Operand {@code name}, or null when the case passes none. */
        Tensor operand(String name) {
            return operands.get(name);
        }

        @Override
        public String toString() {
            return name + " (" + dtype.name().toLowerCase() + ")";
        }
    }

    private TorchCases() {
    }

    /** The cases of resource {@code name} beside this class. */
    static List<Case> read(String name) {
        try (InputStream in = TorchCases.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name + " beside " + TorchCases.class.getName());
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Case> parse(String text) {
        List<Case> cases = new ArrayList<>();
        Builder b = null;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split(" ");
            switch (words[0]) {
                case "case" -> b = new Builder(line.substring(5, line.lastIndexOf(' ')),
                        words[words.length - 1].equals("float32") ? DType.FLOAT32 : DType.FLOAT64);
                case "op" -> b.op = words[1];
                case "set" -> b.settings.put(words[1], Arrays.copyOfRange(words, 2, words.length));
                case "in" -> {
                    b.operands.put(words[1], tensor(line, 3, b.dtype));
                    if (words[2].equals("1")) {
                        b.differentiated.add(words[1]);
                    }
                }
                case "cot" -> b.cotangent = tensor(line, 1, b.dtype);
                case "out" -> b.output = tensor(line, 1, b.dtype);
                case "grad" -> b.gradients.put(words[1], tensor(line, 2, b.dtype));
                case "vec" -> b.vectors.put(words[1], tensor(line, 2, b.dtype));
                case "gg" -> b.secondOrder.put(words[1], tensor(line, 2, b.dtype));
                case "after" -> b.after.put(words[1], tensor(line, 2, b.dtype));
                case "end" -> cases.add(b.build());
                default -> throw new IllegalStateException("unknown line: " + line);
            }
        }
        return cases;
    }

    /** The tensor of a line whose shape starts at word {@code from}: {@code <words> <shape...> : <values...>}. */
    private static Tensor tensor(String line, int from, DType dtype) {
        String[] halves = line.split(" : ", 2);
        String[] head = halves[0].split(" ");
        int[] shape = Arrays.stream(head, from, head.length).mapToInt(Integer::parseInt).toArray();
        double[] values = Arrays.stream(halves[1].trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
        return Tensor.of(values, shape).to(dtype);
    }

    private static final class Builder {
        final String name;
        final DType dtype;
        String op;
        final Map<String, String[]> settings = new LinkedHashMap<>();
        final Map<String, Tensor> operands = new LinkedHashMap<>();
        final List<String> differentiated = new ArrayList<>();
        Tensor cotangent;
        Tensor output;
        final Map<String, Tensor> gradients = new LinkedHashMap<>();
        final Map<String, Tensor> vectors = new LinkedHashMap<>();
        final Map<String, Tensor> secondOrder = new LinkedHashMap<>();
        final Map<String, Tensor> after = new LinkedHashMap<>();

        Builder(String name, DType dtype) {
            this.name = name;
            this.dtype = dtype;
        }

        Case build() {
            return new Case(name, dtype, op, settings, operands, differentiated, cotangent, output, gradients, vectors,
                    secondOrder, after);
        }
    }
}
