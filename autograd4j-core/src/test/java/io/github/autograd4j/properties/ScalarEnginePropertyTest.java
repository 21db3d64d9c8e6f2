package io.github.autograd4j.properties;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.Tensor;
import io.github.autograd4j.Value;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/**
 * The scalar engine ({@link Value}, its own derivative table) and the tensor engine on rank-0
 * tensors agree on random programs: the same value, NaN where one gives NaN (a logarithm of a
 * negative, say), to rounding; and the same gradients, NaN or infinite ones included. A
 * constant exponent of 0 is left out: there the tensor engine's gradient is 0 whatever comes
 * from above (as PyTorch's), the scalar engine's the upstream gradient times 0, which is NaN for
 * an infinite or NaN one.
 */
class ScalarEnginePropertyTest {

    /** An operation on the running value, with an operand (x or y) and a constant picked by {@code arg}. */
    record Step(Op op, int arg) {
        @Override
        public String toString() {
            return op + "(" + arg + ")";
        }
    }

    /** Constant operands; the last, 0, is not used as an exponent (see the class comment). */
    private static final double[] CONSTANTS = {2.0, -1.0, 0.5, 3.0, 0.0};

    @Property(seed = PropertySeed.CI)
    void valueAndTensorEnginesAgree(@ForAll @DoubleRange(min = -2, max = 2) double x,
                                    @ForAll @DoubleRange(min = -2, max = 2) double y,
                                    @ForAll("programs") List<Step> steps) {
        Value[] v = {Value.of(x), Value.of(y)};
        Tensor[] t = {Tensor.scalar(x).requiresGrad(true), Tensor.scalar(y).requiresGrad(true)};
        Value vOut = v[0];
        Tensor tOut = t[0];
        for (Step s : steps) {
            double c = CONSTANTS[s.arg % (s.op == Op.POW_CONSTANT ? CONSTANTS.length - 1 : CONSTANTS.length)];
            vOut = s.op.apply(vOut, v[s.arg % 2], c);
            tOut = s.op.apply(tOut, t[s.arg % 2], c);
        }
        assertSame("value", tOut.item(), vOut.data());
        if (tOut.requiresGrad()) {
            vOut.backward();
            tOut.backward();
            for (int i = 0; i < 2; i++) {
                assertSame("gradient of input " + i, t[i].grad() == null ? 0.0 : t[i].grad().item(), v[i].grad());
            }
        }
    }

    /** 1 to 6 steps. */
    @Provide
    Arbitrary<List<Step>> programs() {
        return Combinators.combine(Arbitraries.of(Op.class), Arbitraries.integers().between(0, 9))
                .as(Step::new).list().ofMinSize(1).ofMaxSize(6);
    }

    /** Equal to rounding (relative 1e-9), or both NaN, or the same infinity. */
    private static void assertSame(String what, double tensor, double value) {
        boolean same = Double.isNaN(tensor) ? Double.isNaN(value)
                : tensor == value || Math.abs(tensor - value) <= 1e-9 * Math.max(1e-3, Math.abs(tensor));
        assertTrue(same, what + ": tensor engine " + tensor + ", scalar engine " + value);
    }

    /** Each operation on both engines. */
    enum Op {
        ADD {
            Value apply(Value a, Value b, double c) { return a.add(b); }
            Tensor apply(Tensor a, Tensor b, double c) { return a.add(b); }
        },
        SUB {
            Value apply(Value a, Value b, double c) { return a.sub(b); }
            Tensor apply(Tensor a, Tensor b, double c) { return a.sub(b); }
        },
        MUL {
            Value apply(Value a, Value b, double c) { return a.mul(b); }
            Tensor apply(Tensor a, Tensor b, double c) { return a.mul(b); }
        },
        DIV {
            Value apply(Value a, Value b, double c) { return a.div(b); }
            Tensor apply(Tensor a, Tensor b, double c) { return a.div(b); }
        },
        POW {
            Value apply(Value a, Value b, double c) { return a.pow(b); }
            Tensor apply(Tensor a, Tensor b, double c) { return a.pow(b); }
        },
        POW_CONSTANT {
            Value apply(Value a, Value b, double c) { return a.pow(c); }
            Tensor apply(Tensor a, Tensor b, double c) { return a.pow(c); }
        },
        MUL_CONSTANT {
            Value apply(Value a, Value b, double c) { return a.mul(c); }
            Tensor apply(Tensor a, Tensor b, double c) { return a.mul(c); }
        },
        NEG {
            Value apply(Value a, Value b, double c) { return a.neg(); }
            Tensor apply(Tensor a, Tensor b, double c) { return a.neg(); }
        },
        EXP {
            Value apply(Value a, Value b, double c) { return a.exp(); }
            Tensor apply(Tensor a, Tensor b, double c) { return a.exp(); }
        },
        LOG {
            Value apply(Value a, Value b, double c) { return a.log(); }
            Tensor apply(Tensor a, Tensor b, double c) { return a.log(); }
        },
        SQRT {
            Value apply(Value a, Value b, double c) { return a.sqrt(); }
            Tensor apply(Tensor a, Tensor b, double c) { return a.sqrt(); }
        },
        TANH {
            Value apply(Value a, Value b, double c) { return a.tanh(); }
            Tensor apply(Tensor a, Tensor b, double c) { return a.tanh(); }
        },
        SIGMOID {
            Value apply(Value a, Value b, double c) { return a.sigmoid(); }
            Tensor apply(Tensor a, Tensor b, double c) { return a.sigmoid(); }
        },
        RELU {
            Value apply(Value a, Value b, double c) { return a.relu(); }
            Tensor apply(Tensor a, Tensor b, double c) { return a.relu(); }
        },
        ABS {
            Value apply(Value a, Value b, double c) { return a.abs(); }
            Tensor apply(Tensor a, Tensor b, double c) { return a.abs(); }
        },
        SIN {
            Value apply(Value a, Value b, double c) { return a.sin(); }
            Tensor apply(Tensor a, Tensor b, double c) { return a.sin(); }
        },
        COS {
            Value apply(Value a, Value b, double c) { return a.cos(); }
            Tensor apply(Tensor a, Tensor b, double c) { return a.cos(); }
        };

        abstract Value apply(Value a, Value b, double c);

        abstract Tensor apply(Tensor a, Tensor b, double c);
    }
}
