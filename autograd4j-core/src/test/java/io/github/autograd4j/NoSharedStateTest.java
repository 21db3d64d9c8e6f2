package io.github.autograd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** autograd4j-core keeps no shared mutable static state (the thread-safety contract of its package javadoc). */
class NoSharedStateTest {

    @Test
    void everyStaticFieldIsFinalAndHoldsNothingModifiable() {
        assertEquals(List.of(), StaticState.mutableStatics(Tensor.class));
    }
}
