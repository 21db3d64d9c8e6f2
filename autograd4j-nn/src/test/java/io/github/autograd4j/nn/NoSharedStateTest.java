package io.github.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.autograd4j.StaticState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** autograd4j-nn keeps no shared mutable static state (the thread-safety contract of its package javadoc). */
class NoSharedStateTest {

    @Test
    void everyStaticFieldIsFinalAndHoldsNothingModifiable() {
        assertEquals(List.of(), StaticState.mutableStatics(Module.class));
    }
}
