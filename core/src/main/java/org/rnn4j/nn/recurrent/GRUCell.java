package org.rnn4j.nn.recurrent;

import org.rnn4j.autograd.Var;
import org.rnn4j.rand.Rng;

/**
 * One GRU step ({@code torch.nn.GRUCell}): gates [r, z, n],
 * {@code n = tanh(W_in x + b_in + r∘(W_hn h + b_hn))}, {@code h' = (1−z)∘n + z∘h}.
 */
public final class GRUCell extends RecurrentCell {

    public GRUCell(int inputSize, int hiddenSize, Rng rng) {
        this(inputSize, hiddenSize, true, rng);
    }

    public GRUCell(int inputSize, int hiddenSize, boolean bias, Rng rng) {
        super(CellKind.GRU, inputSize, hiddenSize, bias, rng);
    }

    public Var forward(Var x) {
        return step(x, null, null)[0];
    }

    /** h' [B, H] (or [H]) from h [B, H] (or [H]; {@code null} = zeros). */
    public Var forward(Var x, Var h) {
        return step(x, h, null)[0];
    }
}
