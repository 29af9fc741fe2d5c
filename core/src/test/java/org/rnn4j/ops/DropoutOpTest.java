package org.rnn4j.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnn4j.testutil.GradCheck.randomParam;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.autograd.Var;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.testutil.GradCheck;

class DropoutOpTest {

    @Test
    void identityInEvalOrZeroP() {
        Var x = randomParam(new Rng(1), 1f, 4, 5);
        assertSame(x, DropoutOp.dropout(x, 0.5, false, new Rng(2)));
        assertSame(x, DropoutOp.dropout(x, 0.0, true, new Rng(2)));
    }

    @Test
    void pOneGivesZerosAndZeroGradient() {
        Var x = randomParam(new Rng(1), 1f, 4, 5);
        Var y = DropoutOp.dropout(x, 1.0, true, new Rng(2));
        y.backward(Tensor.ones(y.shape()));
        for (int i = 0; i < 20; i++) {
            assertEquals(0f, y.value().data()[i], 0f); // -0.0 counts as zero (x·0, as PyTorch)
            assertEquals(0f, x.grad().data()[i], 0f);
        }
    }

    @Test
    void keptElementsAreScaledAndRateIsAboutP() {
        Tensor ones = Tensor.ones(org.rnn4j.tensor.Shape.of(10_000));
        Var y = DropoutOp.dropout(Var.constant(ones), 0.2, true, new Rng(3));
        int zeros = 0;
        for (float v : y.value().data()) {
            if (v == 0f) {
                zeros++;
            } else {
                assertEquals(1.25f, v);
            }
        }
        // binomial(10000, 0.2): mean 2000, sd 40; seeded, so deterministic
        assertTrue(Math.abs(zeros - 2000) < 200, "zeros " + zeros);
    }

    @Test
    void gradientUsesTheSameMaskAndSeedIsReproducible() {
        Var x = randomParam(new Rng(1), 1f, 3, 7);
        GradCheck.check("dropout", List.of(x), () -> DropoutOp.dropout(x, 0.3, true, new Rng(9)));
        float[] a = DropoutOp.dropout(x, 0.3, true, new Rng(9)).value().data();
        float[] b = DropoutOp.dropout(x, 0.3, true, new Rng(9)).value().data();
        assertArrayEquals(a, b);
    }

    @Test
    void badProbability() {
        Var x = Var.constant(Tensor.zeros(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DropoutOp.dropout(x, 1.5, true, new Rng(1)));
        assertTrue(e.getMessage().startsWith("dropout:"), e.getMessage());
    }
}
