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

class ReductionsGradTest {
    private final Rng rng = new Rng(17);

    @Test
    void allElementGradients() {
        Var x = randomParam(rng, 1f, 3, 5);
        GradCheck.check("sum", List.of(x), () -> Reductions.sum(x));
        GradCheck.check("mean", List.of(x), () -> Reductions.mean(x));
        assertEquals(Shape.scalar(), Reductions.sum(x).shape());
    }

    @Test
    void alongDimGradientsEveryDimAndKeepdim() {
        Var x = randomParam(rng, 1f, 2, 3, 5);
        for (int dim = -3; dim < 3; dim++) {
            for (boolean keep : new boolean[] {false, true}) {
                int d = dim;
                GradCheck.check("sum dim " + d + " keep " + keep, List.of(x), () -> Reductions.sum(x, d, keep));
                GradCheck.check("mean dim " + d + " keep " + keep, List.of(x), () -> Reductions.mean(x, d, keep));
            }
        }
    }

    @Test
    void values() {
        Var x = Var.constant(Tensor.of(Shape.of(2, 3), 1, 2, 3, 4, 5, 6));
        assertEquals(21f, Reductions.sum(x).value().item());
        assertEquals(3.5f, Reductions.mean(x).value().item());
        assertArrayEquals(new float[] {5, 7, 9}, Reductions.sum(x, 0).value().data());
        assertArrayEquals(new float[] {2, 5}, Reductions.mean(x, -1).value().data());
        assertEquals(Shape.of(2, 1), Reductions.sum(x, 1, true).shape());
        assertEquals(Shape.of(1, 3), Reductions.mean(x, -2, true).shape());
        assertEquals(Shape.of(3), Reductions.sum(x, 0, false).shape());
    }

    @Test
    void badDimNamesOp() {
        Var x = Var.constant(Tensor.zeros(2, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Reductions.sum(x, 2));
        assertTrue(e.getMessage().startsWith("sum: dim 2 out of range for shape [2, 3]"), e.getMessage());
    }
}
