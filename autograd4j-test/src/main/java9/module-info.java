/**
 * autograd4j in JUnit 5 tests: fluent assertions on gradients and graphs failing with opentest4j's
 * {@code AssertionFailedError}, and {@code AutogradExtension} ({@code @AutogradTest}), which turns
 * on anomaly detection and site recording per test, fails a test that leaks a
 * {@code Grad.disabled()} scope, writes the HTML graph report of a failing test's graphs, and
 * resolves a seeded {@code Random}. Add the artifact with test scope.
 */
module io.github.autograd4j.testing {
    requires transitive io.github.autograd4j.core;
    requires transitive org.junit.jupiter.api;
    requires transitive org.opentest4j;

    exports io.github.autograd4j.testing;
}
