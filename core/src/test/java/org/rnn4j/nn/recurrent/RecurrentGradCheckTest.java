package org.rnn4j.nn.recurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnn4j.autograd.Var;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Shape;
import org.rnn4j.testutil.GradCheck;

/**
 * Finite-difference gradient checks of the fused backward: every cell (batched, with a state), and a
 * 2-layer bidirectional layer of each kind on packed, unsorted input, w.r.t. x, h0, c0 and every
 * parameter. Sizes are tiny so the 2·(#values) forward passes stay fast.
 */
class RecurrentGradCheckTest {

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void cell(CellKind kind) {
        Rng rng = new Rng(11 + kind.ordinal());
        RecurrentCell cell = RecurrentCell.create(kind, 3, 4, true, rng);
        Var x = Support.random(rng, 1f, 2, 3);
        Var h = Support.random(rng, 0.5f, 2, 4);
        Var c = Support.random(rng, 0.5f, 2, 4);
        List<Var> inputs = new ArrayList<>(List.of(x, h));
        if (kind == CellKind.LSTM) {
            inputs.add(c);
        }
        inputs.addAll(cell.parameters());
        Supplier<Var> f = () -> {
            RecurrentState s = cell.forward(x, kind.hasCell() ? RecurrentState.of(h, c) : RecurrentState.of(h));
            return s instanceof LstmState l ? flat(l.h(), l.c()) : s.h();
        };
        GradCheck.check(kind + " cell", inputs, f);
    }

    /**
     * RNN (tanh), LSTM (with proj_size) and GRU. The relu RNN is left out here on purpose: with two
     * bidirectional layers some pre-activation nearly always lies within the finite-difference step of
     * relu's kink, where central differences are meaningless. Its backward is checked by the cell test
     * below, by {@link FusedVsComposedTest} (every relu configuration, packed too) and the golden cases.
     */
    @ParameterizedTest
    @EnumSource(value = CellKind.class, names = {"RNN_TANH", "LSTM", "GRU"})
    void twoLayerBidirectionalPacked(CellKind kind) {
        Rng rng = new Rng(23 + kind.ordinal());
        int proj = kind == CellKind.LSTM ? 2 : 0;
        RecurrentOptions o = RecurrentOptions.DEFAULTS.withNumLayers(2).withBidirectional(true).withProjSize(proj);
        RecurrentLayer m = FusedVsComposedTest.layer(kind, 2, 3, o, rng);
        Var x = Support.random(rng, 1f, 4, 3, 2);              // [T, B, I], padded
        Var h0 = Support.random(rng, 0.5f, 4, 3, m.outputSize());
        Var c0 = Support.random(rng, 0.5f, 4, 3, 3);
        int[] lengths = {2, 4, 1};
        List<Var> inputs = new ArrayList<>(List.of(x, h0));
        if (kind == CellKind.LSTM) {
            inputs.add(c0);
        }
        inputs.addAll(m.parameters());
        Supplier<Var> f = () -> {
            Var[] r = FusedVsComposedTest.runFused(m, x, lengths, true, h0, kind == CellKind.LSTM ? c0 : null);
            return r[2] == null ? flat(r[0], r[1]) : flat(r[0], r[1], r[2]);
        };
        GradCheck.check(kind + " 2-layer bidirectional packed", inputs, f);
    }

    @ParameterizedTest
    @EnumSource(value = CellKind.class, names = {"LSTM", "GRU"})
    void batchFirstUnbatchedAndPadPackedWithTotalLength(CellKind kind) {
        Rng rng = new Rng(31 + kind.ordinal());
        RecurrentLayer m = FusedVsComposedTest.layer(kind, 2, 3, RecurrentOptions.DEFAULTS.withBatchFirst(true), rng);
        Var x = Support.random(rng, 1f, 2, 3, 2);              // [B, T, I]
        Var xu = Support.random(rng, 1f, 3, 2);                // unbatched [T, I]
        List<Var> inputs = new ArrayList<>(List.of(x, xu));
        inputs.addAll(m.parameters());
        Supplier<Var> f = () -> {
            PackedSequence ps = Packing.packPaddedSequence(x, new int[] {2, 3}, true, false);
            Var padded;
            Var batchedOut;
            Var unbatchedOut;
            padded = Packing.padPackedSequence(m.forward(ps).out(), true, -1f, OptionalInt.of(4)).padded();
            batchedOut = m.forward(x).out();
            unbatchedOut = m.forward(xu).hN();
            return flat(padded, batchedOut, unbatchedOut);
        };
        GradCheck.check(kind + " batch_first / unbatched", inputs, f);
    }

    /** All values of {@code vs} as one 1-D node (a differentiable concatenation). */
    static Var flat(Var... vs) {
        BlockCopy bc = new BlockCopy(vs);
        int off = 0;
        for (int i = 0; i < vs.length; i++) {
            int n = vs[i].value().size();
            bc.add(i, 0, off, n);
            off += n;
        }
        return bc.build("flat", Shape.of(off), 0f);
    }
}
