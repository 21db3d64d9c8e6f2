package io.github.autograd4j.nn.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.Linear;
import io.github.autograd4j.nn.MLP;
import io.github.autograd4j.nn.Module;   // by name: a wildcard import of nn clashes with java.lang.Module
import io.github.autograd4j.nn.ReLU;
import io.github.autograd4j.nn.Sequential;
import io.github.autograd4j.nn.loss.CrossEntropyLoss;
import io.github.autograd4j.nn.loss.Loss;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The examples in the javadoc of the package {@code io.github.autograd4j.nn} and of {@code Module},
 * with the imports they show, compiled in a package of their own (as a user's code is, where
 * {@code Module} would otherwise mean {@code java.lang.Module}) and run: keep them in sync.
 */
class PackageDocExamplesTest {

    @Test
    void thePackageExample() {
        Tensor x = Tensor.randn(4, 2);
        Tensor y = Tensor.vector(0, 2, 1, 0);
        // ---- as in package-info.java
        Module net = new MLP(ReLU::new, 2, 16, 16, 3);
        Loss criterion = new CrossEntropyLoss();
        Tensor loss = criterion.forward(net.forward(x), y);
        net.zeroGrad();
        loss.backward();
        // ----
        assertNotNull(net.parameters().get(0).grad());
    }

    @Test
    void theModuleExample() {
        // ---- as in Module.java
        Module net = new Sequential(new Linear(10, 20), new ReLU(), new Linear(20, 5));
        net.namedParameters().keySet();   // [0.weight, 0.bias, 2.weight, 2.bias]
        net.numParameters();              // 325
        net.eval();                       // recursively, e.g. Dropout becomes the identity
        // ----
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"), List.copyOf(net.namedParameters().keySet()));
        assertEquals(325, net.numParameters());
    }
}
