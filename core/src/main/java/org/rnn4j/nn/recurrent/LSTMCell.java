package org.rnn4j.nn.recurrent;

import org.rnn4j.autograd.Var;
import org.rnn4j.rand.Rng;

/**
 * One LSTM step ({@code torch.nn.LSTMCell}): gates [i, f, g, o], {@code c' = f∘c + i∘g},
 * {@code h' = o∘tanh(c')}.
 */
public final class LSTMCell extends RecurrentCell {

    public LSTMCell(int inputSize, int hiddenSize, Rng rng) {
        this(inputSize, hiddenSize, true, rng);
    }

    public LSTMCell(int inputSize, int hiddenSize, boolean bias, Rng rng) {
        super(CellKind.LSTM, inputSize, hiddenSize, bias, rng);
    }

    /** (h', c') from zero states; x [B, I] or [I]. */
    public LstmState forward(Var x) {
        return forward(x, null);
    }

    /** (h', c'), each [B, H] (or [H]), from {@code state} ({@code null} = zeros). */
    public LstmState forward(Var x, LstmState state) {
        Var[] r = step(x, state == null ? null : state.h(), state == null ? null : state.c());
        return new LstmState(r[0], r[1]);
    }
}
