package org.rnn4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnn4j.autograd.Var;
import org.rnn4j.nn.Linear;
import org.rnn4j.ops.F;
import org.rnn4j.rand.Rng;

/** {@link Workspace}: arrays recycled between steps, zeroed when reused, and never readable once released. */
class WorkspaceTest {

    @Test
    void withoutAStepNothingIsBorrowed() {
        Tensor t = Workspace.zeros(2, 3);
        Workspace ws = new Workspace();
        try (Workspace.Step step = ws.open()) {
            assertTrue(step.isOpen());
        }
        assertFalse(t.isReleased());
        assertEquals(0f, t.data()[5]);
    }

    @Test
    @SuppressWarnings("try") // the resource is a scope (workspace step, grad mode), never referenced
    void aStepsArraysServeTheNextStepZeroed() {
        Workspace ws = new Workspace();
        float[] first;
        try (Workspace.Step step = ws.open()) {
            first = Workspace.floats(7);
            first[3] = 42f;
            Workspace.ints(5)[0] = 9;
        }
        assertEquals(2, ws.heldArrays());
        try (Workspace.Step step = ws.open()) {
            float[] again = Workspace.floats(7);
            assertSame(first, again, "the same request in the same place gets the same array");
            assertArrayEquals(new float[7], again, "handed out zeroed, like a new array");
            assertNotSame(first, Workspace.floats(7), "a second request of that size gets another array");
            assertEquals(0, Workspace.ints(5)[0]);
        }
        try (Workspace.Step step = ws.open()) {
            Workspace.floats(3); // a step that needs other sizes
        }
        assertEquals(1, ws.heldArrays(), "arrays the last step did not use are dropped");
    }


    @Test
    @SuppressWarnings("try") // the resource is a scope (workspace step, grad mode), never referenced
    void scratchArraysAreReusedUnclearedAndFloatsStayZeroed() {
        Workspace ws = new Workspace();
        float[] first;
        try (Workspace.Step step = ws.open()) {
            first = Workspace.scratchFloats(6);
            first[2] = 5f;
            Workspace.floats(4)[1] = 7f;
        }
        try (Workspace.Step step = ws.open()) {
            float[] again = Workspace.scratchFloats(6);
            assertSame(first, again, "the same request in the same place gets the same array");
            assertEquals(5f, again[2], "a scratch array is handed out as the last step left it");
            assertArrayEquals(new float[4], Workspace.floats(4), "floats() still zeroes what it hands out");
        }
        assertArrayEquals(new float[3], Workspace.scratchFloats(3), "without a step: a new (zero) array");
    }
    @Test
    @SuppressWarnings("try") // the resource is a scope (workspace step, grad mode), never referenced
    void aReleasedTensorCannotBeReadButACopyCan() {
        Workspace ws = new Workspace();
        Var x = Var.constant(Tensor.of(Shape.of(2), 1f, 2f));
        Var y;
        Tensor kept;
        try (Workspace.Step step = ws.open()) {
            y = F.mul(x, x);
            assertEquals(4f, y.value().get(1));
            kept = y.value().copy();
        }
        assertTrue(y.value().isReleased());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> y.value().data());
        assertTrue(e.getMessage().contains("workspace step that has been closed"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> y.value().get(0));
        assertThrows(IllegalStateException.class, () -> y.value().view(2, 1).data());
        assertTrue(y.value().toString().contains("released"));
        assertArrayEquals(new float[] {1f, 4f}, kept.data());
        assertFalse(x.value().isReleased(), "inputs made outside the step are untouched");
    }

    @Test
    @SuppressWarnings("try") // the resource is a scope (workspace step, grad mode), never referenced
    void backwardThroughAClosedStepIsRefusedAndChangesNothing() {
        Linear lin = new Linear(3, 2, new Rng(1));
        Var x = Var.constant(Tensor.of(Shape.of(1, 3), 1f, -2f, 0.5f));
        Workspace ws = new Workspace();
        Var loss;
        try (Workspace.Step step = ws.open()) {
            loss = F.sum(lin.forward(x));
            loss.backward();                       // inside: works (and twice, as without a workspace)
            loss.backward();
        }
        float[] grad = lin.weight().grad().data().clone();
        assertFalse(lin.weight().grad().isReleased(), "a parameter's gradient is never borrowed");
        IllegalStateException e = assertThrows(IllegalStateException.class, loss::backward);
        assertTrue(e.getMessage().contains("backward"), e.getMessage());
        assertArrayEquals(grad, lin.weight().grad().data(), "a refused backward moves no gradient");
    }

    @Test
    void oneStepAtATimeAndInnermostFirst() {
        Workspace a = new Workspace();
        Workspace b = new Workspace();
        try (Workspace.Step outer = a.open()) {
            assertThrows(IllegalStateException.class, a::open);
            Workspace.Step inner = b.open();
            assertThrows(IllegalStateException.class, outer::close);
            inner.close();
            inner.close(); // closing twice does nothing
            float[] f = Workspace.floats(2);
            assertEquals(2, f.length);
        }
        assertEquals(1, a.heldArrays(), "after the inner step closed, requests went to the outer one");
    }
}
