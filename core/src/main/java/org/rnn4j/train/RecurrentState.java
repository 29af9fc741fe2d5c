package org.rnn4j.train;

import org.rnn4j.autograd.Var;
import org.rnn4j.nn.recurrent.LstmState;

/**
 * The state a recurrent layer carries between calls: {@code h} [D·L, B, P] and, for an LSTM only,
 * the cell state {@code c} [D·L, B, H] (null for RNN and GRU).
 *
 * @param h hidden state
 * @param c LSTM cell state, or null
 */
public record RecurrentState(Var h, Var c) {
    public RecurrentState {
        if (h == null) {
            throw new IllegalArgumentException("RecurrentState: h must be given");
        }
    }

    /** An RNN / GRU state. */
    public static RecurrentState of(Var h) {
        return new RecurrentState(h, null);
    }

    /** An LSTM state. */
    public static RecurrentState of(LstmState s) {
        return new RecurrentState(s.h(), s.c());
    }

    /** True for an LSTM state (h and c). */
    public boolean hasCell() {
        return c != null;
    }

    /** As the LSTM's own state type; throws for an RNN / GRU state. */
    public LstmState lstm() {
        if (c == null) {
            throw new IllegalStateException("RecurrentState: no cell state c (not an LSTM state)");
        }
        return new LstmState(h, c);
    }

    /** The same values cut from the graph (truncated backpropagation through time). */
    public RecurrentState detach() {
        return new RecurrentState(h.detach(), c == null ? null : c.detach());
    }
}
