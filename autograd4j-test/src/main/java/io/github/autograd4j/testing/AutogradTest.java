package io.github.autograd4j.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class (or one test method) with {@link AutogradExtension}, configured: anomaly
 * detection and site recording on by default, and the seed of the {@code Random} the extension
 * resolves. On a method it overrides the class's. Test methods still carry {@code @Test}.
 *
 * <pre>{@code
 * @AutogradTest
 * class MyModelTest {
 *     @Test
 *     void trains(Random rng) { ... }
 *
 *     @Test
 *     @AutogradTest(seed = "42", detectAnomalies = false)
 *     void withAFixedSeed(Random rng) { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(AutogradExtension.class)
public @interface AutogradTest {

    /**
     * Whether each test runs under {@code Debug.detectAnomalies()}: the first operation that makes
     * a NaN or an infinity throws, naming itself and the line that made it.
     *
     * @return true by default
     */
    boolean detectAnomalies() default true;

    /**
     * Whether each test runs under {@code Debug.recordSites()}: every node knows the line that made
     * it, and the graph report shows it.
     *
     * @return true by default
     */
    boolean recordSites() default true;

    /**
     * The seed of the test's {@code Random} and of {@code Generator.current()}, as a decimal
     * {@code long}; empty (the default) for the seed of the system property {@code autograd4j.seed},
     * or else one derived from the test's unique id, the same on every run.
     *
     * @return the seed, or empty
     */
    String seed() default "";
}
