package org.rnn4j.nn.recurrent;

import org.rnn4j.rand.Rng;

/**
 * A multi-layer LSTM with PyTorch's semantics ({@code torch.nn.LSTM}): gates [i, f, g, o],
 * {@code c' = f∘c + i∘g}, {@code h' = o∘tanh(c')}, with {@code proj_size > 0} {@code h' = W_hr·(o∘tanh c')}.
 * Its state is an {@link LstmState} (h, c).
 *
 * <pre>{@code
 * var lstm = new LSTM(100, 256, RecurrentOptions.DEFAULTS.withNumLayers(2).withBatchFirst(true), new Rng(1));
 * RecurrentOutput<Var> r = lstm.forward(x);     // x [B, T, 100]
 * Var last = r.hN();                            // [2, B, 256]; r.cN() [2, B, 256]
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
}
