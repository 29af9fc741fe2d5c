package org.rnn4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.autograd.Var;
import org.rnn4j.tensor.Tensor;

class GradClipTest {

    private static Var withGrad(float... g) {
        Var v = Var.param(Tensor.zeros(g.length));
        v.gradBuffer().copyFrom(Tensor.vector(g));
        return v;
    }

    @Test
    void twoNormIsTheNormOfAllGradientsAndScalesByMaxOverTotal() {
        Var a = withGrad(3f, 4f);
        Var b = withGrad(12f);
        double total = GradClip.clipGradNorm(List.of(a, b), 1.0);
        assertEquals(13.0, total, 1e-6);
        float coef = (float) (1.0 / (13.0 + 1e-6));
        assertArrayEquals(new float[] {3 * coef, 4 * coef}, a.grad().data(), 1e-7f);
        assertArrayEquals(new float[] {12 * coef}, b.grad().data(), 1e-7f);
    }

    @Test
    void otherNormTypes() {
        // p = 1: Σ|g|; p = 3: (Σ|g|³)^(1/3); inf: max |g|
        assertEquals(10.0, GradClip.clipGradNorm(List.of(withGrad(1f, -2f), withGrad(3f, -4f)), 100, 1.0), 1e-6);
        double p3 = Math.cbrt(1 + 8 + 27 + 64);
        assertEquals(p3, GradClip.clipGradNorm(List.of(withGrad(1f, -2f), withGrad(3f, -4f)), 100, 3.0), 1e-5);
        Var a = withGrad(1f, -5f);
        Var b = withGrad(3f);
        assertEquals(5.0, GradClip.clipGradNorm(List.of(a, b), 2.5, Double.POSITIVE_INFINITY));
        assertArrayEquals(new float[] {0.5f, -2.5f}, a.grad().data(), 1e-6f);
        assertArrayEquals(new float[] {1.5f}, b.grad().data(), 1e-6f);
    }

    @Test
    void smallGradientsAreLeftAsTheyAre() {
        Var a = withGrad(0.1f, -0.2f);
        GradClip.clipGradNorm(List.of(a), 1.0);
        assertArrayEquals(new float[] {0.1f, -0.2f}, a.grad().data());
    }

    @Test
    void variablesWithoutGradientAreIgnored() {
        Var none = Var.param(Tensor.zeros(3));
        assertEquals(0.0, GradClip.clipGradNorm(List.of(none), 1.0));
        assertEquals(5.0, GradClip.clipGradNorm(List.of(none, withGrad(3f, 4f)), 10.0), 1e-6);
        assertEquals(null, none.grad());
    }

    @Test
    void nonFiniteNorm() {
        Var a = withGrad(Float.POSITIVE_INFINITY, 1f);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GradClip.clipGradNorm(List.of(a), 1.0, 2.0, true));
        assertTrue(e.getMessage().startsWith("clip_grad_norm_: the total norm of order 2.0"), e.getMessage());
        Var b = withGrad(Float.NaN, 1f);
        assertTrue(Double.isNaN(GradClip.clipGradNorm(List.of(b), 1.0, Double.POSITIVE_INFINITY)));
    }

    @Test
    void clipValueClampsEachElement() {
        Var a = withGrad(-2f, -0.25f, 0.5f, 3f);
        GradClip.clipGradValue(List.of(a), 0.5);
        assertArrayEquals(new float[] {-0.5f, -0.25f, 0.5f, 0.5f}, a.grad().data());
    }

    @Test
    void invalidArguments() {
        List<Var> g = List.of(withGrad(1f));
        assertEquals("clip_grad_norm_: max_norm must be >= 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> GradClip.clipGradNorm(g, -1.0)).getMessage());
        assertEquals("clip_grad_norm_: norm_type must be > 0 or inf, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> GradClip.clipGradNorm(g, 1.0, 0.0)).getMessage());
        assertEquals("clip_grad_value_: clip_value must be >= 0, got -0.5",
                assertThrows(IllegalArgumentException.class, () -> GradClip.clipGradValue(g, -0.5)).getMessage());
    }
}
