package io.github.autograd4j;

/**
 * The derivative table of the scalar engine: each operation's forward value and its local
 * partial derivatives, side by side. {@code a} is the first operand; {@code b} the second
 * operand's value or the constant of a {@code double} overload; {@code out} the forward result.
 *
 * <p>Derivatives at kinks follow PyTorch: relu'(0) = 0, |x|'(0) = 0, and d(x^0)/dx = 0.
 * Outside a function's domain the values are IEEE's, exactly as {@link Math} gives them
 * (log of a negative is NaN, a negative base to a non-integer power is NaN).
 */
enum ScalarOp {
    ADD("add", 2) {
        double apply(double a, double b) { return a + b; }
        double partial(int input, double a, double b, double out) { return 1.0; }
    },
    SUB("sub", 2) {
        double apply(double a, double b) { return a - b; }
        double partial(int input, double a, double b, double out) { return input == 0 ? 1.0 : -1.0; }
    },
    MUL("mul", 2) {
        double apply(double a, double b) { return a * b; }
        double partial(int input, double a, double b, double out) { return input == 0 ? b : a; }
    },
    DIV("div", 2) {
        double apply(double a, double b) { return a / b; }
        double partial(int input, double a, double b, double out) { return input == 0 ? 1.0 / b : -a / (b * b); }
    },
    POW("pow", 2) {
        double apply(double a, double b) { return Math.pow(a, b); }
        double partial(int input, double a, double b, double out) {
            if (input == 0) {
                return b == 0.0 ? 0.0 : b * Math.pow(a, b - 1.0);
            }
            return a == 0.0 && b >= 0.0 ? 0.0 : out * Math.log(a);
        }
    },
    NEG("neg", 1) {
        double apply(double a, double b) { return -a; }
        double partial(int input, double a, double b, double out) { return -1.0; }
    },
    EXP("exp", 1) {
        double apply(double a, double b) { return Math.exp(a); }
        double partial(int input, double a, double b, double out) { return out; }
    },
    LOG("log", 1) {
        double apply(double a, double b) { return Math.log(a); }
        double partial(int input, double a, double b, double out) { return 1.0 / a; }
    },
    SQRT("sqrt", 1) {
        double apply(double a, double b) { return Math.sqrt(a); }
        double partial(int input, double a, double b, double out) { return 0.5 / out; }
    },
    TANH("tanh", 1) {
        double apply(double a, double b) { return Math.tanh(a); }
        double partial(int input, double a, double b, double out) { return 1.0 - out * out; }
    },
    SIGMOID("sigmoid", 1) {
        double apply(double a, double b) { return 1.0 / (1.0 + Math.exp(-a)); }
        double partial(int input, double a, double b, double out) { return out * (1.0 - out); }
    },
    RELU("relu", 1) {
        double apply(double a, double b) { return Math.max(a, 0.0); }
        double partial(int input, double a, double b, double out) { return a > 0.0 ? 1.0 : 0.0; }
    },
    ABS("abs", 1) {
        double apply(double a, double b) { return Math.abs(a); }
        double partial(int input, double a, double b, double out) { return Math.signum(a); }
    },
    SIN("sin", 1) {
        double apply(double a, double b) { return Math.sin(a); }
        double partial(int input, double a, double b, double out) { return Math.cos(a); }
    },
    COS("cos", 1) {
        double apply(double a, double b) { return Math.cos(a); }
        double partial(int input, double a, double b, double out) { return -Math.sin(a); }
    };

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

    /** The forward value. */
    abstract double apply(double a, double b);

    /** The partial derivative of {@code out} with respect to operand {@code input} (0 or 1). */
    abstract double partial(int input, double a, double b, double out);
}
