package io.github.autograd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;

/**
 * The tensor half of {@link GradCheck}: full-Jacobian and random-projection (fast) comparisons,
 * and second order by checking the recorded vector-Jacobian product as a function in its own right.
 */
final class TensorGradCheck {

    private final Function<Tensor[], Tensor> f;
    private final Tensor[] inputs;
    private final boolean[] checked;
    private final boolean fast;
    private final boolean secondOrder;
    private final long seed;

    TensorGradCheck(Function<Tensor[], Tensor> f, Tensor[] inputs, boolean fast, boolean secondOrder, long seed) {
        this.f = Objects.requireNonNull(f, "gradcheck: function is null");
        Objects.requireNonNull(inputs, "gradcheck: inputs are null");
        if (inputs.length == 0) {
            throw new IllegalArgumentException("gradcheck: no inputs given; expected at least one tensor to differentiate at");
        }
        this.inputs = new Tensor[inputs.length];
        this.checked = new boolean[inputs.length];
        boolean any = false;
        for (int i = 0; i < inputs.length; i++) {
            this.inputs[i] = Objects.requireNonNull(inputs[i], "gradcheck: input " + i + " is null");
            any |= inputs[i].requiresGrad();
        }
        for (int i = 0; i < inputs.length; i++) {
            checked[i] = !any || inputs[i].requiresGrad();
        }
        this.fast = fast;
        this.secondOrder = secondOrder;
        this.seed = seed;
    }

    private TensorGradCheck(TensorGradCheck from, boolean fast, boolean secondOrder, long seed) {
        this.f = from.f;
        this.inputs = from.inputs;
        this.checked = from.checked;
        this.fast = fast;
        this.secondOrder = secondOrder;
        this.seed = seed;
    }

    TensorGradCheck fast() {
        return new TensorGradCheck(this, true, secondOrder, seed);
    }

    TensorGradCheck secondOrder() {
        return new TensorGradCheck(this, fast, true, seed);
    }

    TensorGradCheck seed(long newSeed) {
        return new TensorGradCheck(this, fast, secondOrder, newSeed);
    }

    GradCheck.Comparison compare(double eps) {
        Random rng = new Random(seed);
        Problem problem = new Problem(f, inputs, checked, names(inputs));
        if (secondOrder) {
            problem = problem.vectorJacobianProduct(rng);
        }
        return fast ? problem.fastComparison(eps, rng) : problem.fullComparison(eps);
    }

    /**
     * How messages name each input: its label, or {@code x0}, {@code x1}, ... for one without a label
     * or with a label another input has too.
     */
    private static String[] names(Tensor[] inputs) {
        String[] names = new String[inputs.length];
        for (int i = 0; i < names.length; i++) {
            String label = inputs[i].label();
            boolean unique = label != null && Arrays.stream(inputs).filter(t -> label.equals(t.label())).count() == 1;
            names[i] = unique ? label : "x" + i;
        }
        return names;
    }

    /** A function of tensors, the inputs it is differentiated at, and which of them are checked. */
    private record Problem(Function<Tensor[], Tensor> f, Tensor[] inputs, boolean[] checked, String[] names) {

        /** Fresh leaves over copies of {@code data}; the checked ones require grad. */
        Tensor[] leaves(double[][] data) {
            Tensor[] leaves = new Tensor[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                leaves[i] = Tensor.of(data[i], inputs[i].shape().toArray()).requiresGrad(checked[i]);
            }
            return leaves;
        }

        double[][] data() {
            double[][] data = new double[inputs.length][];
            for (int i = 0; i < inputs.length; i++) {
                data[i] = inputs[i].toArray();
            }
            return data;
        }

        Tensor apply(Tensor[] leaves) {
            Tensor out = Objects.requireNonNull(f.apply(leaves), "gradcheck: the function returned null");
            if (out.dtype() != DType.FLOAT64) {
                throw new IllegalArgumentException("gradcheck: the function returned a " + out.dtype() + " tensor for float64"
                        + " inputs; checks run in float64, as finite differences in float32 keep few correct digits:"
                        + " let the function compute in its inputs' type (or end it with .to(DType.FLOAT64))");
            }
            return out;
        }

        List<Tensor> checkedOf(Tensor[] leaves) {
            List<Tensor> targets = new ArrayList<>();
            for (int i = 0; i < leaves.length; i++) {
                if (checked[i]) {
                    targets.add(leaves[i]);
                }
            }
            return targets;
        }

