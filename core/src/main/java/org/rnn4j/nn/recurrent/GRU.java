package org.rnn4j.nn.recurrent;

import org.rnn4j.autograd.Var;
import org.rnn4j.rand.Rng;

/**
 * A multi-layer GRU with PyTorch's semantics ({@code torch.nn.GRU}): gates [r, z, n],
 * {@code n = tanh(W_in x + b_in + r∘(W_hn h + b_hn))}, {@code h' = (1−z)∘n + z∘h}.
 */
public final class GRU extends RecurrentLayer {

    public GRU(int inputSize, int hiddenSize, Rng rng) {
        this(inputSize, hiddenSize, RecurrentOptions.DEFAULTS, rng);
    }

    /** {@code rng} draws the initial parameters; a child of it drives dropout between layers. */
    public GRU(int inputSize, int hiddenSize, RecurrentOptions options, Rng rng) {
        super(CellKind.GRU, inputSize, hiddenSize, options, rng);
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
