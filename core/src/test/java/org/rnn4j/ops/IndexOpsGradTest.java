package org.rnn4j.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnn4j.testutil.GradCheck.randomParam;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.rnn4j.autograd.Var;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.IntTensor;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.testutil.GradCheck;

class IndexOpsGradTest {
    private final Rng rng = new Rng(29);

    @Test
    void indexSelectEveryDimWithRepeats() {
        Var x = randomParam(rng, 1f, 3, 4, 5);
        int[] idx = {2, 0, 2};
        for (int dim = -3; dim < 3; dim++) {
            int d = dim;
            Var y = IndexOps.indexSelect(x, d, idx);
            assertEquals(x.shape().with(d, 3), y.shape());
            GradCheck.check("index_select dim " + d, List.of(x), () -> IndexOps.indexSelect(x, d, idx));
        }
        Var y = IndexOps.indexSelect(x, 1, idx);
        assertEquals(x.value().get(1, 2, 3), y.value().get(1, 0, 3));
        assertEquals(x.value().get(2, 0, 4), y.value().get(2, 1, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IndexOps.indexSelect(x, 0, new int[] {3}));
        assertTrue(e.getMessage().startsWith("index_select: index 3 out of range"), e.getMessage());
    }

    @Test
    void gatherGradients() {
        Var x = randomParam(rng, 1f, 3, 4);
        IntTensor i1 = IntTensor.of(Shape.of(3, 2), 0, 3, 1, 1, 2, 0);
        Var y = IndexOps.gather(x, 1, i1);
        assertArrayEquals(new float[] {x.value().get(0, 0), x.value().get(0, 3), x.value().get(1, 1),
            x.value().get(1, 1), x.value().get(2, 2), x.value().get(2, 0)}, y.value().data());
        GradCheck.check("gather dim 1", List.of(x), () -> IndexOps.gather(x, 1, i1));
        IntTensor i0 = IntTensor.of(Shape.of(2, 3), 2, 0, 1, 2, 2, 0);
        GradCheck.check("gather dim -2", List.of(x), () -> IndexOps.gather(x, -2, i0));
        Var z = randomParam(rng, 1f, 2, 3, 4);
        IntTensor i3 = IntTensor.of(Shape.of(2, 2, 1), 3, 0, 1, 3);
        GradCheck.check("gather 3-D dim 2", List.of(z), () -> IndexOps.gather(z, 2, i3));
        assertEquals(z.value().get(1, 1, 3), IndexOps.gather(z, 2, i3).value().get(1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> IndexOps.gather(x, 1, IntTensor.of(Shape.of(3, 1), 0, 4, 0)));
        assertThrows(IllegalArgumentException.class, () -> IndexOps.gather(x, 1, IntTensor.vector(0)));
    }

    @Test
    void embeddingAccumulatesRepeatsAndSkipsPadding() {
        Var w = randomParam(rng, 1f, 5, 3);
        IntTensor idx = IntTensor.of(Shape.of(2, 3), 1, 4, 1, 0, 4, 4);
        Var out = IndexOps.embedding(idx, w, OptionalInt.empty());
        assertEquals(Shape.of(2, 3, 3), out.shape());
        assertEquals(w.value().get(4, 2), out.value().get(1, 1, 2));
        GradCheck.check("embedding", List.of(w), () -> IndexOps.embedding(idx, w, OptionalInt.empty()));

        w.clearGrad();
        IndexOps.embedding(idx, w, OptionalInt.of(-1)).backward(Tensor.ones(Shape.of(2, 3, 3)));
        float[] g = w.grad().data();
        assertArrayEquals(new float[] {1, 1, 1}, java.util.Arrays.copyOfRange(g, 0, 3));  // row 0 once
        assertArrayEquals(new float[] {2, 2, 2}, java.util.Arrays.copyOfRange(g, 3, 6));  // row 1 twice
        assertArrayEquals(new float[] {0, 0, 0}, java.util.Arrays.copyOfRange(g, 12, 15)); // padding row 4 (= -1)
        Var scalarIdx = IndexOps.embedding(IntTensor.scalar(2), w, OptionalInt.empty());
        assertEquals(Shape.of(3), scalarIdx.shape());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IndexOps.embedding(IntTensor.vector(5), w, OptionalInt.empty()));
        assertTrue(e.getMessage().startsWith("embedding: index 5 out of range for num_embeddings 5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IndexOps.embedding(IntTensor.vector(0), w, OptionalInt.of(5)));
    }

    @Test
    void maskedFillBroadcastMask() {
        Var x = randomParam(rng, 1f, 2, 3);
        boolean[] full = {true, false, false, false, true, false};
        Var y = IndexOps.maskedFill(x, full, -9f);
        assertEquals(-9f, y.value().get(0, 0));
        assertEquals(x.value().get(0, 1), y.value().get(0, 1));
        GradCheck.check("masked_fill", List.of(x), () -> IndexOps.maskedFill(x, full, -9f));
        boolean[] col = {false, true, false};
        Var z = IndexOps.maskedFill(x, Shape.of(3), col, 0f);
        assertEquals(0f, z.value().get(1, 1));
        assertEquals(x.value().get(1, 2), z.value().get(1, 2));
        GradCheck.check("masked_fill broadcast", List.of(x), () -> IndexOps.maskedFill(x, Shape.of(3), col, 0f));
        Tensor rowMask = Tensor.of(Shape.of(2, 1), 0f, 1f);
        Var r = IndexOps.maskedFill(x, rowMask, 5f);
        assertArrayEquals(new float[] {5, 5, 5}, java.util.Arrays.copyOfRange(r.value().data(), 3, 6));
        GradCheck.check("masked_fill tensor mask", List.of(x), () -> IndexOps.maskedFill(x, rowMask, 5f));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IndexOps.maskedFill(x, Shape.of(2), new boolean[2], 0f));
        assertTrue(e.getMessage().startsWith("masked_fill:"), e.getMessage());
    }
}
