package org.rnn4j.nn.recurrent;

import org.rnn4j.autograd.Var;
import org.rnn4j.rand.Rng;

/**
 * A multi-layer LSTM with PyTorch's semantics ({@code torch.nn.LSTM}): gates [i, f, g, o],
 * {@code c' = f∘c + i∘g}, {@code h' = o∘tanh(c')}, with {@code proj_size > 0} {@code h' = W_hr·(o∘tanh c')}.
 *
 * <pre>{@code
 * var lstm = new LSTM(100, 256, RecurrentOptions.DEFAULTS.withNumLayers(2).withBatchFirst(true), new Rng(1));
 * LstmOutput<Var> r = lstm.forward(x);          // x [B, T, 100]
 * Var last = r.hN();                            // [2, B, 256]
 * }</pre>
 */
public final class LSTM extends RecurrentLayer {

    public LSTM(int inputSize, int hiddenSize, Rng rng) {
        this(inputSize, hiddenSize, RecurrentOptions.DEFAULTS, rng);
    }

    /** {@code rng} draws the initial parameters; a child of it drives dropout between layers. */
    public LSTM(int inputSize, int hiddenSize, RecurrentOptions options, Rng rng) {
        super(CellKind.LSTM, inputSize, hiddenSize, options, rng);
    }

    /** Runs from zero states. */
    public LstmOutput<Var> forward(Var x) {
        return forward(x, null);
    }

    /** Runs from {@code state} ({@code null} = zeros): h [D·L, B, P], c [D·L, B, H]. */
    public LstmOutput<Var> forward(Var x, LstmState state) {
        Raw<Var> r = runPadded(x, state == null ? null : state.h(), state == null ? null : state.c());
        return new LstmOutput<>(r.out(), r.hN(), r.cN());
    }

    /** Runs over packed sequences from zero states. */
    public LstmOutput<PackedSequence> forward(PackedSequence x) {
        return forward(x, null);
    }

    /** Runs over packed sequences; {@code state} and the result are in the original batch order. */
    public LstmOutput<PackedSequence> forward(PackedSequence x, LstmState state) {
        Raw<PackedSequence> r = runPacked(x, state == null ? null : state.h(), state == null ? null : state.c());
        return new LstmOutput<>(r.out(), r.hN(), r.cN());
    }
}
