package io.github.autograd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every scalar operation: forward against {@link Math}, gradient against central differences. */
class ValueOpsTest {

    static Stream<Arguments> unaryOps() {
        return Stream.of(
                Arguments.of("neg", (Function<Value, Value>) Value::neg, (Function<Double, Double>) a -> -a, 0.7),
                Arguments.of("exp", (Function<Value, Value>) Value::exp, (Function<Double, Double>) Math::exp, 0.7),
                Arguments.of("log", (Function<Value, Value>) Value::log, (Function<Double, Double>) Math::log, 1.7),
                Arguments.of("sqrt", (Function<Value, Value>) Value::sqrt, (Function<Double, Double>) Math::sqrt, 2.3),
                Arguments.of("tanh", (Function<Value, Value>) Value::tanh, (Function<Double, Double>) Math::tanh, -0.4),
                Arguments.of("sigmoid", (Function<Value, Value>) Value::sigmoid,
                        (Function<Double, Double>) a -> 1 / (1 + Math.exp(-a)), 0.3),
                Arguments.of("relu", (Function<Value, Value>) Value::relu, (Function<Double, Double>) a -> Math.max(a, 0), 0.9),
                Arguments.of("relu", (Function<Value, Value>) Value::relu, (Function<Double, Double>) a -> Math.max(a, 0), -0.9),
                Arguments.of("abs", (Function<Value, Value>) Value::abs, (Function<Double, Double>) Math::abs, -1.1),
                Arguments.of("sin", (Function<Value, Value>) Value::sin, (Function<Double, Double>) Math::sin, 0.5),
                Arguments.of("cos", (Function<Value, Value>) Value::cos, (Function<Double, Double>) Math::cos, 0.5),
                Arguments.of("pow", (Function<Value, Value>) v -> v.pow(3.0), (Function<Double, Double>) a -> Math.pow(a, 3.0), -1.3),
                Arguments.of("pow", (Function<Value, Value>) v -> v.pow(-0.5), (Function<Double, Double>) a -> Math.pow(a, -0.5), 1.3),
                Arguments.of("add", (Function<Value, Value>) v -> v.add(2.5), (Function<Double, Double>) a -> a + 2.5, 0.1),
                Arguments.of("sub", (Function<Value, Value>) v -> v.sub(2.5), (Function<Double, Double>) a -> a - 2.5, 0.1),
                Arguments.of("mul", (Function<Value, Value>) v -> v.mul(-3.0), (Function<Double, Double>) a -> a * -3.0, 0.1),
                Arguments.of("div", (Function<Value, Value>) v -> v.div(4.0), (Function<Double, Double>) a -> a / 4.0, 0.1));
    }

    @ParameterizedTest(name = "{0} at {3}")
    @MethodSource("unaryOps")
    void unaryForwardAndGradient(String name, Function<Value, Value> op, Function<Double, Double> reference, double x) {
        Value out = op.apply(Value.of(x));
        assertEquals(reference.apply(x), out.data(), 0.0);
        assertEquals(name, out.opName());
        GradCheck.ofValues(v -> op.apply(v[0]), x).assertPassed();
    }

    static Stream<Arguments> binaryOps() {
        return Stream.of(
                Arguments.of("add", (BinaryOp) Value::add, 1.5, -0.25, 1.25),
                Arguments.of("sub", (BinaryOp) Value::sub, 1.5, -0.25, 1.75),
                Arguments.of("mul", (BinaryOp) Value::mul, 1.5, -0.25, -0.375),
                Arguments.of("div", (BinaryOp) Value::div, 1.5, -0.25, -6.0),
                Arguments.of("pow", (BinaryOp) Value::pow, 1.5, 2.0, 2.25),
                Arguments.of("pow", (BinaryOp) Value::pow, 2.0, -0.5, Math.pow(2.0, -0.5)));
    }

    interface BinaryOp {
        Value apply(Value a, Value b);
    }

    @ParameterizedTest(name = "{0}({2}, {3})")
    @MethodSource("binaryOps")
    void binaryForwardAndGradient(String name, BinaryOp op, double a, double b, double expected) {
        assertEquals(expected, op.apply(Value.of(a), Value.of(b)).data(), 1e-15);
        GradCheck.ofValues(v -> op.apply(v[0], v[1]), a, b).assertPassed();
    }

    @Test
    void aNodeUsedTwiceReceivesBothContributions() {
        Value x = Value.of(3.0);
        Value y = x.mul(x).add(x);   // 2x + 1 = 7
        y.backward();
        assertEquals(7.0, x.grad(), 0.0);
    }

