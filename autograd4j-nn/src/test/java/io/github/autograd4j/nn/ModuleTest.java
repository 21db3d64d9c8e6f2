package io.github.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Module bookkeeping: parameter names, order and counts, the printed tree, modes, registration errors. */
class ModuleTest {

    private static Sequential net() {
        Random rng = new Random(0);
        return new Sequential(new Linear(10, 20, true, rng), new ReLU(), new Linear(20, 5, true, rng));
    }

    /** A module with a parameter and a child, to test registration from a subclass. */
    private static final class Block extends Module {
        Block(Random rng) {
            registerParameter("scale", Tensor.ones(3));
            registerModule("proj", new Linear(3, 3, false, rng));
        }

        @Override
        public Tensor forward(Tensor x) {
            return namedChildren().get("proj").forward(x.mul(parameter("scale")));
        }
    }

    @Test
    void countsParametersAsPyTorchDoes() {
        assertEquals(325, net().numParameters());
        assertEquals(10 * 20, new Linear(10, 20, false, new Random(0)).numParameters());
        assertEquals(0, new ReLU().numParameters());
    }

    @Test
    void namesParametersWithDottedPathsInRegistrationOrder() {
        Sequential net = net();
        Map<String, Tensor> named = net.namedParameters();
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"), List.copyOf(named.keySet()));
        assertEquals(List.copyOf(named.values()), net.parameters());
        assertSame(((Linear) net.get(0)).weight(), named.get("0.weight"));
        assertEquals(List.of(20, 10), List.of(named.get("0.weight").size(0), named.get("0.weight").size(1)));
        assertEquals(List.of("weight", "bias"), List.copyOf(new Linear(2, 3, new Random(0)).namedParameters().keySet()));
    }

    @Test
    void namesNestedModulesOwnParametersFirst() {
        Random rng = new Random(1);
        Sequential outer = new Sequential(new Block(rng), new Sequential(new Tanh(), new Linear(3, 1, rng)));
        assertEquals(List.of("0.scale", "0.proj.weight", "1.1.weight", "1.1.bias"),
                List.copyOf(outer.namedParameters().keySet()));
        assertEquals(3 + 9 + 3 + 1, outer.numParameters());
    }

    @Test
    void listsASharedParameterOnce() {
        Linear shared = new Linear(4, 4, new Random(2));
        Sequential net = new Sequential(shared, new Tanh(), shared);
        assertEquals(List.of("0.weight", "0.bias"), List.copyOf(net.namedParameters().keySet()));
        assertEquals(20, net.numParameters());
    }

    @Test
    void parametersAreLabelledLeavesThatRequireGrad() {
        for (Tensor p : net().parameters()) {
            assertTrue(p.isLeaf());
            assertTrue(p.requiresGrad());
        }
        assertEquals("weight", new Linear(2, 2, new Random(0)).weight().label());
    }

    @Test
    void printsATreeLikePyTorch() {
        assertEquals("Sequential(\n"
                + "  (0): Linear(in_features=10, out_features=20, bias=true)\n"
                + "  (1): ReLU()\n"
                + "  (2): Linear(in_features=20, out_features=5, bias=true)\n"
                + ")", net().toString());
    }

    @Test
    void indentsNestedModules() {
        Random rng = new Random(0);
        Module net = new Sequential(new Flatten(), new Sequential(new Linear(4, 2, false, rng), new LeakyReLU(0.2)),
                new Dropout(0.5, rng), new Softmax(-1));
        assertEquals("Sequential(\n"
                + "  (0): Flatten(start_dim=1, end_dim=-1)\n"
                + "  (1): Sequential(\n"
                + "    (0): Linear(in_features=4, out_features=2, bias=false)\n"
                + "    (1): LeakyReLU(negative_slope=0.2)\n"
                + "  )\n"
                + "  (2): Dropout(p=0.5)\n"
                + "  (3): Softmax(dim=-1)\n"
                + ")", net.toString());
        assertEquals("Sequential()", new Sequential().toString());
        assertEquals("Block(\n  (proj): Linear(in_features=3, out_features=3, bias=false)\n)", new Block(rng).toString());
    }

    @Test
    void printsAnMlpAsItsLayers() {
        MLP mlp = new MLP(new Random(0), Tanh::new, 2, 16, 16, 1);
        assertEquals("MLP(\n"
                + "  (0): Linear(in_features=2, out_features=16, bias=true)\n"
                + "  (1): Tanh()\n"
                + "  (2): Linear(in_features=16, out_features=16, bias=true)\n"
                + "  (3): Tanh()\n"
                + "  (4): Linear(in_features=16, out_features=1, bias=true)\n"
                + ")", mlp.toString());
        assertEquals(2 * 16 + 16 + 16 * 16 + 16 + 16 + 1, mlp.numParameters());
        assertEquals(4, new MLP(new Random(0), 3, 1).numParameters());
        assertTrue(new MLP(new Random(0), 2, 4, 1).get(1) instanceof ReLU);
    }

    @Test
    void mlpGivesEachGapItsOwnActivation() {
        MLP mlp = new MLP(new Random(0), GELU::new, 2, 3, 3, 1);
        assertFalse(mlp.get(1) == mlp.get(3));
    }

