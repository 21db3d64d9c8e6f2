package io.github.autograd4j.testing;

import io.github.autograd4j.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link AutogradExtension} knows of the test running on this thread: the roots of the graphs
 * it tracked. Per thread, so that tests run by JUnit's parallel execution never see each other's.
 */
final class TestState {

    private static final ThreadLocal<TestState> CURRENT = new ThreadLocal<>();

    private final List<Node> roots = new ArrayList<>();

    private TestState() {
    }

    /** Starts a test on this thread. */
    static TestState begin() {
        TestState state = new TestState();
        CURRENT.set(state);
        return state;
    }

    /** Ends the test on this thread. */
    static void end() {
        CURRENT.remove();
    }

    /** The state of the test running on this thread under the extension, or null. */
    static TestState current() {
        return CURRENT.get();
    }

    /** Tracks {@code root} for the test running on this thread, if any (each root once). */
    static void track(Node root) {
        TestState state = CURRENT.get();
        if (state != null && state.roots.stream().noneMatch(r -> r == root)) {
            state.roots.add(root);
        }
    }

    /** The roots tracked so far, in order. */
    List<Node> roots() {
        return List.copyOf(roots);
    }
}
