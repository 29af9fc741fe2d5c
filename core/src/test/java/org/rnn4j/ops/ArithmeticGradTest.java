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

class ArithmeticGradTest {
    private final Rng rng = new Rng(11);

    /** Shape pairs exercising broadcasting: equal, trailing, leading 1s, missing dims, scalar. */
    private static final int[][][] PAIRS = {
        {{3, 5}, {3, 5}},
        {{2, 3, 5}, {5}},
        {{2, 1, 5}, {3, 1}},
        {{4, 1}, {1, 3}},
        {{1}, {2, 3}},
        {{}, {3, 2}},
        {{2, 3, 1}, {2, 1, 4}},
    };

    @Test
    void addSubMulDivBroadcastGradients() {
        for (int[][] p : PAIRS) {
            Var a = randomParam(rng, 1f, p[0]);
            Var b = randomParam(rng, 1f, p[1]);
            Var bPos = Var.param(positive(p[1]));
            GradCheck.check("add " + Shape.of(p[0]) + Shape.of(p[1]), List.of(a, b), () -> Arithmetic.add(a, b));
            GradCheck.check("sub", List.of(a, b), () -> Arithmetic.sub(a, b));
            GradCheck.check("sub reversed", List.of(b, a), () -> Arithmetic.sub(b, a));
            GradCheck.check("mul", List.of(a, b), () -> Arithmetic.mul(a, b));
            GradCheck.check("div", List.of(a, bPos), () -> Arithmetic.div(a, bPos));
        }
    }

    private Tensor positive(int[] dims) {
        Tensor t = Tensor.zeros(dims);
        rng.fillUniform(t.data(), 0.5f, 2f);
        return t;
    }

    @Test
    void broadcastForwardValues() {
        Var a = Var.constant(Tensor.of(Shape.of(2, 1), 1f, 2f));
        Var b = Var.constant(Tensor.of(Shape.of(3), 10f, 20f, 30f));
        Var c = Arithmetic.add(a, b);
        assertEquals(Shape.of(2, 3), c.shape());
        assertArrayEquals(new float[] {11, 21, 31, 12, 22, 32}, c.value().data());
        Var d = Arithmetic.div(b, a);
        assertArrayEquals(new float[] {10, 20, 30, 5, 10, 15}, d.value().data());
    }

    @Test
    void scalarVariants() {
        Var x = randomParam(rng, 1f, 3, 4);
        GradCheck.check("add scalar", List.of(x), () -> Arithmetic.add(x, 0.5f));
        GradCheck.check("sub scalar", List.of(x), () -> Arithmetic.sub(x, 0.5f));
        GradCheck.check("mul scalar", List.of(x), () -> Arithmetic.mul(x, -1.5f));
        GradCheck.check("div scalar", List.of(x), () -> Arithmetic.div(x, 3f));
        GradCheck.check("rsub", List.of(x), () -> Arithmetic.rsub(2f, x));
        assertEquals(x.value().data()[0] / 3f, Arithmetic.div(x, 3f).value().data()[0]);
        assertEquals(2f - x.value().data()[1], Arithmetic.rsub(2f, x).value().data()[1]);
    }

    @Test
    void notBroadcastableNamesOpAndShapes() {
        Var a = Var.constant(Tensor.zeros(2, 3));
        Var b = Var.constant(Tensor.zeros(4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Arithmetic.mul(a, b));
        assertTrue(e.getMessage().contains("mul") && e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4]"),
                e.getMessage());
    }
}
