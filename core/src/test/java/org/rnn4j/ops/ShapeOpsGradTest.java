package org.rnn4j.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnn4j.testutil.GradCheck.randomParam;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.autograd.Var;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.testutil.GradCheck;

class ShapeOpsGradTest {
    private final Rng rng = new Rng(23);

    private static Var iota(int... dims) {
        Tensor t = Tensor.zeros(dims);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = i;
        }
        return Var.constant(t);
    }

    @Test
    void reshapeInfersMinusOne() {
        Var x = randomParam(rng, 1f, 2, 3, 5);
        assertEquals(Shape.of(6, 5), ShapeOps.reshape(x, -1, 5).shape());
        assertEquals(Shape.of(2, 15), ShapeOps.reshape(x, 2, -1).shape());
        GradCheck.check("reshape", List.of(x), () -> ShapeOps.reshape(x, 5, -1));
        GradCheck.check("unsqueeze", List.of(x), () -> ShapeOps.unsqueeze(x, -1));
        assertEquals(Shape.of(2, 3, 1, 5), ShapeOps.unsqueeze(x, 2).shape());
        assertEquals(Shape.of(3, 5), ShapeOps.squeeze(ShapeOps.unsqueeze(iota(3, 5), 0), 0).shape());
        assertThrows(IllegalArgumentException.class, () -> ShapeOps.reshape(x, -1, -1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShapeOps.reshape(x, 4, -1));
        assertTrue(e.getMessage().startsWith("reshape: cannot reshape [2, 3, 5]"), e.getMessage());
    }

    @Test
    void transposeAndPermute() {
        Var t = ShapeOps.transpose(iota(2, 3), 0, 1);
        assertEquals(Shape.of(3, 2), t.shape());
        assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, t.value().data());
        Var p = ShapeOps.permute(iota(2, 3, 4), 2, 0, 1);
        assertEquals(Shape.of(4, 2, 3), p.shape());
        assertEquals(13f, p.value().get(1, 1, 0)); // x[1, 0, 1] = 1·12 + 0·4 + 1
        Var x = randomParam(rng, 1f, 2, 3, 5);
        GradCheck.check("transpose", List.of(x), () -> ShapeOps.transpose(x, -1, 0));
        GradCheck.check("permute", List.of(x), () -> ShapeOps.permute(x, 1, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> ShapeOps.permute(x, 0, 0, 1));
    }

    @Test
    void catAndStack() {
        Var a = randomParam(rng, 1f, 2, 3);
        Var b = randomParam(rng, 1f, 2, 1);
        Var c = randomParam(rng, 1f, 2, 4);
        Var y = ShapeOps.cat(List.of(a, b, c), -1);
        assertEquals(Shape.of(2, 8), y.shape());
        assertEquals(b.value().get(1, 0), y.value().get(1, 3));
        GradCheck.check("cat dim -1", List.of(a, b, c), () -> ShapeOps.cat(List.of(a, b, c), -1));
        Var d = randomParam(rng, 1f, 1, 3);
        GradCheck.check("cat dim 0", List.of(a, d), () -> ShapeOps.cat(List.of(a, d), 0));
        Var e = randomParam(rng, 1f, 2, 3);
        for (int dim = -3; dim < 3; dim++) {
            int dd = dim;
            GradCheck.check("stack dim " + dd, List.of(a, e), () -> ShapeOps.stack(List.of(a, e), dd));
        }
        assertEquals(Shape.of(2, 2, 3), ShapeOps.stack(List.of(a, e), 1).shape());
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> ShapeOps.cat(List.of(a, c), 0));
        assertTrue(ex.getMessage().startsWith("cat: shape [2, 4] does not match [2, 3]"), ex.getMessage());
    }

    @Test
    void narrowSelectSplitChunk() {
        Var x = randomParam(rng, 1f, 3, 7);
        GradCheck.check("narrow", List.of(x), () -> ShapeOps.narrow(x, 1, 2, 4));
        GradCheck.check("narrow negative", List.of(x), () -> ShapeOps.narrow(x, -2, -2, 2));
        GradCheck.check("select", List.of(x), () -> ShapeOps.select(x, 1, -1));
        assertEquals(Shape.of(7), ShapeOps.select(x, 0, 2).shape());
        assertArrayEquals(new float[] {2, 3, 4, 9, 10, 11}, ShapeOps.narrow(iota(2, 7), 1, 2, 3).value().data());

        List<Var> parts = ShapeOps.split(x, 3, 1);
        assertEquals(3, parts.size());
        assertEquals(Shape.of(3, 1), parts.get(2).shape());
        GradCheck.check("split sizes", List.of(x), () -> ShapeOps.cat(
                List.of(ShapeOps.split(x, new int[] {4, 1, 2}, -1).get(2), ShapeOps.split(x, new int[] {4, 1, 2}, -1).get(0)), 1));
        List<Var> chunks = ShapeOps.chunk(x, 2, 1);
        assertEquals(Shape.of(3, 4), chunks.get(0).shape());
        assertEquals(Shape.of(3, 3), chunks.get(1).shape());
        assertThrows(IllegalArgumentException.class, () -> ShapeOps.split(x, new int[] {3, 3}, 1));
        assertThrows(IllegalArgumentException.class, () -> ShapeOps.narrow(x, 1, 5, 3));
    }
}
