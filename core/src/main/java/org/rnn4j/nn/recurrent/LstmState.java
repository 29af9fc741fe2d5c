package org.rnn4j.nn.recurrent;

import org.rnn4j.autograd.Var;

/**
 * The state of an LSTM: {@code h} and {@code c}. For a layer {@code h} is [D·num_layers, B, P] and
 * {@code c} is [D·num_layers, B, H] (2-D without the batch for unbatched input); for a cell both are
 * [B, H] (or [H]).
 */
public record LstmState(Var h, Var c) {
    public LstmState {
        if (h == null || c == null) {
            throw new IllegalArgumentException("LstmState: h and c must both be given (got h "
                    + (h == null ? "null" : h.shape()) + ", c " + (c == null ? "null" : c.shape()) + ")");
        }
    }

    /** The same state cut from the graph (truncated backpropagation through time). */
    public LstmState detach() {
        return new LstmState(h.detach(), c.detach());
    }
}
