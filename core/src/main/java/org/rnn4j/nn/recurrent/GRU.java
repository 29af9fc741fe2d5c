package org.rnn4j.nn.recurrent;

import org.rnn4j.rand.Rng;

/**
 * A multi-layer GRU with PyTorch's semantics ({@code torch.nn.GRU}): gates [r, z, n],
 * {@code n = tanh(W_in x + b_in + r∘(W_hn h + b_hn))}, {@code h' = (1−z)∘n + z∘h}. Its state is a
 * {@link HiddenState}.
 */
public final class GRU extends RecurrentLayer {

    public GRU(int inputSize, int hiddenSize, Rng rng) {
        this(inputSize, hiddenSize, RecurrentOptions.DEFAULTS, rng);
    }

    /** {@code rng} draws the initial parameters; a child of it drives dropout between layers. */
    public GRU(int inputSize, int hiddenSize, RecurrentOptions options, Rng rng) {
        super(CellKind.GRU, inputSize, hiddenSize, options, rng);
    }
}
