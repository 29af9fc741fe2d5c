package org.rnn4j.nn.recurrent;

import org.rnn4j.autograd.Var;
import org.rnn4j.rand.Rng;

/** One Elman RNN step ({@code torch.nn.RNNCell}): {@code h' = act(W_ih x + b_ih + W_hh h + b_hh)}. */
public final class RNNCell extends RecurrentCell {
    private final Nonlinearity nonlinearity;

    public RNNCell(int inputSize, int hiddenSize, Rng rng) {
        this(inputSize, hiddenSize, true, Nonlinearity.TANH, rng);
    }

    public RNNCell(int inputSize, int hiddenSize, boolean bias, Nonlinearity nonlinearity, Rng rng) {
        super(nonlinearity.kind(), inputSize, hiddenSize, bias, rng);
        this.nonlinearity = nonlinearity;
    }

    public Nonlinearity nonlinearity() {
        return nonlinearity;
    }

    /** h' from a zero state; x [B, I] or [I]. */
    public Var forward(Var x) {
        return step(x, null, null)[0];
    }

    /** h' [B, H] (or [H]) from h [B, H] (or [H]; {@code null} = zeros). */
    public Var forward(Var x, Var h) {
        return step(x, h, null)[0];
    }
}
