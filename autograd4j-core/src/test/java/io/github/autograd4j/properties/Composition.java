package io.github.autograd4j.properties;

import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A random program for the property tests: two input tensors of shapes that broadcast against
 * each other (rank 2 to 4 in most tries, sizes 1 to 3, see {@link ShapeArbitraries#broadcastPair()})
 * and 2 to 6 steps, each an operation on the running tensor (which
 * starts as input 0), some with an input as second operand. Every step is smooth where it is
 * used: poles are avoided by construction (a division is by {@code 1 + b^2}, a logarithm and a
 * square root are taken of {@code 1 + x^2}, a power's base is a sigmoid), and the steps with a kink
 * (relu, leaky relu, abs, elu, clamp, where, maximum, minimum, max over a dim at ties, the norm at
 * 0, and prod, whose second derivative is inexact at repeated zeros) report how close their
 * operands came to it, so that a property can discard cases within 1e-3 of one.
 *
 * @param shapes the inputs' shapes
 * @param values the inputs' elements: input {@code i} takes its first elements from
 *               {@code values[i * MAX_NUMEL ...]}
 * @param steps  the operations, in order
 */
record Composition(List<Shape> shapes, List<Double> values, List<Step> steps) {

    /** The largest element count of an input or of a step's result (3^4). */
    static final int MAX_NUMEL = 81;

    /** One operation and the small number that picks its dim, operand and keepDim. */
    record Step(Op op, int arg) {
        @Override
        public String toString() {
            return op + "(" + arg + ")";
        }
    }

    /**
     * Random compositions: two inputs of shapes that broadcast together
     * ({@link ShapeArbitraries#broadcastPair()}), elements in [-1.5, 1.5], and 2 to 6 steps. Every
     * part shrinks (shapes to rank 0, elements to 0, steps to fewer and to earlier ops).
     */
    static Arbitrary<Composition> arbitrary() {
        Arbitrary<List<Double>> values = Arbitraries.doubles().between(-1.5, 1.5).ofScale(4)
                .list().ofSize(2 * MAX_NUMEL);
        Arbitrary<List<Step>> steps = Combinators.combine(Arbitraries.of(Op.class), Arbitraries.integers().between(0, 7))
                .as(Step::new).list().ofMinSize(2).ofMaxSize(6);
        return Combinators.combine(ShapeArbitraries.broadcastPair(), values, steps).as(Composition::new);
    }

    /** The inputs as fresh leaves that require grad. */
    Tensor[] inputs() {
        Tensor[] inputs = new Tensor[shapes.size()];
        for (int i = 0; i < inputs.length; i++) {
            double[] data = new double[shapes.get(i).numel()];
            for (int e = 0; e < data.length; e++) {
                data[e] = values.get(i * MAX_NUMEL + e);
            }
            inputs[i] = Tensor.of(data, shapes.get(i).toArray()).requiresGrad(true);
        }
        return inputs;
    }

    /** Runs the steps on {@code inputs}, telling {@code probe} about kinks and magnitudes. */
    Tensor run(Tensor[] inputs, Probe probe) {
        Tensor cur = inputs[0];
        for (Step s : steps) {
            cur = s.op.apply(cur, inputs[s.arg % inputs.length], s.arg, probe);
            probe.result(cur);
        }
        return cur;
    }

    /** Shapes, steps and the elements actually used: what a shrunk failing case shows. */
    @Override
    public String toString() {
        Tensor[] in = inputs();
        String inputs = Arrays.stream(in).map(t -> t.shape() + " " + Arrays.toString(t.toArray()))
                .collect(Collectors.joining(", "));
        return "Composition[inputs " + inputs + "; steps " + steps + "]";
    }

    /** Watches a forward run: the closest approach to a kink, and the largest magnitude. */
    static class Probe {
        /** A probe that ignores everything, for runs inside a gradient check. */
        static final Probe OFF = new Probe() {
            @Override
            void kink(Tensor distance) {
            }

            @Override
            void result(Tensor t) {
            }
        };

        private double nearestKink = Double.POSITIVE_INFINITY;
        private double largest;

        /** Records {@code |distance|}: how far each element is from a kink (0 means on it). */
        void kink(Tensor distance) {
            for (double d : distance.doubles()) {
                nearestKink = Math.min(nearestKink, Math.abs(d));
            }
        }

        void result(Tensor t) {
            for (double v : t.doubles()) {
                largest = Double.isFinite(v) ? Math.max(largest, Math.abs(v)) : Double.POSITIVE_INFINITY;
            }
        }

        /** Away from kinks by more than 1e-3 (a thousand finite-difference steps), and no value beyond 100. */
        boolean acceptable() {
            return nearestKink > 1e-3 && largest <= 100;
        }
    }

    /**
     * The operations. {@code arg} (0 to 7) picks dim {@code arg % rank}, keepDim {@code arg >= 4},
     * and the second operand {@code inputs[arg % 2]}; an operation that cannot apply to the running
     * tensor's rank (a transpose of a vector) or would exceed {@link #MAX_NUMEL} leaves it as it is.
     */
    enum Op {
        ADD {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) { return x.add(fit(x, other)); }
        },
        SUB {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) { return x.sub(fit(x, other)); }
        },
        MUL {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) { return x.mul(fit(x, other)); }
        },
        /** {@code x / (1 + b^2)}. */
        DIV {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) {
                Tensor b = fit(x, other);
                return x.div(b.mul(b).add(1));
            }
        },
        /** {@code sigmoid(x) ^ b}. */
        POW {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) { return x.sigmoid().pow(fit(x, other)); }
        },
        MAXIMUM {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) {
                Tensor b = fit(x, other);
                p.kink(x.sub(b));
                return x.maximum(b);
            }
        },
        TANH {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) { return x.tanh(); }
        },
        SIGMOID {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) { return x.sigmoid(); }
        },
        SIN {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) { return x.sin(); }
        },
        COS {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) { return x.cos(); }
        },
        EXP {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) { return x.exp(); }
        },
        SOFTPLUS {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) { return x.softplus(); }
        },
        GELU {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) { return x.gelu(); }
        },
        SQUARE {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) { return x.pow(2.0); }
        },
        /** {@code log(1 + x^2)}. */
        LOG {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) { return x.mul(x).add(1).log(); }
        },
        /** {@code sqrt(1 + x^2)}. */
        SQRT {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) { return x.mul(x).add(1).sqrt(); }
        },
        RELU {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) {
                p.kink(x);
                return x.relu();
            }
        },
        ABS {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) {
                p.kink(x);
                return x.abs();
            }
        },
        /** ELU is once differentiable at 0, not twice. */
        ELU {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) {
                p.kink(x);
                return x.elu();
            }
        },
        SUM {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) {
                return x.dim() == 0 ? x.sum() : x.sum(dim(x, arg), arg >= 4);
            }
        },
        MEAN {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) {
                return x.dim() == 0 ? x.mean() : x.mean(dim(x, arg), arg >= 4);
            }
        },
        /** Its second derivative is exact except with two zeros in a slice, so zeros count as kinks. */
        PROD {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) {
                p.kink(x);
                return x.dim() == 0 ? x.prod() : x.prod(dim(x, arg), arg >= 4);
            }
        },
        /** The population variance (correction 0), defined for one element too. */
        VAR {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) {
                return x.var(x.dim() == 0 ? null : new int[] {dim(x, arg)}, 0, arg >= 4);
            }
        },
        LOGSUMEXP {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) {
                return x.dim() == 0 ? x.logSumExp() : x.logSumExp(dim(x, arg), arg >= 4);
            }
        },
        SOFTMAX {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) { return x.dim() == 0 ? x : x.softmax(dim(x, arg)); }
        },
        LOG_SOFTMAX {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) { return x.dim() == 0 ? x : x.logSoftmax(dim(x, arg)); }
        },
        TRANSPOSE {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) {
                return x.dim() < 2 ? x : x.transpose(dim(x, arg), dim(x, arg + 1));
            }
        },
        /** Reverses the dims. */
        PERMUTE {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) {
                int[] order = new int[x.dim()];
                for (int d = 0; d < order.length; d++) {
                    order[d] = order.length - 1 - d;
                }
                return x.dim() < 2 ? x : x.permute(order);
            }
        },
        UNSQUEEZE {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) { return x.dim() >= 4 ? x : x.unsqueeze(arg % (x.dim() + 1)); }
        },
        FLATTEN {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) { return x.flatten(); }
        },
        /** Broadcasts every size-1 dim (or a scalar) to size 2. */
        EXPAND {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) {
                if (x.dim() == 0) {
                    return x.broadcastTo(Shape.of(2));
                }
                int[] dims = x.shape().toArray();
                for (int d = 0; d < dims.length; d++) {
                    dims[d] = dims[d] == 1 ? 2 : dims[d];
                }
                Shape target = Shape.of(dims);
                return target.numel() > MAX_NUMEL ? x : x.broadcastTo(target);
            }
        },
        SELECT {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) {
                return x.dim() == 0 ? x : x.select(dim(x, arg), arg % x.size(dim(x, arg)));
            }
        },
        /** Every other element along a dim, from the first or (when there is one) the second: a strided slice. */
        SLICE {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) {
                if (x.dim() == 0) {
                    return x;
                }
                int d = dim(x, arg);
                return x.slice(d, x.size(d) > 1 ? arg % 2 : 0, x.size(d), 2);
            }
        },
        /** The last slice and then the first along a dim, repeated once: gradients must add up. */
        INDEX_SELECT {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) {
                if (x.dim() == 0) {
                    return x;
                }
                int d = dim(x, arg);
                int last = x.size(d) - 1;
                return 3 * x.numel() / x.size(d) > MAX_NUMEL ? x : x.indexSelect(d, last, 0, last);
            }
        },
        /** {@code cat(x, x / 2)} along a dim; {@code stack} for a scalar. */
        CAT {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) {
                if (2 * x.numel() > MAX_NUMEL) {
                    return x;
                }
                return x.dim() == 0 ? Tensor.stack(0, x, x.mul(0.5)) : Tensor.cat(dim(x, arg), x, x.mul(0.5));
            }
        },
        MINIMUM {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) {
                Tensor b = fit(x, other);
                p.kink(x.sub(b));
                return x.minimum(b);
            }
        },
        /** {@code log1p(x^2)}. */
        LOG1P {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) { return x.mul(x).log1p(); }
        },
        EXPM1 {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) { return x.expm1(); }
        },
        /** {@code 1 / sqrt(1 + x^2)}. */
        RSQRT {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) { return x.mul(x).add(1).rsqrt(); }
        },
        LEAKY_RELU {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) {
                p.kink(x);
                return x.leakyRelu(0.1);
            }
        },
        /** Clamped to [-0.5, 0.5]: kinks at both ends. */
        CLAMP {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) {
                p.kink(x.sub(0.5));
                p.kink(x.add(0.5));
                return x.clamp(-0.5, 0.5);
            }
        },
        /** {@code x} where {@code x > 0}, else {@code x * b}: a kink at 0. */
        WHERE {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) {
                p.kink(x);
                return Tensor.where(x.gt(0), x, x.mul(fit(x, other)));
            }
        },
        /** The 2-norm over a dim (of everything for a scalar), singular where it is 0. */
        NORM {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) {
                Tensor norm = x.dim() == 0 ? x.norm() : x.norm(2.0, dim(x, arg), arg >= 4);
                p.kink(norm);
                return norm;
            }
        },
        /** The largest over a dim; elements within 1e-3 of each other count as a kink (a tie), copies included. */
        MAX {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) {
                Tensor v = x.flatten();
                p.kink(v.unsqueeze(1).sub(v.unsqueeze(0)).abs().add(Tensor.eye(v.numel())));
                return x.dim() == 0 ? x.max() : x.max(dim(x, arg), arg >= 4);
            }
        },
        /** {@code stack(x, x^2)} along a dim. */
        STACK {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) {
                return 2 * x.numel() > MAX_NUMEL || x.dim() >= 4 ? x : Tensor.stack(arg % (x.dim() + 1), x, x.mul(x));
            }
        },
        /** Splits along a dim into two chunks and puts the second first. */
        CHUNK_SWAP {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) {
                if (x.dim() == 0 || x.size(dim(x, arg)) < 2) {
                    return x;
                }
                List<Tensor> parts = x.chunk(2, dim(x, arg));
                return Tensor.cat(dim(x, arg), parts.get(1), parts.get(0));
            }
        },
        /** {@code gather} along a dim with the index reversed, so every element moves. */
        GATHER_REVERSED {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) {
                if (x.dim() == 0) {
                    return x;
                }
                int d = dim(x, arg);
                int size = x.size(d);
                int inner = 1;
                for (int k = d + 1; k < x.dim(); k++) {
                    inner *= x.size(k);
                }
                double[] index = new double[x.numel()];
                for (int i = 0; i < index.length; i++) {
                    index[i] = size - 1 - (i / inner) % size;
                }
                return x.gather(d, Tensor.of(index, x.shape().toArray()));
            }
        },
        /** The inverse of {@code x x^T + I} (positive definite, so never singular) on the last two dims. */
        INV {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) { return x.dim() < 2 ? x : spd(x).inv(); }
        },
        /** {@code log det(x x^T + I)}. */
        LOG_DET {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) { return x.dim() < 2 ? x : spd(x).logDet(); }
        },
        /** The Cholesky factor of {@code x x^T + I}. */
        CHOLESKY {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) { return x.dim() < 2 ? x : spd(x).cholesky(); }
        },
        /** {@code (x x^T + I)^-1 x}, by solve. */
        SOLVE {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) { return x.dim() < 2 ? x : Tensor.solve(spd(x), x); }
        },
        /** {@code x @ x^T} on the last two dims; the dot product of a vector with itself; {@code x * x} for a scalar. */
        MATMUL {
            Tensor apply(Tensor x, Tensor other, int arg, Probe p) {
                if (x.dim() == 0) {
                    return x.mul(x);
                }
                return x.dim() == 1 ? x.matmul(x) : x.matmul(x.mT());
            }
        };

        abstract Tensor apply(Tensor x, Tensor other, int arg, Probe p);

        /**
         * {@code other} when it broadcasts with {@code x} to at most {@link #MAX_NUMEL} elements,
         * else its mean (a scalar, which always does).
         */
        static Tensor fit(Tensor x, Tensor other) {
            int rank = Math.max(x.dim(), other.dim());
            long numel = 1;
            for (int i = 1; i <= rank; i++) {
                int a = i <= x.dim() ? x.size(-i) : 1;
                int b = i <= other.dim() ? other.size(-i) : 1;
                if (a != b && a != 1 && b != 1) {
                    return other.mean();
                }
                numel *= Math.max(a, b);
            }
            return numel > MAX_NUMEL ? other.mean() : other;
        }

        /** {@code x x^T + I} on the last two dims: symmetric positive definite. */
        static Tensor spd(Tensor x) {
            return x.matmul(x.mT()).add(Tensor.eye(x.size(-2)).to(x.dtype()));
        }

        static int dim(Tensor x, int arg) {
            return arg % x.dim();
        }
    }
}
