package org.rnn4j.nn.recurrent;

import org.rnn4j.autograd.Var;

/**
 * What every recurrent layer returns, PyTorch's {@code output, h_n} / {@code output, (h_n, c_n)}: the last
 * layer's output at every step ({@code out}: a {@link Var} [T, B, D·P] / [B, T, D·P] (batch_first) /
 * [T, D·P] (unbatched), or a {@link PackedSequence} for packed input) and the final state (h_n, and c_n
 * for the LSTM, in the original batch order).
 */
public record RecurrentOutput<O>(O out, RecurrentState state) {
    public RecurrentOutput {
        if (out == null || state == null) {
            throw new IllegalArgumentException("RecurrentOutput: out and state must both be given");
        }
    }

    /** h_n [L·D, B, P]. */
    public Var hN() {
        return state.h();
    }

    /** c_n [L·D, B, H]; only an LSTM has it. */
    public Var cN() {
        if (state instanceof LstmState s) {
            return s.c();
        }
        throw new IllegalStateException("RecurrentOutput: no cell state c_n (the state of an RNN or GRU is h_n only)");
    }
}
