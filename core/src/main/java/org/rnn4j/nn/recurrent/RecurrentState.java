package org.rnn4j.nn.recurrent;

import org.rnn4j.autograd.Var;

/**
 * The state a recurrent layer or cell carries from one call to the next: {@link HiddenState} {@code h}
 * for RNN and GRU, {@link LstmState} {@code (h, c)} for the LSTM. For a layer {@code h} is [L·D, B, P]
 * and {@code c} [L·D, B, H] (index {@code layer·D + direction}, 2-D without the batch for unbatched
 * input); for a cell both are [B, H] (or [H]). P = proj_size if set, else hidden_size.
 */
public sealed interface RecurrentState permits HiddenState, LstmState {

    /** The hidden state h. */
    Var h();

    /** The same state cut from the graph (truncated backpropagation through time). */
    default RecurrentState detach() {
        return map(Var::detach);
    }

    /** The same kind of state with {@code f} applied to each part (h, and c for the LSTM). */
    RecurrentState map(java.util.function.UnaryOperator<Var> f);

    /** An RNN / GRU state. */
    static HiddenState of(Var h) {
        return new HiddenState(h);
    }

    /** An LSTM state. */
    static LstmState of(Var h, Var c) {
        return new LstmState(h, c);
    }
}
