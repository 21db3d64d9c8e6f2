package io.github.autograd4j;

import java.util.Locale;

/** Prints tensors as PyTorch does: nested brackets, aligned values, elided when large, the type when not the default. */
final class TensorFormat {

    /** Above this many elements, each dim shows its first and last {@link #EDGE} entries only. */
    private static final int THRESHOLD = 1000;
    private static final int EDGE = 3;
    /** Up to this many elements, a summary lists them all. */
    private static final int SUMMARY_ELEMENTS = 6;

    private TensorFormat() {
    }

    static String format(Tensor t) {
        double[] data = t.doubles();
        boolean elide = data.length > THRESHOLD;
        boolean integral = true;
        double largest = 0.0;
        for (double v : data) {
            integral &= v == Math.rint(v) || !Double.isFinite(v);
            if (Double.isFinite(v)) {
                largest = Math.max(largest, Math.abs(v));
            }
        }
        boolean scientific = largest >= 1e8 || (largest > 0 && largest < 1e-4);
        String pattern = integral && !scientific ? "%.0f." : scientific ? "%.4e" : "%.4f";
        int width = 0;
        for (double v : data) {
            width = Math.max(width, number(pattern, v).length());
        }
        StringBuilder out = new StringBuilder("tensor(");
        int[] dims = t.shape().toArray();
        appendDim(out, data, dims, 0, 0, pattern, width, elide, "tensor(".length());
        if (t.dtype() != DType.FLOAT64) {
            out.append(", dtype=").append(t.dtype().name().toLowerCase(Locale.ROOT)); // float64 is the default, unnamed
        }
        if (t.requiresGrad()) {
            out.append(t.isLeaf() ? ", requires_grad=True" : ", op=" + t.opName());
        }
        if (t.label() != null) {
            out.append(", label=").append(t.label());
        }
        return out.append(')').toString();
    }

    private static void appendDim(StringBuilder out, double[] data, int[] dims, int dim, int offset,
                                  String pattern, int width, boolean elide, int indent) {
        if (dim == dims.length) {
            String s = number(pattern, data[offset]);
            out.append(" ".repeat(width - s.length())).append(s);
            return;
        }
        int size = dims[dim];
        int stride = 1;
        for (int d = dim + 1; d < dims.length; d++) {
            stride *= dims[d];
        }
        out.append('[');
        for (int i = 0; i < size; i++) {
            if (elide && size > 2 * EDGE && i == EDGE) {
                out.append(dim == dims.length - 1 ? "..., " : "...,\n" + " ".repeat(indent + dim + 1));
                i = size - EDGE;
            }
            appendDim(out, data, dims, dim + 1, offset + i * stride, pattern, width, elide, indent);
            if (i < size - 1) {
                out.append(dim == dims.length - 1 ? ", " : "," + "\n".repeat(dims.length - dim - 1)
                        + " ".repeat(indent + dim + 1));
            }
        }
        out.append(']');
    }

    /**
     * One line: {@code [1.5, -2]} for up to {@link #SUMMARY_ELEMENTS} elements, else
     * {@code (100, 10) min -2.1 mean 0.013 max 2.4}.
     */
    static String summary(double[] data, Shape shape) {
        if (shape.rank() == 0) {
            return Numbers.format(data[0]);
        }
        if (data.length <= SUMMARY_ELEMENTS) {
            StringBuilder s = new StringBuilder("[");
            for (int i = 0; i < data.length; i++) {
                s.append(i == 0 ? "" : ", ").append(Numbers.format(data[i]));
            }
            return s.append(']').toString();
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0.0;
        for (double v : data) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
        }
        return shape + " min " + Numbers.format(min) + " mean " + Numbers.format(sum / data.length) + " max " + Numbers.format(max);
    }

    private static String number(String pattern, double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, pattern, v);
    }
}