    @Test
    void derivativesAtKinksFollowPyTorch() {
        assertEquals(0.0, gradAt(Value::relu, 0.0), 0.0);
        assertEquals(0.0, gradAt(Value::abs, 0.0), 0.0);
        assertEquals(0.0, gradAt(v -> v.pow(0.0), 0.0), 0.0);
        assertEquals(0.0, gradAt(v -> v.pow(0.0), 5.0), 0.0);
        // d(a^b)/db at a = 0, b >= 0 is 0 (not 0 * log 0 = NaN), as PyTorch masks it
        Value a = Value.of(0.0);
        Value b = Value.of(2.0);
        a.pow(b).backward();
        assertEquals(0.0, b.grad(), 0.0);
        assertEquals(0.0, a.grad(), 0.0);
    }

    @Test
    void outOfDomainGivesWhatMathGives() {
        assertTrue(Double.isNaN(Value.of(-1.0).log().data()));
        assertTrue(Double.isNaN(Value.of(-1.0).sqrt().data()));
        assertTrue(Double.isNaN(Value.of(-8.0).pow(1.0 / 3.0).data()));
        assertEquals(Double.NEGATIVE_INFINITY, Value.of(0.0).log().data());
        assertEquals(Double.POSITIVE_INFINITY, Value.of(1000.0).exp().data());
        assertEquals(1.0, Value.of(1000.0).sigmoid().data());
        assertEquals(0.0, Value.of(-1000.0).sigmoid().data());
        assertTrue(Double.isNaN(Value.of(Double.NaN).tanh().data()));
        assertEquals(Double.POSITIVE_INFINITY, gradAt(Value::log, 0.0));
    }

    @Test
    void reluPassesNaNOnAsMathMaxAndTheTensorEngineDo() {
        // found by ScalarEnginePropertyTest: relu((-0.01)^(-0.01)) was 0 here and NaN for a tensor
        assertTrue(Double.isNaN(Value.of(Double.NaN).relu().data()));
        assertTrue(Double.isNaN(Value.of(-1.0).log().relu().data()));
        assertEquals(0.0, Value.of(-2.0).relu().data(), 0.0);
    }

    @Test
    void aNullOperandNamesTheOperation() {
        Value x = Value.of(1.0);
        NullPointerException e = assertThrows(NullPointerException.class, () -> x.mul(null));
        assertEquals("mul: operand is null", e.getMessage());
        assertEquals("pow: operand is null", assertThrows(NullPointerException.class, () -> x.pow((Value) null)).getMessage());
    }

    @Test
    void constantsTakeNoGradientAndNeedNoNode() {
        Value c = Value.constant(2.0);
        Value x = Value.of(3.0);
        Value y = x.mul(c).add(c.mul(c));
        y.backward();
        assertEquals(2.0, x.grad(), 0.0);
        assertEquals(0.0, c.grad(), 0.0);
        Value onlyConstants = c.exp();
        assertTrue(onlyConstants.isLeaf());
        IllegalStateException e = assertThrows(IllegalStateException.class, onlyConstants::backward);
        assertTrue(e.getMessage().startsWith("backward: Value(data=7.3890561"), e.getMessage());
    }

    @Test
    void theGraphIsInspectable() {
        Value a = Value.of(2.0, "a");
        Value b = Value.of(-3.0, "b");
        Value c = a.mul(b).label("c");
        Value d = c.pow(2.0);
        assertEquals("mul", c.opName());
        assertEquals(2, c.inputCount());
        assertEquals(a, c.input(0));
        assertEquals(b, c.input(1));
        assertEquals(1, d.inputCount());
        assertEquals(2.0, d.constantOperand());
        assertTrue(Double.isNaN(c.constantOperand()));
        assertThrows(IndexOutOfBoundsException.class, () -> d.input(1));
        assertEquals("leaf", a.opName());
        assertEquals(0, a.inputCount());
        assertEquals("Value(data=-6, grad=0, label=c)", c.toString());
        d.backward();
        assertEquals("Value(data=-6, grad=-12, label=c)", c.toString());
        assertEquals("Value(data=36, grad=1)", d.toString());
    }

    @Test
    void onlyALeafsDataCanBeSet() {
        Value a = Value.of(2.0);
        a.setData(5.0);
        assertEquals(5.0, a.data());
        Value b = a.exp();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.setData(1.0));
        assertTrue(e.getMessage().contains("was made by exp"), e.getMessage());
        assertEquals(Math.exp(5.0), b.data());
    }

    private static double gradAt(Function<Value, Value> op, double x) {
        Value v = Value.of(x);
        op.apply(v).backward();
        return v.grad();
    }
}
