package org.rnn4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.rnn4j.autograd.Var;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.IntTensor;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

class BasicModulesTest {

    private static float maxAbs(Tensor t) {
        float m = 0;
        for (float v : t.data()) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    @Test
    void linearParamsNamesShapesAndInitBounds() {
        Linear lin = new Linear(16, 8, true, new Rng(1));
        assertEquals(List.of("weight", "bias"), List.copyOf(lin.namedParameters().keySet()));
        assertEquals(Shape.of(8, 16), lin.weight().shape());
        assertEquals(Shape.of(8), lin.bias().orElseThrow().shape());
        float bound = 0.25f; // 1/√16
        assertTrue(maxAbs(lin.weight().value()) <= bound);
        assertTrue(maxAbs(lin.weight().value()) > 0.8f * bound, "weights should fill U(-1/√in, 1/√in)");
        assertTrue(maxAbs(lin.bias().orElseThrow().value()) <= bound);
        Linear noBias = new Linear(16, 8, false, new Rng(1));
        assertEquals(List.of("weight"), List.copyOf(noBias.namedParameters().keySet()));
        assertTrue(noBias.bias().isEmpty());
        assertArrayEquals(lin.weight().value().data(), noBias.weight().value().data()); // same seed, weight first
    }

    @Test
    void linearForwardShapesAndError() {
        Linear lin = new Linear(5, 3, new Rng(2));
        assertEquals(Shape.of(3), lin.forward(Var.constant(Tensor.zeros(5))).shape());
        assertEquals(Shape.of(2, 4, 3), lin.forward(Var.constant(Tensor.zeros(2, 4, 5))).shape());
        Var zeroIn = lin.forward(Var.constant(Tensor.zeros(1, 5)));
        assertArrayEquals(lin.bias().orElseThrow().value().data(), zeroIn.value().data());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> lin.forward(Var.constant(Tensor.zeros(3, 7))));
        assertEquals("linear: input [3, 7] does not match in_features 5", e.getMessage());
    }

    @Test
    void embeddingInitPaddingAndForward() {
        Embedding emb = new Embedding(10, 4, -1, new Rng(3));
        assertEquals(OptionalInt.of(9), emb.paddingIdx());
        assertArrayEquals(new float[4], java.util.Arrays.copyOfRange(emb.weight().value().data(), 36, 40));
        assertTrue(maxAbs(emb.weight().value()) > 1f, "N(0, 1) init");
        Var out = emb.forward(IntTensor.of(Shape.of(2, 2), 9, 1, 1, 0));
        assertEquals(Shape.of(2, 2, 4), out.shape());
        out.backward(Tensor.ones(out.shape()));
        float[] g = emb.weight().grad().data();
        assertEquals(2f, g[4]);
        assertEquals(0f, g[36]);
        assertThrows(IllegalArgumentException.class, () -> new Embedding(10, 4, 10, new Rng(3)));
        assertThrows(IllegalArgumentException.class, () -> new Embedding(10, 4, -11, new Rng(3)));
        assertTrue(new Embedding(10, 4, new Rng(3)).paddingIdx().isEmpty());
    }

    @Test
    void embeddingFromPretrainedCopiesAndFreezes() {
        Tensor w = Tensor.of(Shape.of(3, 2), 1, 2, 3, 4, 5, 6);
        Embedding frozen = Embedding.fromPretrained(w, true, OptionalInt.of(0));
        assertNotSame(w.data(), frozen.weight().value().data());
        assertArrayEquals(w.data(), frozen.weight().value().data()); // padding row kept as given
        Var out = frozen.forward(IntTensor.vector(0, 2));
        assertArrayEquals(new float[] {1, 2, 5, 6}, out.value().data());
        assertFalse(out.requiresGrad());
        assertFalse(frozen.weight().trainable());
        Embedding trainable = Embedding.fromPretrained(w, false);
        Var o2 = trainable.forward(IntTensor.vector(1));
        o2.backward(Tensor.ones(o2.shape()));
        assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0}, trainable.weight().grad().data());
    }

    @Test
    void dropoutModuleFollowsTrainingFlag() {
        Dropout d = new Dropout(0.5, new Rng(4));
        Var x = Var.constant(Tensor.ones(Shape.of(100)));
        Var train = d.forward(x);
        boolean sawZero = false;
        for (float v : train.value().data()) {
            assertTrue(v == 0f || v == 2f);
            sawZero |= v == 0f;
        }
        assertTrue(sawZero);
        d.eval();
        assertSame(x, d.forward(x));
        assertThrows(IllegalArgumentException.class, () -> new Dropout(-0.1, new Rng(1)));
    }

    @Test
    void initHelpers() {
        Tensor t = Tensor.zeros(20, 30);
        assertArrayEquals(new int[] {30, 20}, Init.fanInAndFanOut(t));
        assertArrayEquals(new int[] {30 * 4, 20 * 4}, Init.fanInAndFanOut(Tensor.zeros(20, 30, 2, 2)));
        assertThrows(IllegalArgumentException.class, () -> Init.fanInAndFanOut(Tensor.zeros(5)));
        Init.xavierUniform(t, new Rng(5));
        double xb = Math.sqrt(6.0 / 50);
        assertTrue(maxAbs(t) <= xb && maxAbs(t) > 0.9 * xb);
        Init.kaimingUniform(t, 0.0, Init.FanMode.FAN_OUT, Init.Nonlinearity.RELU, new Rng(6));
        double kb = Math.sqrt(2.0) * Math.sqrt(3.0 / 20);
        assertTrue(maxAbs(t) <= kb && maxAbs(t) > 0.9 * kb);
        Init.kaimingUniform(t, Math.sqrt(5), new Rng(7));
        assertTrue(maxAbs(t) <= 1 / Math.sqrt(30) + 1e-7);
        assertEquals(5.0 / 3.0, Init.calculateGain(Init.Nonlinearity.TANH, 0), 1e-12);
        assertEquals(Math.sqrt(2.0 / 1.0001), Init.calculateGain(Init.Nonlinearity.LEAKY_RELU, 0.01), 1e-12);
        Init.normal(t, 3.0, 0.0, new Rng(8));
        assertEquals(3f, t.get(4, 5));
        Init.zeros(t);
        assertEquals(0f, maxAbs(t));
        Init.constant(t, 2.5);
        assertEquals(2.5f, t.get(19, 29));
    }
}
