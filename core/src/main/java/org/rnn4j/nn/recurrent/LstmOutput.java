package org.rnn4j.nn.recurrent;

import org.rnn4j.autograd.Var;

/**
 * What {@link LSTM} returns: {@code out} (a {@link Var} [T, B, D·P] / [B, T, D·P] / [T, D·P], or a
 * {@link PackedSequence} for packed input), {@code h_n} [D·num_layers, B, P] and {@code c_n}
 * [D·num_layers, B, H]. P = proj_size if set, else hidden_size.
 */
public record LstmOutput<O>(O out, Var hN, Var cN) {

    /** {@code (h_n, c_n)} as a state to pass to the next call. */
    public LstmState state() {
        return new LstmState(hN, cN);
    }
}
