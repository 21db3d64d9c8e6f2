package io.github.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.DType;
import io.github.autograd4j.Generator;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.loss.CrossEntropyLoss;
import io.github.autograd4j.nn.optim.Adam;
import io.github.autograd4j.nn.optim.Optimizer;
import org.junit.jupiter.api.Test;

/** README's float32 snippet, as written there: it trains, and everything on the way is float32. */
class ReadmeFloat32Test {

    @Test
    void theSnippetTrainsInFloat32() {
        Generator.manualSeed(1);
        Module net = new Sequential(new Linear(8, 16), new ReLU(), new Linear(16, 3)).to(DType.FLOAT32);
        Optimizer optimizer = Adam.builder().lr(0.01).build(net.parameters());   // after to(), as in PyTorch
        Tensor x = Tensor.randn(32, 8).to(DType.FLOAT32);                        // or Tensor.of(float[], shape...)
        Tensor labels = x.sum(-1).gt(0);                                         // float32 0/1
        double first = 0;
        Tensor loss = null;
        for (int step = 0; step < 100; step++) {
            optimizer.zeroGrad();
            loss = new CrossEntropyLoss().forward(net.forward(x), labels);  // float32 all the way
            loss.backward();                                                     // gradients are float32 too
            optimizer.step();
            first = step == 0 ? loss.item() : first;
        }
        assertEquals(DType.FLOAT32, labels.dtype());
        assertEquals(DType.FLOAT32, loss.dtype());
        net.parameters().forEach(p -> {
            assertEquals(DType.FLOAT32, p.dtype());
            assertEquals(DType.FLOAT32, p.grad().dtype());
        });
        assertTrue(loss.item() < first / 4, "Adam in float32 lowers the loss: " + first + " -> " + loss.item());
    }
}
