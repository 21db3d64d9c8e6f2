package io.github.autograd4j;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reference tensors written once by a script under tools/reference/ with PyTorch and committed as
 * a test resource: one tensor a line, {@code name<TAB>sizes<TAB>values}, the sizes
 * comma-separated (empty for a scalar), the values row-major and space-separated as Python's
 * {@code repr} writes them (which reads back exactly). No torch at test time.
 */
public final class TorchReference {

    private final String resource;
    private final Map<String, double[]> values = new LinkedHashMap<>();
    private final Map<String, int[]> shapes = new LinkedHashMap<>();

    private TorchReference(String resource) {
        this.resource = resource;
    }

    /** The tensors of a resource on the test class path, e.g. {@code "/io/github/autograd4j/pytorch/seq_ops.txt"}. */
    public static TorchReference load(String resource) {
        TorchReference ref = new TorchReference(resource);
        try (InputStream in = Objects.requireNonNull(TorchReference.class.getResourceAsStream(resource), resource + ": not found");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                int[] shape = cells[1].isEmpty() ? new int[0] : Arrays.stream(cells[1].split(",")).mapToInt(Integer::parseInt).toArray();
                double[] data = cells[2].isEmpty() ? new double[0] : Arrays.stream(cells[2].split(" ")).mapToDouble(TorchReference::parse).toArray();
                ref.shapes.put(cells[0], shape);
                ref.values.put(cells[0], data);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ref;
    }

    private static double parse(String v) {
        return switch (v) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> Double.parseDouble(v);
        };
    }

    /** Tensor {@code name} in float64. */
    public Tensor f64(String name) {
        return Tensor.of(raw(name), shapes.get(name));
    }

    /** Tensor {@code name} in float32 (its values were float32 in PyTorch, so exactly). */
    public Tensor f32(String name) {
        double[] v = raw(name);
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return Tensor.of(f, shapes.get(name));
    }

    /** Tensor {@code name} in {@code dtype}. */
    public Tensor get(String name, DType dtype) {
        return dtype == DType.FLOAT32 ? f32(name) : f64(name);
    }

    private double[] raw(String name) {
        double[] v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException(resource + ": no tensor '" + name + "'; it has " + values.keySet());
        }
        return v;
    }

    /**
     * Fails unless {@code actual} has {@code name}'s shape and type {@code dtype} and each value is
     * within {@code atol + rtol |expected|} of PyTorch's.
     */
    public void assertClose(String name, Tensor actual, double atol, double rtol) {
        double[] expected = raw(name);
        if (!Arrays.equals(shapes.get(name), actual.shape().toArray())) {
            throw new AssertionError(name + ": PyTorch's shape " + Arrays.toString(shapes.get(name)) + ", ours " + actual.shape());
        }
        double[] got = actual.doubles();
        for (int i = 0; i < got.length; i++) {
            boolean same = Double.compare(expected[i], got[i]) == 0
                    || Math.abs(expected[i] - got[i]) <= atol + rtol * Math.abs(expected[i]);
            if (!same) {
                throw new AssertionError(name + " at " + i + ": PyTorch " + expected[i] + ", ours " + got[i]
                        + " (allowed " + atol + " + " + rtol + " * |expected|)");
            }
        }
    }
}
