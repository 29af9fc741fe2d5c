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

class MatrixOpsGradTest {
    private final Rng rng = new Rng(5);

    @Test
    void matmulShapesAndGradients() {
        int[][][] cases = {
            {{3, 4}, {4, 5}, {3, 5}},
            {{2, 3, 4}, {2, 4, 5}, {2, 3, 5}},
            {{2, 3, 4}, {4, 5}, {2, 3, 5}},
            {{3, 4}, {2, 4, 5}, {2, 3, 5}},
            {{2, 1, 3, 4}, {3, 4, 2}, {2, 3, 3, 2}},
            {{4}, {4}, {}},
            {{4}, {4, 3}, {3}},
            {{3, 4}, {4}, {3}},
            {{4}, {2, 4, 3}, {2, 3}},
            {{2, 3, 4}, {4}, {2, 3}},
        };
        for (int[][] c : cases) {
            Var a = randomParam(rng, 1f, c[0]);
            Var b = randomParam(rng, 1f, c[1]);
            Var y = MatrixOps.matmul(a, b);
            assertEquals(Shape.of(c[2]), y.shape(), "matmul " + Shape.of(c[0]) + "·" + Shape.of(c[1]));
            GradCheck.check("matmul " + Shape.of(c[0]) + "·" + Shape.of(c[1]), List.of(a, b), () -> MatrixOps.matmul(a, b));
        }
    }

    @Test
    void matmulValues() {
        Var a = Var.constant(Tensor.of(Shape.of(2, 2), 1, 2, 3, 4));
        Var b = Var.constant(Tensor.of(Shape.of(2, 2), 5, 6, 7, 8));
        assertArrayEquals(new float[] {19, 22, 43, 50}, MatrixOps.matmul(a, b).value().data());
    }

    @Test
    void matmulMismatchNamesShapes() {
        Var a = Var.constant(Tensor.zeros(2, 3));
        Var b = Var.constant(Tensor.zeros(4, 5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MatrixOps.matmul(a, b));
        assertTrue(e.getMessage().startsWith("matmul: shapes [2, 3] and [4, 5]"), e.getMessage());
    }

    @Test
    void linearGradientsAnyLeadingDims() {
        Var w = randomParam(rng, 1f, 3, 5);
        Var bias = randomParam(rng, 1f, 3);
        for (int[] xd : new int[][] {{5}, {4, 5}, {2, 3, 5}}) {
            Var x = randomParam(rng, 1f, xd);
            assertEquals(Shape.of(xd).with(-1, 3), MatrixOps.linear(x, w, bias).shape());
            GradCheck.check("linear " + Shape.of(xd), List.of(x, w, bias), () -> MatrixOps.linear(x, w, bias));
            GradCheck.check("linear nobias " + Shape.of(xd), List.of(x, w), () -> MatrixOps.linear(x, w, null));
        }
    }

    @Test
    void linearMatchesMatmulPlusBias() {
        Var x = randomParam(rng, 1f, 4, 5);
        Var w = randomParam(rng, 1f, 3, 5);
        Var b = randomParam(rng, 1f, 3);
        Var ref = Arithmetic.add(MatrixOps.matmul(x, ShapeOps.transpose(w, 0, 1)), b);
        float[] got = MatrixOps.linear(x, w, b).value().data();
        float[] want = ref.value().data();
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 1e-6f);
        }
    }

    @Test
    void linearMismatchMessage() {
        Var w = Var.constant(Tensor.zeros(2, 5));
        Var x = Var.constant(Tensor.zeros(3, 7));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MatrixOps.linear(x, w, null));
        assertEquals("linear: input [3, 7] does not match in_features 5", e.getMessage());
    }
}
