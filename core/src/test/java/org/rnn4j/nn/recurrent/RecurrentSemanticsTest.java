package org.rnn4j.nn.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnn4j.autograd.GradMode;
import org.rnn4j.autograd.Var;
import org.rnn4j.nn.Parameter;
import org.rnn4j.ops.F;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

/** PyTorch's conventions that the golden cases imply, checked directly on random layers. */
class RecurrentSemanticsTest {

    private static float[] slice(Var v, int... leading) {
        Var s = v;
        for (int i : leading) {
            s = F.select(s, 0, i);
        }
        return s.value().data();
    }

    private static float[] half(float[] row, int part, int width) {
        float[] out = new float[width];
        System.arraycopy(row, part * width, out, 0, width);
        return out;
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void hNIsTheLastStepForwardAndStepZeroReverse(CellKind kind) {
        RecurrentLayer m = FusedVsComposedTest.layer(kind, 3, 4, RecurrentOptions.DEFAULTS.withBidirectional(true), new Rng(1));
        Var x = Support.random(new Rng(2), 1f, 5, 2, 3);
        Var[] r = FusedVsComposedTest.runFused(m, x, null, false, null, null);
        for (int b = 0; b < 2; b++) {
            assertArrayEquals(slice(r[1], 0, b), half(slice(r[0], 4, b), 0, 4), "forward h_n = out[T-1] forward half");
            assertArrayEquals(slice(r[1], 1, b), half(slice(r[0], 0, b), 1, 4), "reverse h_n = out[0] reverse half");
        }
        // packed: each sequence's own last step, reverse starting there
        int[] lengths = {2, 5};
        Var[] p = FusedVsComposedTest.runFused(m, x, lengths, true, null, null);
        for (int b = 0; b < 2; b++) {
            assertArrayEquals(slice(p[1], 0, b), half(slice(p[0], lengths[b] - 1, b), 0, 4));
            assertArrayEquals(slice(p[1], 1, b), half(slice(p[0], 0, b), 1, 4));
        }
        // a sequence of length 2 in a packed batch equals running it alone
        Var alone = F.narrow(F.narrow(x, 1, 0, 1), 0, 0, 2);
        Var[] a = FusedVsComposedTest.runFused(m, alone, null, false, null, null);
        Support.assertClose("sequence alone", a[1].value(), F.narrow(p[1], 1, 0, 1).value(), 1e-6, 1e-7);
    }

    @ParameterizedTest
    @EnumSource(value = CellKind.class, names = {"LSTM", "GRU"})
    void unbatchedEqualsBatchOfOneAndBatchFirstEqualsTransposed(CellKind kind) {
        RecurrentOptions bf = RecurrentOptions.DEFAULTS.withNumLayers(2).withBatchFirst(true);
        RecurrentLayer m = FusedVsComposedTest.layer(kind, 3, 4, bf, new Rng(3));
        Var x = Support.random(new Rng(4), 1f, 6, 3); // [T, I] unbatched even though batch_first
        Var[] un = FusedVsComposedTest.runFused(m, x, null, false, null, null);
        assertEquals(Shape.of(6, 4), un[0].shape());
        assertEquals(Shape.of(2, 4), un[1].shape());
        Var[] one = FusedVsComposedTest.runFused(m, F.unsqueeze(x, 0), null, false, null, null); // [1, T, I]
        assertArrayEquals(one[0].value().data(), un[0].value().data());
        assertArrayEquals(one[1].value().data(), un[1].value().data());

        Var xb = Support.random(new Rng(5), 1f, 2, 6, 3); // [B, T, I]
        Var[] b = FusedVsComposedTest.runFused(m, xb, null, false, null, null);
        assertEquals(Shape.of(2, 6, 4), b[0].shape());
        RecurrentLayer seqFirst = FusedVsComposedTest.layer(kind, 3, 4, bf.withBatchFirst(false), new Rng(3));
        Var[] s = FusedVsComposedTest.runFused(seqFirst, F.transpose(xb, 0, 1), null, false, null, null);
        assertArrayEquals(F.transpose(s[0], 0, 1).value().data(), b[0].value().data());
        assertArrayEquals(s[1].value().data(), b[1].value().data());
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    @SuppressWarnings("try") // the scope is only closed, never read
    void inferenceWithoutGraphGivesTheSameNumbers(CellKind kind) {
        RecurrentOptions o = RecurrentOptions.DEFAULTS.withNumLayers(2).withBidirectional(true)
                .withProjSize(kind == CellKind.LSTM ? 2 : 0);
        RecurrentLayer m = FusedVsComposedTest.layer(kind, 3, 4, o, new Rng(6));
        Var x = Support.random(new Rng(7), 1f, 5, 3, 3);
        int[] lengths = {5, 2, 4};
        Var[] withGraph = FusedVsComposedTest.runFused(m, x, lengths, true, null, null);
        assertTrue(withGraph[0].requiresGrad());
        Var[] noGraph;
        try (var off = GradMode.disabled()) {
            noGraph = FusedVsComposedTest.runFused(m, x, lengths, true, null, null);
        }
        assertFalse(noGraph[0].requiresGrad());
        for (int i = 0; i < 3; i++) {
            if (withGraph[i] != null) {
                assertArrayEquals(withGraph[i].value().data(), noGraph[i].value().data(), "output " + i);
            }
        }
    }

    @Test
    void frozenParametersGetNoGradientButInputsDo() {
        LSTM lstm = new LSTM(3, 4, new Rng(8));
        lstm.namedParameters().get("weight_ih_l0").setRequiresGrad(false);
        Var x = Support.random(new Rng(9), 1f, 4, 2, 3);
        Var h = lstm.forward(x).hN();
        h.backward(Tensor.ones(h.shape()));
        assertNull(lstm.namedParameters().get("weight_ih_l0").grad());
        assertNotNull(lstm.namedParameters().get("weight_hh_l0").grad());
        assertNotNull(x.grad());
    }

    @Test
    void dropoutActsBetweenLayersOnlyInTraining() {
        RecurrentOptions o = RecurrentOptions.DEFAULTS.withNumLayers(2).withDropout(0.5);
        Var x = Support.random(new Rng(10), 1f, 5, 2, 3);
        LSTM a = new LSTM(3, 4, o, new Rng(11));
        LSTM b = new LSTM(3, 4, o, new Rng(11));
        LSTM plain = new LSTM(3, 4, o.withDropout(0), new Rng(11));
        float[] trainA = a.forward(x).out().value().data();
        assertArrayEquals(trainA, b.forward(x).out().value().data(), "same seed, same masks");
        float[] noDropout = plain.forward(x).out().value().data();
        assertFalse(java.util.Arrays.equals(trainA, noDropout), "training applies dropout");
        a.eval();
        assertArrayEquals(noDropout, a.forward(x).out().value().data(), "eval: no dropout");
        // one layer: nothing between layers, so training with dropout changes nothing
        LSTM single = new LSTM(3, 4, RecurrentOptions.DEFAULTS.withDropout(0.5), new Rng(12));
        LSTM singlePlain = new LSTM(3, 4, RecurrentOptions.DEFAULTS, new Rng(12));
        assertArrayEquals(singlePlain.forward(x).out().value().data(), single.forward(x).out().value().data());
    }

    @Test
    void parameterNamesShapesAndInit() {
        LSTM lstm = new LSTM(5, 6, RecurrentOptions.DEFAULTS.withNumLayers(2).withBidirectional(true).withProjSize(2), new Rng(13));
        assertEquals(List.of("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0", "weight_hr_l0",
                "weight_ih_l0_reverse", "weight_hh_l0_reverse", "bias_ih_l0_reverse", "bias_hh_l0_reverse", "weight_hr_l0_reverse",
                "weight_ih_l1", "weight_hh_l1", "bias_ih_l1", "bias_hh_l1", "weight_hr_l1",
                "weight_ih_l1_reverse", "weight_hh_l1_reverse", "bias_ih_l1_reverse", "bias_hh_l1_reverse", "weight_hr_l1_reverse"),
                List.copyOf(lstm.namedParameters().keySet()));
        assertEquals(Shape.of(24, 4), lstm.namedParameters().get("weight_ih_l1").shape());
        assertEquals(Shape.of(24, 2), lstm.namedParameters().get("weight_hh_l1").shape());
        assertEquals(Shape.of(2, 6), lstm.namedParameters().get("weight_hr_l0_reverse").shape());
        GRU gru = new GRU(5, 6, RecurrentOptions.DEFAULTS.withBias(false), new Rng(14));
        assertEquals(List.of("weight_ih_l0", "weight_hh_l0"), List.copyOf(gru.namedParameters().keySet()));
        assertEquals(List.of("weight_ih", "weight_hh", "bias_ih", "bias_hh"),
                List.copyOf(new GRUCell(3, 6, new Rng(15)).namedParameters().keySet()));
        float bound = (float) (1 / Math.sqrt(6));
        double sumAbs = 0;
        int count = 0;
        for (Parameter p : lstm.parameters()) {
            for (float v : p.value().data()) {
                assertTrue(v >= -bound && v <= bound, v + " outside ±" + bound);
                sumAbs += Math.abs(v);
                count++;
            }
        }
        // U(-k, k) has mean |v| = k/2
        assertEquals(bound / 2, sumAbs / count, bound * 0.05);
    }

    @Test
    void cellsRunUnbatchedAndFromZeroState() {
        LSTMCell cell = new LSTMCell(3, 4, new Rng(16));
        Var x = Support.random(new Rng(17), 1f, 3);
        LstmState s = cell.forward(x);
        assertEquals(Shape.of(4), s.h().shape());
        LstmState z = cell.forward(F.unsqueeze(x, 0), new LstmState(Var.constant(Tensor.zeros(1, 4)), Var.constant(Tensor.zeros(1, 4))));
        assertArrayEquals(z.h().value().data(), s.h().value().data());
        assertArrayEquals(z.c().value().data(), s.c().value().data());
        // a cell stepped by hand equals the one-layer LSTM with the same parameters
        LSTM layer = new LSTM(3, 4, new Rng(18));
        LSTMCell stepper = new LSTMCell(3, 4, new Rng(19));
        for (var e : layer.namedParameters().entrySet()) {
            stepper.namedParameters().get(e.getKey().replace("_l0", "")).value().copyFrom(e.getValue().value());
        }
        Var seq = Support.random(new Rng(20), 1f, 4, 2, 3);
        LstmState st = null;
        for (int t = 0; t < 4; t++) {
            st = stepper.forward(F.select(seq, 0, t), st);
        }
        RecurrentOutput<Var> full = layer.forward(seq);
        assertArrayEquals(F.select(full.hN(), 0, 0).value().data(), st.h().value().data());
        assertArrayEquals(F.select(full.cN(), 0, 0).value().data(), st.c().value().data());
    }
}
