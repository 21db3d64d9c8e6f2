package io.github.autograd4j.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import org.junit.jupiter.api.Test;

class TensorDatasetTest {

    private final Tensor x = Tensor.arange(12).reshape(4, 3);
    private final Tensor y = Tensor.vector(10, 11, 12, 13);

    @Test
    void sampleIsOneRowOfEachTensor() {
        var data = new TensorDataset(x, y);
        assertEquals(4, data.size());
        Batch b = data.get(2);
        assertEquals(2, b.count());
        assertArrayEquals(new double[] {6, 7, 8}, b.get(0).toArray());
        assertEquals(Shape.scalar(), b.get(1).shape());
        assertEquals(12, b.get(1).item());
    }

    @Test
    void rowsTakesManyRowsInTheGivenOrder() {
        Batch b = new TensorDataset(x, y).rows(3, 0, 3);
        assertEquals(Shape.of(3, 3), b.get(0).shape());
        assertArrayEquals(new double[] {9, 10, 11, 0, 1, 2, 9, 10, 11}, b.get(0).toArray());
        assertArrayEquals(new double[] {13, 10, 13}, b.get(1).toArray());
        assertEquals(3, b.rows());
    }

    @Test
    void rejectsTensorsOfDifferentRowCounts() {
        var e = assertThrows(IllegalArgumentException.class, () -> new TensorDataset(x, Tensor.zeros(5, 2)));
        assertEquals("TensorDataset: tensor 1 has 5 rows (shape (5, 2)) but tensor 0 has 4 (shape (4, 3));"
                + " all tensors need the same size in dim 0", e.getMessage());
    }

    @Test
    void rejectsScalarsAndNoTensors() {
        var e = assertThrows(IllegalArgumentException.class, () -> new TensorDataset(x, Tensor.scalar(1)));
        assertEquals("TensorDataset: tensor 1 is a scalar; every tensor needs a dim 0 that indexes the samples", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, TensorDataset::new);
        assertEquals("TensorDataset: expected at least one tensor, got none", e.getMessage());
    }

    @Test
    void rejectsIndicesOutOfRange() {
        var data = new TensorDataset(x, y);
        var e = assertThrows(IndexOutOfBoundsException.class, () -> data.get(4));
        assertEquals("TensorDataset: index 4 out of range for 4 samples", e.getMessage());
        e = assertThrows(IndexOutOfBoundsException.class, () -> data.rows(0, -1));
        assertEquals("TensorDataset: index -1 out of range for 4 samples", e.getMessage());
    }

    @Test
    void batchRejectsMissingPositions() {
        var e = assertThrows(IndexOutOfBoundsException.class, () -> Batch.of(x, y).get(2));
        assertEquals("Batch: tensor 2 requested but the batch holds 2 (positions 0 to 1)", e.getMessage());
        var none = assertThrows(IllegalArgumentException.class, Batch::of);
        assertEquals("Batch: expected at least one tensor, got none", none.getMessage());
    }
}
