package io.github.autograd4j;

/**
 * The derivative table of the scalar engine: each operation's forward value ({@link #apply}) and
 * its local partial derivatives ({@link #partial}), listed in the same order in both. {@code a} is
 * the first operand; {@code b} the second operand's value or the constant of a {@code double}
 * overload; {@code out} the forward result.
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
    ADD("add", 2), SUB("sub", 2), MUL("mul", 2), DIV("div", 2), POW("pow", 2),
    NEG("neg", 1), EXP("exp", 1), LOG("log", 1), SQRT("sqrt", 1), TANH("tanh", 1), SIGMOID("sigmoid", 1),
    RELU("relu", 1), ABS("abs", 1), SIN("sin", 1), COS("cos", 1),
    /** Not an operation: marks a constant leaf (a node no gradient flows to). */
    CONSTANT("leaf", 0);

    /** The operation's name as users see it in graphs and error messages. */
    final String opName;
    /** Operands: 1 for unary operations, 2 for binary ones (whose second may be a constant). */
    final int arity;
    /** Message of the NullPointerException thrown for a null operand. */
    final String nullOperand;

    ScalarOp(String opName, int arity) {
        this.opName = opName;
        this.arity = arity;
        this.nullOperand = opName + ": operand is null";
    }

    /**
     * Whether the partial derivatives read an operand's value, so that changing an operand after
     * recording would change them: not for add, sub and neg, nor for mul or div by a constant.
     */
    boolean readsOperands(boolean byConstant) {
        return switch (this) {
            case ADD, SUB, NEG, CONSTANT -> false;
            case MUL, DIV -> !byConstant;
            default -> true;
        };
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
            case SIGMOID -> 1.0 / (1.0 + Math.exp(-a));
            case RELU -> Math.max(a, 0.0);
            case ABS -> Math.abs(a);
            case SIN -> Math.sin(a);
            case COS -> Math.cos(a);
            case CONSTANT -> throw new IllegalStateException("a constant has no operation");
        };
    }

    /** The partial derivative of {@code out} with respect to operand {@code input} (0 or 1). */
    double partial(int input, double a, double b, double out) {
        return switch (this) {
            case ADD -> 1.0;
            case SUB -> input == 0 ? 1.0 : -1.0;
            case MUL -> input == 0 ? b : a;
            case DIV -> input == 0 ? 1.0 / b : -a / (b * b);
            case POW -> input == 0
                    ? (b == 0.0 ? 0.0 : b * Math.pow(a, b - 1.0))
                    : (a == 0.0 && b >= 0.0 ? 0.0 : out * Math.log(a));
            case NEG -> -1.0;
            case EXP -> out;
            case LOG -> 1.0 / a;
            case SQRT -> 0.5 / out;
            case TANH -> 1.0 - out * out;
            case SIGMOID -> out * (1.0 - out);
            case RELU -> a > 0.0 ? 1.0 : 0.0;
            case ABS -> Math.signum(a);
            case SIN -> Math.cos(a);
            case COS -> -Math.sin(a);
            case CONSTANT -> throw new IllegalStateException("a constant has no derivative");
        };
    }
}
