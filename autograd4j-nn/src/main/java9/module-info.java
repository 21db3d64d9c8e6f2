/**
 * autograd4j's neural-network layer on its graph engine: modules, losses, initialisers,
 * optimisers and schedulers, mini-batch data and safetensors checkpoints, and micrograd-style
 * modules on the scalar engine. Import {@code io.github.autograd4j.nn.Module} by name: it clashes
 * with {@code java.lang.Module}.
 */
module io.github.autograd4j.nn {
    requires transitive io.github.autograd4j.core;

    exports io.github.autograd4j.nn;
    exports io.github.autograd4j.nn.data;
    exports io.github.autograd4j.nn.init;
    exports io.github.autograd4j.nn.io;
    exports io.github.autograd4j.nn.loss;
    exports io.github.autograd4j.nn.optim;
    exports io.github.autograd4j.nn.scalar;
}
