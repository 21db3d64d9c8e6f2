package io.github.autograd4j.nn.habits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.Autograd;
import io.github.autograd4j.Generator;
import io.github.autograd4j.Grad;
import io.github.autograd4j.GradCheck;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.Dropout;
import io.github.autograd4j.nn.Linear;
import io.github.autograd4j.nn.Module;
import io.github.autograd4j.nn.ReLU;
import io.github.autograd4j.nn.Sequential;
import io.github.autograd4j.nn.data.Batch;
import io.github.autograd4j.nn.data.DataLoader;
import io.github.autograd4j.nn.data.TensorDataset;
import io.github.autograd4j.nn.init.Init;
import io.github.autograd4j.nn.loss.CrossEntropyLoss;
import io.github.autograd4j.nn.loss.MSELoss;
import io.github.autograd4j.nn.optim.Adam;
import io.github.autograd4j.nn.optim.GradClip;
import io.github.autograd4j.nn.optim.Optimizer;
import io.github.autograd4j.nn.optim.SGD;
import io.github.autograd4j.nn.optim.StepLR;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A PyTorch user's script, line by line in Java (the comment on each line is the PyTorch it stands
 * for): the names of README's "PyTorch -> autograd4j" table compile and mean what they mean there.
 */
class PyTorchUserTest {

    @Test
    void seedExample003ReadsAsInPyTorch() {
        Generator.manualSeed(0);                                                  // torch.manual_seed(0)
        Module model = new Sequential(new Linear(10, 20), new ReLU(), new Linear(20, 5));   // nn.Sequential(...)
        MSELoss criterion = new MSELoss();                                        // nn.MSELoss()
        Optimizer optimizer = new SGD(model.parameters(), 0.01);                  // optim.SGD(model.parameters(), lr=0.01)
        Tensor x = Tensor.randn(64, 10);                                          // torch.randn(64, 10)
        Tensor y = Tensor.randn(64, 5);
        double first = 0;
        double last = 0;
        for (int step = 0; step < 100; step++) {
            optimizer.zeroGrad();                                                 // optimizer.zero_grad()
            Tensor loss = criterion.forward(model.forward(x), y);                 // loss = criterion(model(x), y)
            loss.backward();                                                      // loss.backward()
            optimizer.step();                                                     // optimizer.step()
            first = step == 0 ? loss.item() : first;                              // loss.item()
            last = loss.item();
        }
        assertTrue(last < first, "SGD lowers the loss: " + first + " -> " + last);
    }

    @Test
    void aTrainingScriptWithTheUsualParts() {
        Generator.manualSeed(3);
        Tensor inputs = Tensor.randn(128, 4);
        Tensor labels = inputs.sum(-1).gt(0);                                     // (inputs.sum(-1) > 0)
        Linear first = new Linear(4, 16);
        Init.kaimingNormal(first.weight());                                       // nn.init.kaiming_normal_(first.weight)
        Module net = new Sequential(first, new ReLU(), new Dropout(0.1), new Linear(16, 2));
        Optimizer optimizer = Adam.builder().lr(0.01).build(net.parameters());   // optim.Adam(params, lr=0.01)
        StepLR scheduler = new StepLR(optimizer, 5, 0.5);                         // lr_scheduler.StepLR(opt, 5, 0.5)
        DataLoader loader = new DataLoader(new TensorDataset(inputs, labels), 32, true);  // DataLoader(..., 32, shuffle=True)
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        net.train();                                                              // net.train()
        for (int epoch = 0; epoch < 10; epoch++) {
            for (Batch batch : loader) {
                optimizer.zeroGrad();
                criterion.forward(net.forward(batch.get(0)), batch.get(1)).backward();
                GradClip.clipGradNorm(net.parameters(), 1.0);                     // clip_grad_norm_(params, 1.0)
                optimizer.step();
            }
            scheduler.step();
        }
        net.eval();                                                               // net.eval()
        Tensor predicted;
        try (var off = Grad.disabled()) {                                         // with torch.no_grad():
            predicted = net.forward(inputs).argmax(-1);                           // net(inputs).argmax(-1)
        }
        double accuracy = predicted.eq(labels).mean().item();
        assertTrue(accuracy > 0.9, "accuracy " + accuracy);
    }

    @Test
    void stateDictsRoundTripAsInPyTorch() {
        Generator.manualSeed(5);
        Module a = new Sequential(new Linear(3, 4), new ReLU(), new Linear(4, 1));
        Module b = new Sequential(new Linear(3, 4), new ReLU(), new Linear(4, 1));
        Map<String, Tensor> state = a.stateDict();                               // a.state_dict()
        b.loadStateDict(state);                                                   // b.load_state_dict(state)
        Tensor x = Tensor.randn(2, 3);
        assertArrayEquals(a.forward(x).toArray(), b.forward(x).toArray());
        try (var off = Grad.disabled()) {
            a.parameters().get(0).copyFrom(Tensor.zeros(4, 3));
        }
        assertTrue(state.get("0.weight").abs().sum().item() > 0, "the state dict is a copy");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.loadStateDict(Map.of("0.weight", Tensor.zeros(4, 3))));
        assertTrue(e.getMessage().startsWith("loadStateDict: parameter '0.bias' of the model is missing from the state dict"),
                e.getMessage());
        assertArrayEquals(a.stateDict().get("2.weight").toArray(), b.stateDict().get("2.weight").toArray(), "nothing changed");
    }

    @Test
    void autogradCallsReadAsInPyTorch() {
        Tensor x = Tensor.of(1, 2, 3).requiresGrad(true);                        // torch.tensor([1., 2., 3.], requires_grad=True)
        Tensor y = x.pow(3.0).sum();
        List<Tensor> g = Autograd.grad(y, List.of(x), true);                      // torch.autograd.grad(y, [x], create_graph=True)
        assertArrayEquals(new double[] {3, 12, 27}, g.get(0).toArray());
        assertArrayEquals(new double[] {6, 12, 18}, Autograd.grad(g.get(0).sum(), List.of(x), false).get(0).toArray());
        assertNull(x.grad(), "torch.autograd.grad leaves x.grad alone");
        GradCheck.of(t -> t[0].tanh().mul(t[0].T()), Tensor.randn(3, 3)).assertPassed();  // gradcheck(f, x)
    }
}
