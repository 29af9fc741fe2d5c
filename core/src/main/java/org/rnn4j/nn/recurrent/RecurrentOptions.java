package org.rnn4j.nn.recurrent;

/**
 * The constructor options shared by {@link RNN}, {@link LSTM} and {@link GRU}, with PyTorch's
 * defaults in {@link #DEFAULTS}: {@code num_layers=1, bias=True, batch_first=False, dropout=0,
 * bidirectional=False, proj_size=0} ({@code proj_size} is LSTM only).
 *
 * <pre>{@code
 * var opts = RecurrentOptions.DEFAULTS.withNumLayers(2).withBatchFirst(true);
 * }</pre>
 */
public record RecurrentOptions(int numLayers, boolean bias, boolean batchFirst, double dropout,
                               boolean bidirectional, int projSize) {

    public static final RecurrentOptions DEFAULTS = new RecurrentOptions(1, true, false, 0.0, false, 0);

    public RecurrentOptions {
        if (numLayers <= 0) {
            throw new IllegalArgumentException("num_layers must be greater than zero, got " + numLayers);
        }
        if (!(dropout >= 0 && dropout <= 1)) {
            throw new IllegalArgumentException("dropout should be a number in range [0, 1] representing the "
                    + "probability of an element being zeroed, got " + dropout);
        }
        if (projSize < 0) {
            throw new IllegalArgumentException("proj_size should be a positive integer or zero to disable projections, got " + projSize);
        }
    }

    /** D: 2 when bidirectional, else 1. */
    public int numDirections() {
        return bidirectional ? 2 : 1;
    }

    public RecurrentOptions withNumLayers(int n) {
        return new RecurrentOptions(n, bias, batchFirst, dropout, bidirectional, projSize);
    }

    public RecurrentOptions withBias(boolean on) {
        return new RecurrentOptions(numLayers, on, batchFirst, dropout, bidirectional, projSize);
    }

    public RecurrentOptions withBatchFirst(boolean on) {
        return new RecurrentOptions(numLayers, bias, on, dropout, bidirectional, projSize);
    }

    public RecurrentOptions withDropout(double p) {
        return new RecurrentOptions(numLayers, bias, batchFirst, p, bidirectional, projSize);
    }

    public RecurrentOptions withBidirectional(boolean on) {
        return new RecurrentOptions(numLayers, bias, batchFirst, dropout, on, projSize);
    }

    public RecurrentOptions withProjSize(int p) {
        return new RecurrentOptions(numLayers, bias, batchFirst, dropout, bidirectional, p);
    }
}
