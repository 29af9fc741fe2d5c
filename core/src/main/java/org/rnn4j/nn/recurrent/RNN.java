package org.rnn4j.nn.recurrent;

import org.rnn4j.rand.Rng;

/**
 * A multi-layer Elman RNN with PyTorch's semantics ({@code torch.nn.RNN}):
 * {@code h' = act(W_ih x + b_ih + W_hh h + b_hh)}, act = tanh (default) or relu. Its state is a
 * {@link HiddenState}. Its {@link #kind()} is {@link CellKind#RNN_TANH} or {@link CellKind#RNN_RELU}.
 */
public final class RNN extends RecurrentLayer {
    private final Nonlinearity nonlinearity;

    public RNN(int inputSize, int hiddenSize, Rng rng) {
        this(inputSize, hiddenSize, Nonlinearity.TANH, RecurrentOptions.DEFAULTS, rng);
    }

    /** {@code rng} draws the initial parameters; a child of it drives dropout between layers. */
    public RNN(int inputSize, int hiddenSize, Nonlinearity nonlinearity, RecurrentOptions options, Rng rng) {
        super(nonlinearity.kind(), inputSize, hiddenSize, options, rng);
        this.nonlinearity = nonlinearity;
    }

    public Nonlinearity nonlinearity() {
        return nonlinearity;
    }
}
