package io.github.autograd4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link BlockedProduct} splits the inner dimension into blocks as deep as each other as they can be. */
class BlockedProductTest {

    @Test
    void blocksOfTheInnerDimensionAreBalanced() {
        assertEquals(128, BlockedProduct.balanced(1024, 144));
        assertEquals(196, BlockedProduct.balanced(784, 256));
        assertEquals(100, BlockedProduct.balanced(100, 144));
        assertEquals(1, BlockedProduct.balanced(0, 144));
    }

    @Test
    void balancedBlocksAreNoDeeperAndNoMoreThanTheGivenOnes() {
        for (int kc : new int[] {1, 8, 16, 144, 256}) {
            for (int k = 1; k <= 2000; k++) {
                int depth = BlockedProduct.balanced(k, kc);
                assertTrue(depth >= 1 && depth <= kc, "k=" + k + " kc=" + kc + ": " + depth);
                assertEquals((k + kc - 1) / kc, (k + depth - 1) / depth, "k=" + k + " kc=" + kc);
            }
        }
    }
}
