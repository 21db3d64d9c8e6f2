/**
 * autograd4j in JUnit 5 tests. {@link io.github.autograd4j.testing.AutogradAssertions} holds the
 * fluent assertions ({@code assertThatGradient(f).at(x).matchesFiniteDifferences()},
 * {@code assertThatGraph(loss).hasNode("h").withGradientCloseTo(...)}), failing with opentest4j's
 * {@code AssertionFailedError} and short messages whatever the tensors' size;
 * {@link io.github.autograd4j.testing.AutogradTest} (or {@code @ExtendWith(AutogradExtension.class)})
 * turns on anomaly detection and site recording per test, fails a test that leaks a
 * {@code Grad.disabled()} scope, writes the HTML report of a failing test's graphs under
 * {@code target/autograd-reports} and resolves a seeded {@code java.util.Random}.
 */
package io.github.autograd4j.testing;
