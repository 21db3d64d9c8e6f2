package io.github.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.DType;
import io.github.autograd4j.Grad;
import io.github.autograd4j.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Buffers: state saved with the parameters but not trained (registerBuffer, stateDict, to(dtype)); named modules. */
class BuffersTest {

    /** A module with a parameter, then two buffers (a running sum of its inputs and a count), as a batch norm has. */
    static final class Running extends Module {
        Running(int n) {
            registerParameter("scale", Tensor.ones(n));
            registerBuffer("running_sum", Tensor.zeros(n));
            registerBuffer("count", Tensor.scalar(0));
        }

        @Override
        public Tensor forward(Tensor x) {
            if (isTraining()) {
                try (var off = Grad.disabled()) {
                    buffer("running_sum").copyFrom(buffer("running_sum").add(x.detach().sum(0, false)));
                    buffer("count").copyFrom(buffer("count").add(1));
                }
            }
            return x.mul(parameter("scale"));
        }
    }

    private static Sequential net() {
        return new Sequential(new Linear(2, 3, new Random(0)), new Running(3));
    }

    @Test
    void buffersAreSavedInPyTorchsOrderButAreNotParameters() {
        Sequential net = net();
        assertEquals(List.of("0.weight", "0.bias", "1.scale"), List.copyOf(net.namedParameters().keySet()));
        assertEquals(List.of("1.running_sum", "1.count"), List.copyOf(net.namedBuffers().keySet()));
        assertEquals(List.of("0.weight", "0.bias", "1.scale", "1.running_sum", "1.count"), List.copyOf(net.stateDict().keySet()));
        assertEquals(2, net.buffers().size());
        net.buffers().forEach(b -> assertFalse(b.requiresGrad()));
        assertEquals("running_sum", net.namedBuffers().get("1.running_sum").label());
        assertEquals(6 + 3 + 3, net.numParameters(), "buffers are not counted as parameters");
    }

    @Test
    void stateDictCopiesBuffersAndLoadStateDictRestoresThem() {
        Sequential net = net();
        net.forward(Tensor.ones(4, 2));
        Map<String, Tensor> saved = net.stateDict();
        assertEquals(1.0, saved.get("1.count").item());
        Tensor live = net.namedBuffers().get("1.count");
        net.forward(Tensor.ones(4, 2));
        assertEquals(1.0, saved.get("1.count").item(), "a copy, not the live buffer");
        net.loadStateDict(saved);
        assertSame(live, net.namedBuffers().get("1.count"), "loaded in place");
        assertEquals(1.0, live.item());
        assertArrayEquals(saved.get("1.running_sum").toArray(), net.namedBuffers().get("1.running_sum").toArray(), 0.0);
    }

    @Test
    void aBufferOfTheWrongShapeOrMissingIsRefusedAndNothingLoads() {
        Sequential net = net();
        Map<String, Tensor> state = new LinkedHashMap<>(net.stateDict());
        state.put("0.bias", Tensor.full(7.0, 3));
        state.put("1.running_sum", Tensor.zeros(4));
        state.remove("1.count");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.loadStateDict(state));
        assertEquals("loadStateDict: buffer '1.running_sum' has shape (4,) in the state dict but (3,) in the model;"
                + " buffer '1.count' of the model is missing from the state dict", e.getMessage());
        assertFalse(net.namedParameters().get("0.bias").toArray()[0] == 7.0, "nothing loaded");
    }

    @Test
    void toConvertsBuffersAndKeepsThemBuffers() {
        Sequential net = net();
        net.forward(Tensor.ones(1, 2));
        net.to(DType.FLOAT32);
        net.namedBuffers().forEach((name, b) -> {
            assertEquals(DType.FLOAT32, b.dtype(), name);
            assertFalse(b.requiresGrad(), name);
        });
        assertEquals(1.0, net.namedBuffers().get("1.count").item());
        assertEquals("count", net.namedBuffers().get("1.count").label());
        assertEquals(3, net.parameters().size());
    }

    /** Registers a buffer that the test gives. */
    private static final class WithBuffer extends Module {
        WithBuffer(String name, Tensor buffer) {
            registerParameter("w", Tensor.zeros(1));
            registerBuffer(name, buffer);
        }

        @Override
        public Tensor forward(Tensor x) {
            return x;
        }
    }

    @Test
    void aBufferMustBeALeafThatDoesNotRequireGradUnderAFreeName() {
        assertEquals("WithBuffer: buffer 'b' of shape (2,) requires grad; a buffer must be a leaf that does not require grad"
                + " (detach() it first)", assertThrows(IllegalArgumentException.class,
                () -> new WithBuffer("b", Tensor.zeros(2).requiresGrad(true))).getMessage());
        Tensor made = Tensor.zeros(2).requiresGrad(true).mul(2.0);
        assertEquals("WithBuffer: buffer 'b' of shape (2,) was made by mul; a buffer must be a leaf that does not require grad"
                + " (detach() it first)", assertThrows(IllegalArgumentException.class, () -> new WithBuffer("b", made)).getMessage());
        assertEquals("WithBuffer: name 'w' is already used",
                assertThrows(IllegalArgumentException.class, () -> new WithBuffer("w", Tensor.zeros(1))).getMessage());
    }

    @Test
    void namedModulesListsTheRootThenEveryDescendantDepthFirst() {
        Module inner = new Sequential(new Tanh(), new Running(2));
        Sequential net = new Sequential(new Linear(2, 2, new Random(0)), inner);
        Map<String, Module> modules = net.namedModules();
        assertEquals(List.of("", "0", "1", "1.0", "1.1"), List.copyOf(modules.keySet()));
        assertSame(net, modules.get(""));
        assertSame(inner, modules.get("1"));
        assertTrue(modules.get("1.1") instanceof Running);
    }
}
