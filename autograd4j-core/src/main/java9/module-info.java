/**
 * autograd4j's graph engine: {@code Value} and {@code Tensor}, recording control, the functional
 * API, gradient checking and graph debugging. The operations ({@code ops}) and loops
 * ({@code kernel}) are internal: their public face is {@code Tensor}. The Vector API matrix kernel
 * is used when the application runs with {@code --add-modules jdk.incubator.vector}, and is not
 * needed otherwise.
 */
module io.github.autograd4j.core {
    requires transitive ejml.core;
    requires ejml.ddense;
    requires org.slf4j;
    requires static jdk.incubator.vector;

    exports io.github.autograd4j;
    exports io.github.autograd4j.graph;
    // the element-type conversions of autograd4j-nn's fused optimiser loops; internal to the two
    exports io.github.autograd4j.kernel to io.github.autograd4j.nn;
    // the all-or-nothing file writer behind checkpoints and golden files; internal to autograd4j's modules
    exports io.github.autograd4j.io to io.github.autograd4j.nn, io.github.autograd4j.testing;
}
