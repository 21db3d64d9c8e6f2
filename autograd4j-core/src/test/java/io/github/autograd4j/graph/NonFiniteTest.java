package io.github.autograd4j.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.autograd4j.Tensor;
import io.github.autograd4j.Value;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What NonFinite says of values and gradients. */
class NonFiniteTest {

    @Test
    void countsNaNsAndInfinitiesOfATensorAndNamesTheNumberOfAValue() {
        Tensor t = Tensor.vector(Double.NaN, 1, Double.POSITIVE_INFINITY, Double.NaN, 0, 2);
        assertEquals(Optional.of("2 NaN and 1 infinite of 6 elements"), NonFinite.inValue(t));
        assertEquals(Optional.of("1 infinite of 2 elements"), NonFinite.inValue(Tensor.vector(1, Double.NEGATIVE_INFINITY)));
        assertEquals(Optional.of("NaN"), NonFinite.inValue(Value.of(-1.0).sqrt()));
        assertEquals(Optional.empty(), NonFinite.inValue(Tensor.vector(1, 2)));
    }

    @Test
    void aGradientIsCheckedWhenThereIsOne() {
        Tensor x = Tensor.vector(0.0, 1.0).requiresGrad(true);
        assertEquals(Optional.empty(), NonFinite.inGradient(x), "no gradient yet");
        x.sqrt().sum().backward();
        assertEquals(Optional.of("1 infinite of 2 elements"), NonFinite.inGradient(x), "d sqrt(x) / dx at 0");
        Value v = Value.of(0.0);
        v.log().backward();
        assertEquals(Optional.of("Infinity"), NonFinite.inGradient(v));
    }
}
