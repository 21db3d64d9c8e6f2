package io.github.autograd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.autograd4j.graph.Graph;
import io.github.autograd4j.graph.GraphCheck;
import io.github.autograd4j.ops.AttentionOps;
import io.github.autograd4j.ops.BinaryOps;
import io.github.autograd4j.ops.ConvOps;
import io.github.autograd4j.ops.DecompositionOps;
import io.github.autograd4j.ops.EmbeddingOps;
import io.github.autograd4j.ops.IndexOps;
import io.github.autograd4j.ops.LayerNormOps;
import io.github.autograd4j.ops.MovementOps;
import io.github.autograd4j.ops.NormOps;
import io.github.autograd4j.ops.PoolOps;
import io.github.autograd4j.ops.ProductOps;
import io.github.autograd4j.ops.ReduceOps;
import io.github.autograd4j.ops.SoftmaxOps;
import io.github.autograd4j.ops.UnaryOps;
import java.lang.reflect.Array;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every public entry of autograd4j-core that takes an object refuses a null there with a
 * {@link NullPointerException} naming the operation and the argument ({@code "of: shape is null"}),
 * not a bare JDK one from deep inside. Found by reflection, so a new entry is covered as soon as it
 * is written: each public method and constructor of the classes below is called with valid
 * arguments and one null at a time. The few places where null means something are listed in
 * {@link #NULL_MEANS_SOMETHING}, each documented in its javadoc. The kernels (internal loops whose callers check) are not covered here.
 */
class NullArgumentTest {

    private static final List<Class<?>> CLASSES = List.of(Tensor.class, Value.class, Shape.class, GradCheck.class,
            GradCheckResult.class, Autograd.class, CustomOp.class, CustomOp.Context.class, Generator.class, Grad.class, Debug.class,
            Graph.class, GraphCheck.class, BinaryOps.class, UnaryOps.class, ReduceOps.class,
            SoftmaxOps.class, ProductOps.class, DecompositionOps.class, MovementOps.class, IndexOps.class,
            ConvOps.class, PoolOps.class, NormOps.class, EmbeddingOps.class, LayerNormOps.class, AttentionOps.class);

    /** Method name and parameter index where null is accepted on purpose (documented there). */
    private static final Map<String, Set<Integer>> NULL_MEANS_SOMETHING = Map.ofEntries(
            Map.entry("Tensor.backward", Set.of(0)),             // null: 1 for a one-element tensor
            Map.entry("Tensor.backwardSteps", Set.of(0)),        // likewise
            Map.entry("Tensor.setGrad", Set.of(0)),              // null clears the gradient
            Map.entry("Tensor.linear", Set.of(2)),               // no bias
            Map.entry("Tensor.conv1d", Set.of(2)),
            Map.entry("Tensor.conv2d", Set.of(2)),
            Map.entry("Tensor.convTranspose2d", Set.of(2)),
            Map.entry("ConvOps.conv1d", Set.of(2)),
            Map.entry("ConvOps.conv2d", Set.of(2)),
            Map.entry("ConvOps.convTranspose2d", Set.of(2)),
            Map.entry("Tensor.batchNorm", Set.of(1, 2, 3, 4)),   // no running statistics (training), no weight, no bias
            Map.entry("NormOps.batchNorm", Set.of(1, 2, 3, 4)),
            Map.entry("Tensor.groupNorm", Set.of(2, 3)),         // no weight, no bias
            Map.entry("NormOps.groupNorm", Set.of(2, 3)),
            Map.entry("Autograd.grad", Set.of(2)),               // gradOutput null: 1 for a one-element output
            Map.entry("Autograd.vjp", Set.of(2)),                // likewise
            Map.entry("Tensor.label", Set.of(0)),                // no label
            Map.entry("Value.label", Set.of(0)),
            Map.entry("Value.of", Set.of(1)),
            Map.entry("Tensor.sum", Set.of(0)),                  // dims null: every dim
            Map.entry("Tensor.mean", Set.of(0)),
            Map.entry("Tensor.prod", Set.of(0)),
            Map.entry("Tensor.max", Set.of(0)),
            Map.entry("Tensor.min", Set.of(0)),
            Map.entry("Tensor.var", Set.of(0)),
            Map.entry("Tensor.std", Set.of(0)),
            Map.entry("Tensor.norm", Set.of(1)),
            Map.entry("ReduceOps.sum", Set.of(1)),
            Map.entry("ReduceOps.mean", Set.of(1)),
            Map.entry("ReduceOps.prod", Set.of(1)),
            Map.entry("ReduceOps.max", Set.of(1)),
            Map.entry("ReduceOps.min", Set.of(1)),
            Map.entry("ReduceOps.var", Set.of(1)),
            Map.entry("ReduceOps.std", Set.of(1)),
            Map.entry("ReduceOps.norm", Set.of(2)),
            Map.entry("ReduceOps.logSumExp", Set.of(1)),
            Map.entry("ReduceOps.argmax", Set.of(1)),            // dim null: over every element
            Map.entry("ReduceOps.argmin", Set.of(1)),
            Map.entry("MovementOps.squeeze", Set.of(1)),         // dim null: every size-1 dim
            Map.entry("Tensor.layerNorm", Set.of(2, 3)),         // no weight, no bias
            Map.entry("LayerNormOps.layerNorm", Set.of(2, 3)),
            Map.entry("Tensor.scaledDotProductAttention", Set.of(3)),   // no mask
            Map.entry("Tensor.attentionWeights", Set.of(2)),
            Map.entry("AttentionOps.scaledDotProductAttention", Set.of(3)),
            Map.entry("AttentionOps.attentionWeights", Set.of(2)),
            Map.entry("EmbeddingOps.embedding", Set.of(2)),      // paddingIdx null: no padding row
            Map.entry("Shape.equals", Set.of(0)));            // false, as Object.equals

    private static final CustomOp IDENTITY = new CustomOp("identity") {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            return in[0];
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {g};
        }
    };

    @TestFactory
    Stream<DynamicTest> aNullArgumentIsNamed() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Class<?> type : CLASSES) {
            List<Executable> entries = new ArrayList<>(List.of(type.getDeclaredConstructors()));
            entries.addAll(List.of(type.getDeclaredMethods()));
            for (Executable entry : entries) {
                // fromOp, the door of the engine every op goes through, is the engine's to check
                if (!Modifier.isPublic(entry.getModifiers()) || entry.isSynthetic() || entry.getName().equals("fromOp")) {
                    continue;
                }
                Parameter[] params = entry.getParameters();
                for (int i = 0; i < params.length; i++) {
                    String name = type.getSimpleName() + "." + (entry instanceof Method ? entry.getName() : "new");
                    if (params[i].getType().isPrimitive() || NULL_MEANS_SOMETHING.getOrDefault(name, Set.of()).contains(i)) {
                        continue;
                    }
                    int nullAt = i;
                    String test = name + signature(entry) + " with null argument " + i;
                    tests.add(DynamicTest.dynamicTest(test, () -> assertNamedNull(test, type, entry, nullAt)));
                }
            }
        }
        return tests.stream();
    }

    private static void assertNamedNull(String test, Class<?> type, Executable entry, int nullAt) throws Exception {
        Class<?>[] types = entry.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            args[i] = i == nullAt ? null : valid(types[i]);
        }
        try {
            if (entry instanceof Method m) {
                m.invoke(Modifier.isStatic(m.getModifiers()) ? null : receiver(type), args);
            } else {
                ((java.lang.reflect.Constructor<?>) entry).newInstance(args);
            }
            fail(test + ": accepted");
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (!(cause instanceof NullPointerException)) {
                throw new AssertionError(test + ": expected a NullPointerException, got " + cause, cause);
            }
            String message = cause.getMessage();
            assertTrue(message != null && message.matches("[A-Za-z0-9.()]+: [a-z][A-Za-z0-9 ]* (is|are) null(;.*)?"),
                    test + ": expected \"<op>: <argument> is null\", got: " + message);
        }
    }

    private static String signature(Executable entry) {
        StringBuilder s = new StringBuilder("(");
        for (Class<?> p : entry.getParameterTypes()) {
            s.append(s.length() == 1 ? "" : ", ").append(p.getSimpleName());
        }
        return s.append(')').toString();
    }

    /** An instance to call an instance method on. */
    private static Object receiver(Class<?> type) {
        if (type == GradCheck.class) {
            return GradCheck.of(t -> t[0], Tensor.ones(2));
        }
        if (type == GradCheckResult.class) {
            return GradCheck.of(t -> t[0], Tensor.ones(2)).check();
        }
        if (type == GraphCheck.Report.class) {
            return GraphCheck.locate(Tensor.ones(2).requiresGrad(true).mul(2));
        }
        if (type == CustomOp.class) {
            return IDENTITY;
        }
        if (type == CustomOp.Context.class) {
            CustomOp.Context[] context = new CustomOp.Context[1];
            new CustomOp("capture") {
                @Override
                protected Tensor forward(Context ctx, Tensor... in) {
                    context[0] = ctx;
                    return in[0];
                }

                @Override
                protected Tensor[] backward(Context ctx, Tensor g) {
                    return new Tensor[] {g};
                }
            }.apply(Tensor.ones(2));
            return context[0];
        }
        return valid(type);
    }

    /** A valid argument of {@code type}; an interface gets one that fails if it is ever called. */
    private static Object valid(Class<?> type) {
        if (type == int.class) {
            return 0;
        }
        if (type == double.class) {
            return 1.0;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == DType.class) {
            return DType.FLOAT64;
        }
        if (type == Tensor.class || type == Node.class) {
            return Tensor.ones(2, 2).requiresGrad(true);
        }
        if (type == Tensor[].class) {
            return new Tensor[] {Tensor.ones(2, 2).requiresGrad(true)};
        }
        if (type == Value.class) {
            return Value.of(1.0);
        }
        if (type == Value[].class) {
            return new Value[] {Value.of(1.0)};
        }
        if (type == Shape.class) {
            return Shape.of(2, 2);
        }
        if (type == String.class) {
            return "x";
        }
        if (type == Integer.class) {
            return 0;
        }
        if (type == Random.class) {
            return new Random(0);
        }
        if (type == List.class) {
            return List.of(Shape.of(2, 2));
        }
        if (type == DMatrixRMaj.class) {
            return new DMatrixRMaj(2, 2);
        }
        if (type == Graph.class) {
            return Graph.of(Tensor.ones(2));
        }
        if (type.isArray()) {
            Object array = Array.newInstance(type.getComponentType(), 1);
            if (!type.getComponentType().isPrimitive()) {
                Array.set(array, 0, valid(type.getComponentType()));
            } else if (type.getComponentType() == double.class) {
                Array.setDouble(array, 0, 1.0);
            }
            return array;
        }
        if (type.isInterface()) {
            return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                throw new AssertionError(method + " was called before the null argument was checked");
            });
        }
        throw new AssertionError("no valid argument of type " + type + " known to " + NullArgumentTest.class.getSimpleName());
    }

    @TestFactory
    Stream<DynamicTest> theIssuesExamples() {
        return Stream.of(
                DynamicTest.dynamicTest("Tensor.of(data, (int[]) null)", () -> assertEquals("of: shape is null",
                        org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class,
                                () -> Tensor.of(new double[1], (int[]) null)).getMessage())),
                DynamicTest.dynamicTest("Tensor.rand(null, 2)", () -> assertEquals("rand: the random generator is null; pass a Random, or use the form without one, which draws from Generator.current()",
                        org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class,
                                () -> Tensor.rand(null, 2)).getMessage())));
    }
}
