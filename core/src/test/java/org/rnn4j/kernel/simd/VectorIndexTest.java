package org.rnn4j.kernel.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link VectorIndexKernels} against {@link org.rnn4j.kernel.ScalarIndexKernels}: the row
 * accumulation of {@code indexAdd} bitwise, on odd row lengths (vector tails), offsets, repeated
 * and skipped indices.
 */
class VectorIndexTest extends VectorVsScalar {
    private static final int[] INNER = {0, 1, 15, 16, 17, 33, 100};

    VectorIndexTest() {
        super(71);
    }

    @Test
    void indexAddIsBitwiseEqual() {
        int outer = 2;
        int n = 5;
        int[] idx = {9, 3, 0, 3, 4, 1, 3}; // from offset 1: repeated 3, skipped 4
        int k = 6;
        for (int inner : INNER) {
            for (int skip : new int[] {-1, 4}) {
                float[] src = rand(outer * k * inner, -1f, 1f);
                float[] want = rand(outer * n * inner, -1f, 1f);
                float[] got = want.clone();
                scalar.index().indexAdd(outer, n, inner, idx, 1, k, skip, src, OFF, want, OFF);
                vector.index().indexAdd(outer, n, inner, idx, 1, k, skip, src, OFF, got, OFF);
                assertArrayEquals(want, got, "inner=" + inner + " skip=" + skip);
            }
        }
    }
}