    @Test
    void trainAndEvalReachEveryDescendant() {
        Random rng = new Random(0);
        Dropout inner = new Dropout(0.1, rng);
        Sequential net = new Sequential(new Linear(2, 2, rng), new Sequential(inner));
        assertTrue(net.isTraining());
        assertTrue(inner.isTraining());
        assertSame(net, net.eval());
        assertFalse(net.isTraining());
        assertFalse(inner.isTraining());
        assertFalse(net.get(1).isTraining());
        net.train();
        assertTrue(inner.isTraining());
        inner.eval();
        assertTrue(net.isTraining());
        assertFalse(inner.isTraining());
    }

    @Test
    void zeroGradClearsEveryParameter() {
        Sequential net = net();
        for (Tensor p : net.parameters()) {
            p.sum().backward();
            assertEquals(p.numel(), p.grad().sum().item());
        }
        net.zeroGrad();
        for (Tensor p : net.parameters()) {
            assertNull(p.grad());
        }
    }

    @Test
    void sequentialHasSizeAndIndexedChildren() {
        Sequential net = net();
        assertEquals(3, net.size());
        assertTrue(net.get(1) instanceof ReLU);
        assertThrows(IndexOutOfBoundsException.class, () -> net.get(3));
        Tensor x = Tensor.vector(1, 2);
        assertSame(x, new Sequential().forward(x));
        assertSame(x, new Identity().forward(x));
        assertEquals(List.of("0", "1", "2"), List.copyOf(net.namedChildren().keySet()));
        assertEquals(3, net.children().size());
    }

    /** Registers what the test says, in its constructor. */
    private static final class Registering extends Module {
        Registering(String name, Tensor parameter, String childName) {
            registerParameter("w", Tensor.zeros(1));
            if (parameter != null) {
                registerParameter(name, parameter);
            }
            if (childName != null) {
                registerModule(childName, new ReLU());
            }
        }

        @Override
        public Tensor forward(Tensor x) {
            return x;
        }
    }

    @Test
    void rejectsBadRegistrations() {
        assertEquals("Registering: name 'w' is already used",
                assertThrows(IllegalArgumentException.class, () -> new Registering("w", Tensor.zeros(1), null)).getMessage());
        assertEquals("Registering: name 'w' is already used",
                assertThrows(IllegalArgumentException.class, () -> new Registering("v", null, "w")).getMessage());
        assertEquals("Registering: name 'a.b' must be non-empty and free of dots (dots separate the levels of a dotted name)",
                assertThrows(IllegalArgumentException.class, () -> new Registering("a.b", Tensor.zeros(1), null)).getMessage());
        assertEquals("Registering: name '' must be non-empty and free of dots (dots separate the levels of a dotted name)",
                assertThrows(IllegalArgumentException.class, () -> new Registering("v", null, "")).getMessage());
        Tensor made = Tensor.zeros(2).requiresGrad(true).mul(2.0);
        assertEquals("Registering: parameter 'v' of shape (2,) was made by mul; a parameter must be a leaf (detach() it first)",
                assertThrows(IllegalArgumentException.class, () -> new Registering("v", made, null)).getMessage());
    }

    @Test
    void mlpAndLinearRejectBadSizes() {
        assertEquals("MLP: expected at least 2 positive sizes (input and output), got [3]",
                assertThrows(IllegalArgumentException.class, () -> new MLP(new Random(0), 3)).getMessage());
        assertEquals("MLP: expected at least 2 positive sizes (input and output), got [3, 0, 1]",
                assertThrows(IllegalArgumentException.class, () -> new MLP(new Random(0), 3, 0, 1)).getMessage());
        assertEquals("Linear(0, 2): in_features and out_features must be positive",
                assertThrows(IllegalArgumentException.class, () -> new Linear(0, 2, new Random(0))).getMessage());
    }

    @Test
    void forwardWithRejectsUnknownNamesAndWrongShapesBeforeReplacing() {
        Sequential net = net();
        Tensor w0 = ((Linear) net.get(0)).weight();
        assertEquals("Sequential: no parameter named '1.weight'; it has [0.weight, 0.bias, 2.weight, 2.bias]",
                assertThrows(IllegalArgumentException.class,
                        () -> net.forwardWith(Map.of("1.weight", Tensor.zeros(1)), Tensor.zeros(10))).getMessage());
        assertEquals("Sequential: replacement for '0.bias' has shape (3,), expected (20,)",
                assertThrows(IllegalArgumentException.class,
                        () -> net.forwardWith(Map.of("0.bias", Tensor.zeros(3)), Tensor.zeros(10))).getMessage());
        assertSame(w0, net.namedParameters().get("0.weight"));
    }

    @Test
    void forwardWithPutsTheParametersBackEvenWhenForwardThrows() {
        Sequential net = net();
        Tensor w0 = ((Linear) net.get(0)).weight();
        assertThrows(IllegalArgumentException.class,
                () -> net.forwardWith(Map.of("0.weight", Tensor.zeros(20, 10)), Tensor.zeros(7)));
        assertSame(w0, ((Linear) net.get(0)).weight());
    }
}
