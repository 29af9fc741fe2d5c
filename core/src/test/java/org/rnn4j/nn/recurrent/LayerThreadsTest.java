package org.rnn4j.nn.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnn4j.autograd.Var;
import org.rnn4j.kernel.Parallel;
import org.rnn4j.nn.Parameter;
import org.rnn4j.optim.Adam;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.Workspace;

/**
 * Work a layer shares between threads gives the same bits for any thread count, in a workspace or not,
 * padded or packed, with initial states or without: a bidirectional layer's two directions side by
 * side (forward and backward), and a wide layer's backward product cut in two halves of its sum.
 */
class LayerThreadsTest {
    private static final int STEPS = 7;
    private static final int BATCH = 9; // more rows than the small-GEMM path, so the packed recurrent weights are used
    private static final int IN = 3;

    private final int threadsBefore = Parallel.threads();

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(threadsBefore);
    }

    /** Losses of 4 Adam steps, then every parameter and the input / state gradients of the last step. */
    @SuppressWarnings("try") // the resource is a scope (workspace step, grad mode), never referenced
    private static List<float[]> train(CellKind kind, boolean bidirectional, int hidden, boolean packed, boolean withState,
                                       boolean inWorkspace) {
        Rng rng = new Rng(5);
        RecurrentOptions o = RecurrentOptions.DEFAULTS.withNumLayers(2).withBidirectional(bidirectional);
        RecurrentLayer m = FusedVsComposedTest.layer(kind, IN, hidden, o, rng);
        int k = o.numLayers() * o.numDirections();
        Adam adam = new Adam(m.parameters(), Adam.Options.defaults().withLr(1e-2));
        Rng data = new Rng(6);
        int[] lengths = packed ? new int[] {7, 3, 5, 7, 1, 6, 2, 4, 7} : new int[] {7, 7, 7, 7, 7, 7, 7, 7, 7};
        Workspace ws = new Workspace();
        float[] losses = new float[4];
        List<float[]> out = new ArrayList<>();
        for (int s = 0; s < losses.length; s++) {
            Var x = Support.random(data, 1f, STEPS, BATCH, IN);
            Var h0 = withState ? Support.random(data, 0.5f, k, BATCH, m.outputSize()) : null;
            Var c0 = withState && kind == CellKind.LSTM ? Support.random(data, 0.5f, k, BATCH, hidden) : null;
            try (Workspace.Step step = inWorkspace ? ws.open() : null) { // a null resource is not closed
                Var[] y = FusedVsComposedTest.runFused(m, x, lengths, packed, h0, c0);
                Tensor[] w = new Tensor[3];
                for (int i = 0; i < 3; i++) {
                    w[i] = y[i] == null ? null : Support.weights(data, y[i].shape());
                }
                adam.zeroGrad();
                Var loss = Support.weightedLoss(y, w);
                loss.backward();
                adam.step();
                losses[s] = loss.value().item();
            }
            if (s == losses.length - 1) {
                out.add(x.grad().data().clone());
                if (h0 != null) {
                    out.add(h0.grad().data().clone());
                }
                if (c0 != null) {
                    out.add(c0.grad().data().clone());
                }
            }
        }
        out.add(0, losses);
        for (Parameter p : m.parameters()) {
            out.add(p.value().data().clone());
        }
        return out;
    }

    @Test
    void bidirectionalSameBitsForAnyThreadCount() {
        for (CellKind kind : new CellKind[] {CellKind.LSTM, CellKind.GRU, CellKind.RNN_TANH}) {
            for (boolean packed : new boolean[] {false, true}) {
                assertSameBits(kind, true, 6, packed, packed == (kind == CellKind.GRU));
            }
        }
    }

    /** G·H >= FusedLayer.SPLIT_BACK_MIN: the backward's per-step product in two halves (odd G·H for the GRU). */
    @Test
    void splitBackwardSameBitsForAnyThreadCount() {
        assertSameBits(CellKind.LSTM, false, 128, true, true);
        assertSameBits(CellKind.GRU, false, 171, false, false);
    }

    private void assertSameBits(CellKind kind, boolean bidirectional, int hidden, boolean packed, boolean withState) {
        Parallel.setThreads(1);
        List<float[]> one = train(kind, bidirectional, hidden, packed, withState, false);
        for (int threads : new int[] {2, 3}) {
            for (boolean ws : new boolean[] {false, true}) {
                Parallel.setThreads(threads);
                List<float[]> other = train(kind, bidirectional, hidden, packed, withState, ws);
                assertEquals(one.size(), other.size());
                for (int i = 0; i < one.size(); i++) {
                    assertArrayEquals(one.get(i), other.get(i), kind + (bidirectional ? " bi" : " uni h" + hidden)
                            + (packed ? " packed" : " padded") + (withState ? " h0" : "") + ", " + threads + " threads"
                            + (ws ? ", workspace" : "") + ", item " + i);
                }
            }
        }
    }
}
