package org.rnn4j.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnn4j.autograd.GradMode;
import org.rnn4j.autograd.Var;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

/** Graph-level behaviour through the ops: deep graphs, accumulation, detach, no-grad mode. */
class AutogradBehaviourTest {

    @Test
    void unrolledGraphOf100kNodesBackpropagatesWithoutStackOverflow() {
        Var x = Var.param(Tensor.scalar(1f));
        Var h = x;
        // h ← h·1 + 0 repeated: 100,000 nodes; d h / d x = 1
        for (int i = 0; i < 50_000; i++) {
            h = Arithmetic.add(Arithmetic.mul(h, 1f), 0f);
        }
        h.backward();
        assertEquals(1f, x.grad().item());
        Var y = Var.param(Tensor.of(Shape.of(2), 0.5f, 2f));
        Var c = Var.constant(Tensor.of(Shape.of(2), 1f, 1f));
        Var z = y;
        for (int i = 0; i < 100_000; i++) {
            z = Arithmetic.add(z, c); // z = y + 100000
        }
        Reductions.sum(Arithmetic.mul(z, y)).backward(); // d/dy Σ (y + n)·y = 2y + n
        assertArrayEquals(new float[] {100_001f, 100_004f}, y.grad().data());
    }

    @Test
    void gradientsAccumulateAcrossBackwardCalls() {
        Var x = Var.param(Tensor.of(Shape.of(3), 1f, 2f, 3f));
        Reductions.sum(Arithmetic.mul(x, x)).backward();
        assertArrayEquals(new float[] {2, 4, 6}, x.grad().data());
        Reductions.sum(Arithmetic.mul(x, 3f)).backward();
        assertArrayEquals(new float[] {5, 7, 9}, x.grad().data());
        x.zeroGrad();
        assertArrayEquals(new float[] {0, 0, 0}, x.grad().data());
    }

    @Test
    void sharedSubexpressionReceivesBothContributions() {
        Var x = Var.param(Tensor.scalar(3f));
        Var t = Activations.tanh(x);
        Var y = Arithmetic.add(t, Arithmetic.mul(t, 2f)); // 3·tanh(x)
        y.backward();
        float th = (float) Math.tanh(3.0);
        assertEquals(3f * (1f - th * th), x.grad().item(), 1e-6f);
    }

    @Test
    void detachStopsGradients() {
        Var x = Var.param(Tensor.of(Shape.of(2), 1f, 2f));
        Var y = Arithmetic.mul(x, x.detach()); // d/dx = x (not 2x)
        Reductions.sum(y).backward();
        assertArrayEquals(new float[] {1, 2}, x.grad().data());
        Var only = Arithmetic.mul(x.detach(), 2f);
        assertFalse(only.requiresGrad());
    }

    @Test
    @SuppressWarnings("try") // the resource is a scope (workspace step, grad mode), never referenced
    void gradModeDisabledBuildsNoGraph() {
        Var x = Var.param(Tensor.of(Shape.of(2, 2), 1, 2, 3, 4));
        Var y;
        try (var off = GradMode.disabled()) {
            y = MatrixOps.matmul(Activations.tanh(x), x);
        }
        assertFalse(y.requiresGrad());
        assertTrue(y.isLeaf());
        assertNull(x.grad());
        assertTrue(GradMode.isEnabled());
        assertTrue(MatrixOps.matmul(x, x).requiresGrad());
    }
}
