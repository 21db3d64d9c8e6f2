package io.github.autograd4j.testing;

import static io.github.autograd4j.ErrorCatalogue.Scenario.watching;
import static io.github.autograd4j.testing.AutogradAssertions.assertThatGradient;
import static io.github.autograd4j.testing.AutogradAssertions.assertThatGraph;

import io.github.autograd4j.ErrorCatalogue;
import io.github.autograd4j.ErrorCatalogue.Case;
import io.github.autograd4j.Tensor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The autograd4j-test rows (T..) of the bad-input catalogue in docs/errors.md: each misuse of the
 * assertions throws the documented exception and message, and leaves the watched tensor as it was.
 */
class BadInputCatalogueTest {

    @TempDir
    Path temp;

    private static Tensor w() {
        return Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}}).requiresGrad(true).label("w");
    }

    private static Case on(Function<Tensor, Executable> bad) {
        return dir -> {
            Tensor w = w();
            return watching(List.of(w), bad.apply(w));
        };
    }

    @TestFactory
    Stream<DynamicTest> testModuleRows() {
        Map<String, Case> cases = new LinkedHashMap<>();
        cases.put("T01", on(w -> () -> assertThatGradient(t -> t[0].exp().sum()).matchesFiniteDifferences()));
        cases.put("T02", on(w -> () -> assertThatGradient(t -> t[0].exp().sum()).at(w).withTolerance(-1, 1e-3)));
        cases.put("T03", on(w -> () -> assertThatGradient(t -> t[0].mul(t[1]).sum()).at(w, w).isCloseTo(w)));
        cases.put("T04", on(w -> () -> assertThatGradient(t -> t[0].exp().sum()).at(w).isCloseTo(Tensor.ones(3))));
        cases.put("T05", on(w -> () -> assertThatGradient(t -> t[0].exp()).at(w).isCloseTo(w)));
        cases.put("T06", on(w -> () -> assertThatGraph(w.mul(2)).matchesGolden("graphs/loss.png")));
        cases.put("T07", on(w -> () -> assertThatGraph(w.mul(2)).matchesGolden("../loss.dot")));
        return ErrorCatalogue.tests("T", cases, temp);
    }
}
