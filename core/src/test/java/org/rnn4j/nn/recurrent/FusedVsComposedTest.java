package org.rnn4j.nn.recurrent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnn4j.autograd.Var;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Tensor;

/**
 * The fused layers against {@link ComposedReference} (the cell unrolled from primitive ops, one
 * sequence at a time): outputs, states and every gradient, for each kind, 1–2 layers, uni- and
 * bidirectional, with and without projection, padded and packed (unsorted lengths), state given or not.
 */
class FusedVsComposedTest {
    private static final double FWD_RTOL = 1e-5;
    private static final double FWD_ATOL = 1e-6;
    private static final double GRAD_RTOL = 1e-4;
    private static final double GRAD_ATOL = 1e-5;

    record Config(CellKind kind, int layers, boolean bidirectional, int proj, boolean packed, boolean withState, int hidden) {
        Config(CellKind kind, int layers, boolean bidirectional, int proj, boolean packed, boolean withState) {
            this(kind, layers, bidirectional, proj, packed, withState, 4);
        }

        @Override
        public String toString() {
            return kind + " l" + layers + (bidirectional ? " bi" : " uni") + (proj > 0 ? " proj" + proj : "")
                    + (packed ? " packed" : " padded") + (withState ? " h0" : " noh0") + (hidden != 4 ? " h" + hidden : "");
        }
    }

    static Stream<Config> configs() {
        List<Config> out = new ArrayList<>();
        for (CellKind kind : CellKind.values()) {
            for (int layers : new int[] {1, 2}) {
                for (boolean bi : new boolean[] {false, true}) {
                    for (boolean packed : new boolean[] {false, true}) {
                        out.add(new Config(kind, layers, bi, 0, packed, (layers + (bi ? 1 : 0) + (packed ? 1 : 0)) % 2 == 0));
                    }
                }
            }
        }
        out.add(new Config(CellKind.LSTM, 2, true, 2, true, true));
        out.add(new Config(CellKind.LSTM, 2, false, 3, false, true));
        out.add(new Config(CellKind.LSTM, 1, true, 2, false, false));
        // G·H >= FusedLayer.SPLIT_BACK_MIN: the backward's per-step product in two halves (an odd G·H for the GRU)
        out.add(new Config(CellKind.LSTM, 2, false, 0, true, true, 128));
        out.add(new Config(CellKind.GRU, 1, false, 0, false, false, 171));
        out.add(new Config(CellKind.RNN_TANH, 1, false, 0, true, true, 512));
        return out.stream();
    }

    static RecurrentLayer layer(CellKind kind, int in, int hidden, RecurrentOptions o, Rng rng) {
        return RecurrentLayer.create(kind, in, hidden, o, rng);
    }

    /** Runs a layer through its public API on seq-first x; packed input uses the given lengths. */
    static Var[] runFused(RecurrentLayer m, Var x, int[] lengths, boolean packed, Var h0, Var c0) {
        int steps = x.shape().dim(0);
        if (packed) {
            PackedSequence ps = Packing.packPaddedSequence(x, lengths, false, false);
            var r = m.forward(ps, h0 == null ? null : c0 == null ? RecurrentState.of(h0) : RecurrentState.of(h0, c0));
            return new Var[] {pad(r.out(), steps), r.hN(), r.state() instanceof LstmState s ? s.c() : null};
        }
        var r = m.forward(x, h0 == null ? null : c0 == null ? RecurrentState.of(h0) : RecurrentState.of(h0, c0));
        return new Var[] {r.out(), r.hN(), r.state() instanceof LstmState s ? s.c() : null};
    }

    private static Var pad(PackedSequence p, int steps) {
        return Packing.padPackedSequence(p, false, 0f, OptionalInt.of(steps)).padded();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void fusedMatchesComposedReference(Config cfg) {
        Rng rng = new Rng(cfg.toString().hashCode());
        int in = 3;
        int hidden = cfg.hidden();
        int steps = 5;
        int batch = 6; // > 4 rows: the forward's packed-W_hh steps; packed input also runs steps of <= 4 rows
        RecurrentOptions o = RecurrentOptions.DEFAULTS.withNumLayers(cfg.layers()).withBidirectional(cfg.bidirectional())
                .withProjSize(cfg.proj());
        RecurrentLayer m = layer(cfg.kind(), in, hidden, o, rng);
        int k = cfg.layers() * o.numDirections();
        Var x = Support.random(rng, 1f, steps, batch, in);
        Var h0 = cfg.withState() ? Support.random(rng, 0.5f, k, batch, m.outputSize()) : null;
        Var c0 = cfg.withState() && cfg.kind() == CellKind.LSTM ? Support.random(rng, 0.5f, k, batch, hidden) : null;
        int[] lengths = cfg.packed() ? new int[] {3, 5, 1, 4, 5, 2} : new int[] {steps, steps, steps, steps, steps, steps};
        Map<String, Var> leaves = new LinkedHashMap<>();
        leaves.put("x", x);
        leaves.put("h0", h0);
        leaves.put("c0", c0);

        Var[] fused = runFused(m, x, lengths, cfg.packed(), h0, c0);
        Tensor[] w = new Tensor[3];
        for (int i = 0; i < 3; i++) {
            w[i] = fused[i] == null ? null : Support.weights(rng, fused[i].shape());
        }
        Support.weightedLoss(fused, w).backward();
        Map<String, Tensor> fusedGrads = Support.grads(leaves, m);
        Support.clearGrads(leaves, m);

        ComposedReference.Result ref = ComposedReference.run(m, x, lengths, h0, c0);
        Var[] refOut = {ref.out(), ref.hN(), ref.cN()};
        String[] names = {"out", "h_n", "c_n"};
        for (int i = 0; i < 3; i++) {
            if (fused[i] != null) {
                Support.assertClose(cfg + " " + names[i], refOut[i].value(), fused[i].value(), FWD_RTOL, FWD_ATOL);
            }
        }
        Support.weightedLoss(refOut, w).backward();
        Map<String, Tensor> refGrads = Support.grads(leaves, m);
        refGrads.forEach((name, g) -> Support.assertClose(cfg + " grad " + name, g, fusedGrads.get(name), GRAD_RTOL, GRAD_ATOL));
    }
}
