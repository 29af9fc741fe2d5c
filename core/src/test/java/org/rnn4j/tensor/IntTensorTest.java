package org.rnn4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IntTensorTest {

    @Test
    void constructionCopiesOrWraps() {
        int[] a = {1, 2, 3, 4, 5, 6};
        IntTensor copied = IntTensor.of(Shape.of(2, 3), a);
        IntTensor wrapped = IntTensor.wrap(Shape.of(2, 3), a);
        a[0] = 9;
        assertEquals(1, copied.data()[0]);
        assertEquals(9, wrapped.data()[0]);
        assertEquals(Shape.of(3, 2), wrapped.view(Shape.of(3, 2)).shape());
        assertEquals(IntTensor.vector(7), IntTensor.fromLongs(Shape.of(1), new long[] {7L}));
        assertEquals(Shape.scalar(), IntTensor.scalar(3).shape());
    }

    @Test
    void rejectsWrongSizesAndHugeLongs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IntTensor.of(Shape.of(2, 2), 1, 2, 3));
        assertEquals("int tensor: shape [2, 2] needs 4 elements, got 3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IntTensor.fromLongs(Shape.of(1), new long[] {1L << 40}));
        assertArrayEquals(new int[] {2, 3}, IntTensor.of(Shape.of(2, 3), new int[6]).dims());
    }
}
