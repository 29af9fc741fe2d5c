package org.rnn4j.nn.recurrent;

import org.rnn4j.autograd.Var;
import org.rnn4j.rand.Rng;

/**
 * A multi-layer Elman RNN with PyTorch's semantics ({@code torch.nn.RNN}):
 * {@code h' = act(W_ih x + b_ih + W_hh h + b_hh)}, act = tanh (default) or relu.
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

    public RnnOutput<Var> forward(Var x) {
        return forward(x, null);
    }

    /** Runs from {@code h0} [D·L, B, H] ({@code null} = zeros). */
    public RnnOutput<Var> forward(Var x, Var h0) {
        Raw<Var> r = runPadded(x, h0, null);
        return new RnnOutput<>(r.out(), r.hN());
    }

    public RnnOutput<PackedSequence> forward(PackedSequence x) {
        return forward(x, null);
    }

    /** Runs over packed sequences; {@code h0} and {@code h_n} are in the original batch order. */
    public RnnOutput<PackedSequence> forward(PackedSequence x, Var h0) {
        Raw<PackedSequence> r = runPacked(x, h0, null);
        return new RnnOutput<>(r.out(), r.hN());
    }
}
