package io.github.autograd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Every path that makes a shape refuses more than 2^31-1 elements, naming the op and the shapes,
 * before it allocates anything (the inputs here are small; a refused result would take 32 GB).
 */
class ShapeOverflowTest {

    private static final String LIMIT = ", more than the 2147483647 (2^31-1) a tensor can hold";

    private static final Tensor COLUMN = Tensor.ones(65536, 1);
    private static final Tensor ROW = Tensor.ones(1, 65536);
    private static final String BROADCAST = "shapes (65536, 1) and (1, 65536) give shape (65536, 65536), which would hold 4294967296 elements" + LIMIT;

    private static void assertRefused(String message, Executable bad) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, bad).getMessage());
    }

    @TestFactory
    Stream<DynamicTest> everyBinaryOpRefusesABroadcastThatOverflows() {
        Map<String, BinaryOperator<Tensor>> ops = Map.ofEntries(
                Map.entry("add", Tensor::add), Map.entry("sub", Tensor::sub), Map.entry("mul", Tensor::mul),
                Map.entry("div", Tensor::div), Map.entry("pow", Tensor::pow), Map.entry("maximum", Tensor::maximum),
                Map.entry("minimum", Tensor::minimum), Map.entry("eq", Tensor::eq), Map.entry("ne", Tensor::ne),
                Map.entry("lt", Tensor::lt), Map.entry("le", Tensor::le), Map.entry("gt", Tensor::gt),
                Map.entry("ge", Tensor::ge));
        return ops.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(op -> DynamicTest.dynamicTest(op.getKey(),
                () -> assertRefused(op.getKey() + ": " + BROADCAST, () -> op.getValue().apply(COLUMN, ROW))));
    }

    @Test
    void theIssuesExamplesAreRefusedNotZeroOrNegative() {
        assertRefused("mul: " + BROADCAST, () -> COLUMN.mul(ROW));
        assertRefused("mul: shapes (46341, 1) and (1, 46341) give shape (46341, 46341), which would hold 2147488281 elements" + LIMIT,
                () -> Tensor.ones(46341, 1).mul(Tensor.ones(1, 46341)));
    }

    @Test
    void whereExpandAndBroadcastTo() {
        assertRefused("where: " + BROADCAST, () -> Tensor.where(Tensor.ones(1), COLUMN, ROW));
        assertRefused("where: shapes (65536, 1) and (1, 65536) give shape (65536, 65536), which would hold 4294967296 elements" + LIMIT,
                () -> Tensor.where(COLUMN, Tensor.ones(1), ROW));
        assertRefused("expand: shape (1, 1) gives shape (65536, 65536), which would hold 4294967296 elements" + LIMIT,
                () -> Tensor.ones(1, 1).expand(65536, 65536));
        assertRefused("shape: shape (65536, 65536) would hold 4294967296 elements" + LIMIT,
                () -> Tensor.ones(1, 1).broadcastTo(Shape.of(65536, 65536)));
    }

    @Test
    void repeat() {
        assertRefused("repeat: shape (65536,) gives shape (65536, 65536), which would hold 4294967296 elements" + LIMIT,
                () -> Tensor.ones(65536).repeat(65536, 1));
    }

    @Test
    void matmulBatchDimsAndResult() {
        assertRefused("matmul: batch dims of (65536, 1, 1, 1) and (1, 65536, 1, 1): " + BROADCAST,
                () -> Tensor.ones(65536, 1, 1, 1).matmul(Tensor.ones(1, 65536, 1, 1)));
        assertRefused("matmul: " + BROADCAST, () -> COLUMN.matmul(ROW));
        assertRefused("matmul: shapes (2, 46341, 1) and (1, 23171) give shape (2, 46341, 23171), which would hold 2147534622 elements" + LIMIT,
                () -> Tensor.ones(2, 46341, 1).matmul(Tensor.ones(1, 23171)));
        assertRefused("matmul: batch dims of (65536, 1, 1, 1) and (1, 65536, 1, 1): " + BROADCAST,
                () -> Tensor.linear(Tensor.ones(65536, 1, 1, 1), Tensor.ones(1, 65536, 1, 1), null));
        assertRefused("solve: batch dims of (65536, 1, 1, 1) and (1, 65536, 1, 1): " + BROADCAST,
                () -> Tensor.solve(Tensor.ones(65536, 1, 1, 1), Tensor.ones(1, 65536, 1, 1)));
        assertRefused("outer: shapes (65536,) and (65536,) give shape (65536, 65536), which would hold 4294967296 elements" + LIMIT,
                () -> Tensor.ones(65536).outer(Tensor.ones(65536)));
    }

    @Test
    void catStackAndIndexSelect() {
        Tensor row = Tensor.ones(1, 32768);
        Tensor[] rows = new Tensor[65536];
        Arrays.fill(rows, row);
        assertRefused("cat: shapes (1, 32768), (1, 32768), (1, 32768) and 65533 more give shape (65536, 32768), which would hold 2147483648 elements" + LIMIT,
                () -> Tensor.cat(0, rows));
        Tensor[] vectors = new Tensor[65536];
        Arrays.fill(vectors, Tensor.ones(32768));
        assertRefused("stack: shapes (1, 32768), (1, 32768), (1, 32768) and 65533 more give shape (65536, 32768), which would hold 2147483648 elements" + LIMIT,
                () -> Tensor.stack(0, vectors));
        Tensor empty = Tensor.zeros(1 << 30, 0);
        assertRefused("cat: shapes (1073741824, 0) and (1073741824, 0) give shape (2147483648, 0), which has sizes other than 0 that multiply to 2147483648" + LIMIT,
                () -> Tensor.cat(0, empty, empty));
        assertRefused("indexSelect: shape (1, 65536) gives shape (65536, 65536), which would hold 4294967296 elements" + LIMIT,
                () -> ROW.indexSelect(0, new int[65536]));
        assertRefused("reshape: shape (65536, 65536, 0) has sizes other than 0 that multiply to 4294967296" + LIMIT,
                () -> Tensor.zeros(0).reshape(65536, 65536, 0));
    }

    @Test
    void factories() {
        String shape = "shape (65536, 65536) would hold 4294967296 elements" + LIMIT;
        assertRefused("zeros: " + shape, () -> Tensor.zeros(65536, 65536));
        assertRefused("ones: " + shape, () -> Tensor.ones(65536, 65536));
        assertRefused("full: " + shape, () -> Tensor.full(2.0, 65536, 65536));
        assertRefused("rand: " + shape, () -> Tensor.rand(new Random(0), 65536, 65536));
        assertRefused("randn: " + shape, () -> Tensor.randn(65536, 65536));
        assertRefused("of: " + shape, () -> Tensor.of(new double[0], 65536, 65536));
        assertRefused("eye: shape (46341, 46341) would hold 2147488281 elements" + LIMIT, () -> Tensor.eye(46341));
        double[][] rows = new double[65536][];
        Arrays.fill(rows, new double[32768]);
        assertRefused("of: shape (65536, 32768) would hold 2147483648 elements" + LIMIT, () -> Tensor.of(rows));
        assertRefused("arange: start 0.0, end 3.0E9, step 1.0 give 3000000000 values" + LIMIT, () -> Tensor.arange(0, 3e9, 1));
        assertRefused("arange: start 0.0, end 1.0E300, step 1.0 give 1.0E300 values" + LIMIT, () -> Tensor.arange(0, 1e300, 1));
        assertEquals(3, Tensor.arange(0, 3, 1).numel());
    }
}
