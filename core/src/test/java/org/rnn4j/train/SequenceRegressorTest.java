package org.rnn4j.train;

import org.rnn4j.nn.recurrent.RecurrentState;
import org.rnn4j.nn.recurrent.LstmState;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.autograd.Var;
import org.rnn4j.nn.Linear;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.LSTM;
import org.rnn4j.nn.recurrent.RecurrentOptions;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

class SequenceRegressorTest {

    @Test
    void namesAreTheTutorialsAndStatesHaveTheCellsShape() {
        SequenceRegressor lstm = SequenceRegressor.of(CellKind.LSTM, 1, 16, 1, new Rng(1));
        assertEquals(List.of("rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0", "linear.weight",
                "linear.bias"), List.copyOf(lstm.namedParameters().keySet()));
        SequenceRegressor.Step s = lstm.forward(Var.constant(lstm.sequence(SineWindows.window(0), 0, 49)), null);
        assertEquals(Shape.of(1, 49, 1), s.prediction().shape());
        assertTrue(s.state() instanceof LstmState);
        assertEquals(Shape.of(1, 1, 16), ((LstmState) s.state()).c().shape());
        SequenceRegressor gru = SequenceRegressor.of(CellKind.GRU, 1, 8, 1, new Rng(1));
        SequenceRegressor.Step g = gru.forward(Var.constant(gru.sequence(SineWindows.window(0), 0, 10)), null);
        assertFalse(g.state() instanceof LstmState);
        assertThrows(IllegalArgumentException.class, () -> gru.forward(Var.constant(gru.sequence(new float[3], 0, 3)),
                s.state()), "an LSTM state is not a GRU state");
    }

    @Test
    void initRecurrentNormalOnlyTouchesTheRecurrentLayer() {
        SequenceRegressor m = SequenceRegressor.of(CellKind.RNN_TANH, 1, 16, 1, new Rng(3));
        Tensor head = m.linear().weight().value().copy();
        m.initRecurrentNormal(0.001, new Rng(4));
        assertArrayEquals(head.data(), m.linear().weight().value().data());
        for (var p : m.rnn().parameters()) {
            for (float v : p.value().data()) {
                assertTrue(Math.abs(v) < 0.006, "normal(0, 0.001) drew " + v);
            }
        }
    }

    /** The roll-out equals feeding the same steps one at a time through forward. */
    @Test
    void autoregressiveRolloutFeedsEachPredictionBack() {
        SequenceRegressor m = SequenceRegressor.of(CellKind.LSTM, 1, 6, 1, new Rng(5));
        SequenceRegressor.Rollout r = m.predictAutoregressive(new float[] {0.25f}, 5, null);
        assertEquals(Shape.of(5, 1), r.predictions().shape());
        float in = 0.25f;
        RecurrentState st = null;
        for (int t = 0; t < 5; t++) {
            SequenceRegressor.Step s = m.forward(Var.constant(Tensor.of(Shape.of(1, 1, 1), in)), st);
            st = s.state();
            in = s.prediction().value().data()[0];
            assertEquals(in, r.predictions().data()[t]);
        }
        assertArrayEquals(st.h().value().data(), r.state().h().value().data());
        assertFalse(r.state().h().requiresGrad(), "no graph in the roll-out");
        assertThrows(IllegalArgumentException.class, () -> m.predictAutoregressive(new float[2], 3, null));
        assertThrows(IllegalArgumentException.class, () -> m.predictAutoregressive(new float[1], 0, null));
    }

    @Test
    void sequenceLayoutFollowsBatchFirstAndHeadWidthIsChecked() {
        SequenceRegressor seqFirst = new SequenceRegressor(new LSTM(1, 4, RecurrentOptions.DEFAULTS, new Rng(1)),
                new Linear(4, 1, new Rng(2)));
        assertEquals(Shape.of(3, 1, 1), seqFirst.sequence(new float[] {1, 2, 3, 4}, 1, 3).shape());
        assertArrayEquals(new float[] {2, 3, 4}, seqFirst.sequence(new float[] {1, 2, 3, 4}, 1, 3).data());
        assertThrows(IllegalArgumentException.class, () -> seqFirst.sequence(new float[4], 2, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SequenceRegressor(
                new LSTM(1, 4, RecurrentOptions.DEFAULTS.withBidirectional(true), new Rng(1)), new Linear(4, 1, new Rng(2))));
        assertTrue(e.getMessage().contains("in_features 4") && e.getMessage().contains("width 8"), e.getMessage());
    }

    @Test
    void trainerCarriesADetachedStateAndCanForgetIt() {
        SequenceRegressor m = SequenceRegressor.of(CellKind.RNN_TANH, 1, 4, 1, new Rng(1));
        SequenceTrainer t = new SequenceTrainer(m, new org.rnn4j.optim.Adam(m.parameters()), new org.rnn4j.loss.MSELoss());
        float[] w = SineWindows.window(0);
        assertEquals(null, t.state());
        t.step(m.sequence(w, 0, 49), m.sequence(w, 1, 49));
        assertFalse(t.state().h().requiresGrad(), "carried state is detached");
        assertEquals(Shape.of(1, 1, 4), t.state().h().shape());
        t.resetState();
        assertEquals(null, t.state());
    }
}
