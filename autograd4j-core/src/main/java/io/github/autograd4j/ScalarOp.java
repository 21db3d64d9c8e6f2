package io.github.autograd4j;

import io.github.autograd4j.kernel.ScalarFunctions;
import io.github.autograd4j.ops.Derivatives;

/**
 * The derivative table of the scalar engine: each operation's forward value ({@link #apply}) and
 * its local partial derivatives ({@link #partial}), listed in the same order in both. {@code a} is
 * the first operand; {@code b} the second operand's value or the constant of a {@code double}
 * overload; {@code out} the forward result.
 *
 * <p>{@link #partial} is the fast first-order path of {@link Value#backward()}; {@link #contribution}
 * runs the rules of {@link Derivatives} on values, for gradients of gradients, and the tensor
 * engine runs the same rules on tensors. The forward values and partial derivatives that
 * {@code Math} does not give come from {@link ScalarFunctions}, which the tensor engine calls too.
 *
 * <p>Both are switches rather than a method per constant: a backward pass calls {@code partial}
 * once per edge, and a switch compiles to a jump into inlined code where fifteen overriding
 * methods make a megamorphic call that the JIT cannot inline.
 *
 * <p>Derivatives at kinks follow PyTorch: relu'(0) = 0, |x|'(0) = 0, and d(x^0)/dx = 0.
 * Outside a function's domain the values are IEEE's, exactly as {@link Math} gives them
 * (log of a negative is NaN, a negative base to a non-integer power is NaN).
 */
enum ScalarOp {
    ADD("add", 2, Reads.NOTHING), SUB("sub", 2, Reads.NOTHING), MUL("mul", 2, Reads.OTHER_OPERAND),
    DIV("div", 2, Reads.OTHER_OPERAND), POW("pow", 2, Reads.OPERANDS),
    NEG("neg", 1, Reads.NOTHING), EXP("exp", 1, Reads.OPERANDS), LOG("log", 1, Reads.OPERANDS),
    SQRT("sqrt", 1, Reads.OPERANDS), TANH("tanh", 1, Reads.OPERANDS), SIGMOID("sigmoid", 1, Reads.OPERANDS),
    RELU("relu", 1, Reads.OPERANDS), ABS("abs", 1, Reads.OPERANDS), SIN("sin", 1, Reads.OPERANDS),
    COS("cos", 1, Reads.OPERANDS),
    /**
     * A mask of a rule (a 0/1 factor, a sign), computed from its operand but with derivative 0: the
     * value is the constant {@code b}, kept in the node, so that a gradient through a kink stays
     * connected to the inputs and its own derivative is 0 (as the tensor engine's masks).
     */
    MASK("mask", 2, Reads.NOTHING),
    /** Not an operation: marks a constant leaf (a node no gradient flows to). */
    CONSTANT("leaf", 0, Reads.NOTHING);

    /** Which operand values an operation's partial derivatives read. */
    private enum Reads {
        /** None: add, sub, neg, mask. */
        NOTHING,
        /** Each partial reads the other operand, so none is read when that is a constant: mul, div. */
        OTHER_OPERAND,
        /** The operands' values, whatever they are. */
        OPERANDS
    }

    /** The operation's name as users see it in graphs and error messages. */
    final String opName;
    /** Operands: 1 for unary operations, 2 for binary ones (whose second may be a constant). */
    final int arity;
    /** Message of the NullPointerException thrown for a null operand. */
    final String nullOperand;
    /** {@link #readsOperands} of an operation on two values, and of one on a value and a constant (fields: it runs once per recorded node). */
    private final boolean readsOperands;
    private final boolean readsOperandsByConstant;

    ScalarOp(String opName, int arity, Reads reads) {
        this.opName = opName;
        this.arity = arity;
        this.nullOperand = opName + ": operand is null";
        this.readsOperands = reads != Reads.NOTHING;
        this.readsOperandsByConstant = reads == Reads.OPERANDS;
    }

    /**
     * Whether the partial derivatives read an operand's value, so that changing an operand after
     * recording would change them: not for add, sub and neg, nor for mul or div by a constant.
     */
    boolean readsOperands(boolean byConstant) {
        return byConstant ? readsOperandsByConstant : readsOperands;
    }

    /** The forward value. */
    double apply(double a, double b) {
        return switch (this) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case POW -> Math.pow(a, b);
            case NEG -> -a;
            case EXP -> Math.exp(a);
            case LOG -> Math.log(a);
            case SQRT -> Math.sqrt(a);
            case TANH -> Math.tanh(a);
            case SIGMOID -> ScalarFunctions.sigmoid(a);
            case RELU -> ScalarFunctions.relu(a);
            case ABS -> Math.abs(a);
            case SIN -> Math.sin(a);
            case COS -> Math.cos(a);
            case MASK -> b;
            case CONSTANT -> throw new IllegalStateException("a constant has no operation");
        };
    }

    /**
     * What flows to operand {@code input} (0 or 1) for the upstream gradient {@code g}, as a
     * differentiable {@link Value} (for gradients of gradients): the rules of {@link Derivatives},
     * which the tensor engine runs too. {@code b} is the second operand, or the constant of a
     * {@code double} overload as a constant value.
     */
    Value contribution(int input, Value g, Value a, Value b, Value out) {
        return switch (this) {
            case ADD -> g;
            case SUB -> input == 0 ? g : Derivatives.neg(g);
            case MUL -> Derivatives.mul(g, input == 0 ? b : a);
            case DIV -> input == 0 ? Derivatives.divNumerator(g, b) : Derivatives.divDenominator(g, a, b);
            case POW -> input == 0 ? Derivatives.powBase(g, a, b) : Derivatives.powExponent(g, a, b, out);
            case NEG -> Derivatives.neg(g);
            case EXP -> Derivatives.exp(g, out);
            case LOG -> Derivatives.log(g, a);
            case SQRT -> Derivatives.sqrt(g, out);
            case TANH -> Derivatives.tanh(g, out);
            case SIGMOID -> Derivatives.sigmoid(g, out);
            case RELU -> Derivatives.relu(g, a);
            case ABS -> Derivatives.abs(g, a);
            case SIN -> Derivatives.sin(g, a);
            case COS -> Derivatives.cos(g, a);
            case MASK -> a.map(v -> 0.0);
            case CONSTANT -> throw new IllegalStateException("a constant has no derivative");
        };
    }

    /** The partial derivative of {@code out} with respect to operand {@code input} (0 or 1). */
    double partial(int input, double a, double b, double out) {
        return switch (this) {
            case ADD -> 1.0;
            case SUB -> input == 0 ? 1.0 : -1.0;
            case MUL -> input == 0 ? b : a;
            case DIV -> input == 0 ? 1.0 / b : -a / (b * b);
            case POW -> input == 0 ? ScalarFunctions.powBaseDerivative(a, b) : ScalarFunctions.powExponentDerivative(a, b, out);
            case NEG -> -1.0;
            case EXP -> out;
            case LOG -> 1.0 / a;
            case SQRT -> ScalarFunctions.sqrtDerivative(out);
            case TANH -> ScalarFunctions.tanhDerivative(out);
            case SIGMOID -> ScalarFunctions.sigmoidDerivative(out);
            case RELU -> ScalarFunctions.reluDerivative(a);
            case ABS -> Math.signum(a);
            case SIN -> Math.cos(a);
            case COS -> -Math.sin(a);
            case MASK -> 0.0;
            case CONSTANT -> throw new IllegalStateException("a constant has no derivative");
        };
    }
}
