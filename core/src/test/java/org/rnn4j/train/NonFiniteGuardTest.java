package org.rnn4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnn4j.autograd.Var;
import org.rnn4j.nn.Linear;
import org.rnn4j.ops.F;
import org.rnn4j.optim.SGD;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

/** {@link Trainer}'s guard: a NaN/Inf loss or gradient stops (naming step and parameter) or skips, weights untouched. */
class NonFiniteGuardTest {
    private final Linear fc = new Linear(1, 2, new Rng(3));

    private Trainer trainer(OnNonFinite policy) {
        fc.weight().value().data()[0] = 1e-3f;
        fc.weight().value().data()[1] = -1e-3f;
        return new Trainer(new SGD(fc.parameters(), 0.1), Clipping.none(), policy, fc);
    }

    /** sum(fc(x) · c): finite for x = 2, c = 3e38, but d/dweight = x·c overflows to infinity. */
    private Var loss(float x, float c) {
        return F.sum(F.mul(fc.forward(Var.constant(Tensor.of(Shape.of(1, 1), x))), c));
    }

    private float[] weights() {
        return fc.weight().value().data().clone();
    }

    @Test
    void infiniteLossStopsBeforeTheStepNamingIt() {
        Trainer t = trainer(OnNonFinite.STOP);
        t.step(() -> loss(1, 1)); // one good step
        float[] before = weights();
        NonFiniteException e = assertThrows(NonFiniteException.class, () -> t.step(() -> loss(Float.POSITIVE_INFINITY, 1)));
        assertEquals(2, e.step());
        assertNull(e.parameter());
        assertTrue(e.getMessage().startsWith("training stopped at step 2: loss is "), e.getMessage());
        assertArrayEquals(before, weights());
        assertEquals(1, t.steps());
    }

    @Test
    void infiniteGradientStopsNamingTheParameter() {
        Trainer t = trainer(OnNonFinite.STOP);
        float[] before = weights();
        NonFiniteException e = assertThrows(NonFiniteException.class, () -> t.step(() -> loss(2, 3e38f)));
        assertEquals(1, e.step());
        assertEquals("weight", e.parameter());
        assertTrue(e.getMessage().contains("gradient of weight is not finite"), e.getMessage());
        assertArrayEquals(before, weights());
    }

    @Test
    void skipLeavesWeightsAndOptimizerAloneAndCounts() {
        Trainer t = trainer(OnNonFinite.SKIP);
        float[] before = weights();
        assertTrue(!Float.isFinite(t.step(() -> loss(Float.POSITIVE_INFINITY, 1))));
        t.step(() -> loss(2, 3e38f));
        assertArrayEquals(before, weights());
        assertEquals(2, t.skipped());
        assertEquals(0, t.steps());
        t.step(() -> loss(1, 1)); // a good step still trains
        assertEquals(1, t.steps());
        assertTrue(weights()[0] != before[0]);
    }
}