        /** Every Jacobian entry d out[k] / d input[e], row by row analytically, column by column numerically. */
        GradCheck.Comparison fullComparison(double eps) {
            double[][] data = data();
            Tensor[] leaves = leaves(data);
            Tensor out = apply(leaves);
            List<Tensor> targets = checkedOf(leaves);
            int rows = out.numel();
            int cols = targets.stream().mapToInt(Tensor::numel).sum();
            double[] analytic = new double[rows * cols];
            if (out.requiresGrad()) {
                for (int k = 0; k < rows; k++) {
                    double[] oneHot = new double[rows];
                    oneHot[k] = 1.0;
                    List<Tensor> grads = Autograd.grad(out, targets, Tensor.of(oneHot, out.shape().toArray()), true, false);
                    int col = 0;
                    for (Tensor g : grads) {
                        System.arraycopy(g.doubles(), 0, analytic, k * cols + col, g.numel());
                        col += g.numel();
                    }
                }
            }
            double[] numeric = new double[rows * cols];
            String[] locations = new String[rows * cols];
            double[] points = new double[rows * cols];
            String[] outputs = new String[rows];
            for (int k = 0; k < rows; k++) {
                outputs[k] = "d" + indexed("out", out.shape(), k) + "/d";
            }
            int col = 0;
            for (int i = 0; i < inputs.length; i++) {
                if (!checked[i]) {
                    continue;
                }
                for (int e = 0; e < data[i].length; e++) {
                    String input = indexed(names[i], inputs[i].shape(), e);
                    double saved = data[i][e];
                    data[i][e] = saved + eps;
                    double[] plus = apply(leaves(data)).toArray();
                    data[i][e] = saved - eps;
                    double[] minus = apply(leaves(data)).toArray();
                    data[i][e] = saved;
                    for (int k = 0; k < rows; k++) {
                        int at = k * cols + col;
                        numeric[at] = (plus[k] - minus[k]) / (2.0 * eps);
                        points[at] = saved;
                        locations[at] = outputs[k] + input;
                    }
                    col++;
                }
            }
            return new GradCheck.Comparison("numeric", locations, points, analytic, numeric);
        }

        /** Per checked input, {@code v^T J u} for random u and v, against a directional central difference. */
        GradCheck.Comparison fastComparison(double eps, Random rng) {
            double[][] data = data();
            Tensor[] leaves = leaves(data);
            Tensor out = apply(leaves);
            Tensor v = Tensor.randn(rng, out.shape().toArray());
            List<Tensor> targets = checkedOf(leaves);
            List<Tensor> grads = out.requiresGrad() ? Autograd.grad(out, targets, v, true, false) : null;
            List<String> locations = new ArrayList<>();
            List<double[]> pairs = new ArrayList<>();
            int t = 0;
            for (int i = 0; i < inputs.length; i++) {
                if (!checked[i]) {
                    continue;
                }
                double[] u = Tensor.randn(rng, inputs[i].shape().toArray()).doubles();
                double analytic = grads == null ? 0.0 : dot(grads.get(t).doubles(), u);
                t++;
                double[] saved = data[i].clone();
                for (int e = 0; e < u.length; e++) {
                    data[i][e] = saved[e] + eps * u[e];
                }
                double plus = dot(apply(leaves(data)).doubles(), v.doubles());
                for (int e = 0; e < u.length; e++) {
                    data[i][e] = saved[e] - eps * u[e];
                }
                double minus = dot(apply(leaves(data)).doubles(), v.doubles());
                data[i] = saved;
                locations.add("v^T J u for " + names[i]);
                pairs.add(new double[] {analytic, (plus - minus) / (2.0 * eps)});
            }
            double[] analytic = pairs.stream().mapToDouble(p -> p[0]).toArray();
            double[] numeric = pairs.stream().mapToDouble(p -> p[1]).toArray();
            return new GradCheck.Comparison("numeric", locations.toArray(String[]::new), null, analytic, numeric);
        }

        /**
         * The problem whose first derivatives are this one's second: {@code (x, v) -> sum_j <w_j,
         * d<f(x), v>/dx_j>} with the inner gradient recorded (createGraph), for random {@code v}
         * (an extra checked input named {@code v}) and fixed random {@code w_j}.
         */
        Problem vectorJacobianProduct(Random rng) {
            Tensor out = apply(leaves(data()));
            Tensor v = Tensor.randn(rng, out.shape().toArray()).requiresGrad(true);
            List<Tensor> weights = new ArrayList<>();
            for (int i = 0; i < inputs.length; i++) {
                if (checked[i]) {
                    weights.add(Tensor.randn(rng, inputs[i].shape().toArray()));
                }
            }
            int n = inputs.length;
            Function<Tensor[], Tensor> vjp = ts -> {
                Tensor[] xs = Arrays.copyOf(ts, n);
                Tensor y = apply(xs);
                Tensor projected = y.mul(ts[n]).sum();
                if (!projected.requiresGrad()) {
                    return Tensor.scalar(0.0);
                }
                List<Tensor> grads = Autograd.grad(projected, checkedOf(xs), null, true, true);
                Tensor total = Tensor.scalar(0.0);
                for (int j = 0; j < grads.size(); j++) {
                    total = total.add(grads.get(j).mul(weights.get(j)).sum());
                }
                return total;
            };
            Tensor[] extended = Arrays.copyOf(inputs, n + 1);
            extended[n] = v;
            boolean[] extendedChecked = Arrays.copyOf(checked, n + 1);
            extendedChecked[n] = true;
            String[] extendedNames = Arrays.copyOf(names, n + 1);
            extendedNames[n] = "v";
            return new Problem(vjp, extended, extendedChecked, extendedNames);
        }

        private static double dot(double[] a, double[] b) {
            double s = 0.0;
            for (int i = 0; i < a.length; i++) {
                s += a[i] * b[i];
            }
            return s;
        }

        /** {@code x0[1, 2]}, or just {@code x0} for a one-element tensor. */
        private static String indexed(String name, Shape shape, int flat) {
            if (shape.numel() == 1) {
                return name;
            }
            int[] dims = shape.toArray();
            int[] index = new int[dims.length];
            for (int d = dims.length - 1; d >= 0; d--) {
                index[d] = flat % dims[d];
                flat /= dims[d];
            }
            return name + Arrays.toString(index);
        }
    }
}
