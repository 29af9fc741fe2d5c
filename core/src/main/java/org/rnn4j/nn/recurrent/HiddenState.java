package org.rnn4j.nn.recurrent;

import org.rnn4j.autograd.Var;

/** The state of an RNN or GRU: {@code h} ([L·D, B, H] for a layer, [B, H] for a cell; no batch when unbatched). */
public record HiddenState(Var h) implements RecurrentState {
    public HiddenState {
        if (h == null) {
            throw new IllegalArgumentException("HiddenState: h must be given");
        }
    }

    @Override
    public HiddenState detach() {
        return new HiddenState(h.detach());
    }

    @Override
    public HiddenState map(java.util.function.UnaryOperator<Var> f) {
        return new HiddenState(f.apply(h));
    }
}
