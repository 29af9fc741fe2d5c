package org.rnn4j.train;

import org.rnn4j.nn.recurrent.RecurrentState;
import org.rnn4j.nn.recurrent.LstmState;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnn4j.autograd.Var;
import org.rnn4j.loss.MSELoss;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.optim.Adam;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.testutil.StepAllocation;

class SequenceTrainerTest {
    private static final int STEPS = 49;

    private static SequenceTrainer trainer(CellKind kind, int hidden) {
        SequenceRegressor model = SequenceRegressor.of(kind, 1, hidden, 1, new Rng(3));
        return new SequenceTrainer(model, new Adam(model.parameters(), Adam.Options.defaults().withLr(0.01)), new MSELoss());
    }

    private static Tensor[] window(SequenceRegressor model) {
        float[] w = SineWindows.window(1);
        return new Tensor[] {model.sequence(w, 0, STEPS), model.sequence(w, 1, STEPS)};
    }

    /**
     * The carried state outlives the step's workspace: it can be read after the step, and the next step
     * starts from exactly it (the same loss as a manual forward from a copy of it).
     */
    @Test
    void carriedStateOutlivesTheStepAndFeedsTheNextOne() {
        for (CellKind kind : new CellKind[] {CellKind.RNN_TANH, CellKind.LSTM, CellKind.GRU}) {
            SequenceTrainer t = trainer(kind, 8);
            Tensor[] xy = window(t.model());
            t.step(xy[0], xy[1]);
            RecurrentState s = t.state();
            float[] h = s.h().value().data().clone(); // would throw if it still lived in the closed step
            assertEquals(kind == CellKind.LSTM, s instanceof LstmState, kind.toString());
            float expected = new MSELoss().forward(t.model().forward(Var.constant(xy[0]), s).prediction(), xy[1]).value().item();
            assertEquals(expected, t.step(xy[0], xy[1]), 0f, kind + ": the second step's loss starts from the carried state");
            assertArrayEquals(h, s.h().value().data(), kind + ": a later step must not overwrite the state it was given");
        }
    }

    /**
     * Each step runs in the trainer's workspace, so once warmed up a step allocates no arrays. Measured
     * here: an LSTM(1, 64) step over 49 time steps allocated 208,240 bytes without the workspace and
     * 22,904 with it (graph nodes and lambdas, a number that depends on the time steps, not the width);
     * the bound of 64 KB sits between the two.
     */
    @Test
    void aStepAllocatesNoArraysOnceWarm() {
        SequenceTrainer t = trainer(CellKind.LSTM, 64);
        Tensor[] xy = window(t.model());
        long bound = 64 * 1024;
        StepAllocation.StepBytes b = StepAllocation.leastPerStep(() -> t.step(xy[0], xy[1]), 300, 3000, bound / 4);
        System.out.println("SequenceTrainer LSTM(1, 64) step over " + STEPS + " steps: " + b.caller() + " bytes on the caller, "
                + b.workers() + " on the workers");
        assertTrue(b.total() <= bound, "a step allocates " + b.total() + " bytes, more than " + bound + ": arrays are back");
    }
}
