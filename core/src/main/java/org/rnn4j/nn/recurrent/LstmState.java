package org.rnn4j.nn.recurrent;

import org.rnn4j.autograd.Var;

/**
 * The state of an LSTM: {@code h} and {@code c}. For a layer {@code h} is [D·num_layers, B, P] and
 * {@code c} is [D·num_layers, B, H] (2-D without the batch for unbatched input); for a cell both are
 * [B, H] (or [H]).
 */
public record LstmState(Var h, Var c) implements RecurrentState {
    public LstmState {
        if (h == null || c == null) {
            throw new IllegalArgumentException("LstmState: h and c must both be given (got h "
                    + (h == null ? "null" : h.shape()) + ", c " + (c == null ? "null" : c.shape()) + ")");
        }
    }

    @Override
    public LstmState detach() {
        return new LstmState(h.detach(), c.detach());
    }

    @Override
    public LstmState map(java.util.function.UnaryOperator<Var> f) {
        return new LstmState(f.apply(h), f.apply(c));
    }
}
