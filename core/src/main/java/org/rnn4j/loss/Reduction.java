package org.rnn4j.loss;

import java.util.Locale;

/** How a loss combines its per-element values, as PyTorch's {@code reduction} argument. */
public enum Reduction {
    /** The (weighted) mean: the default. */
    MEAN,
    /** The sum. */
    SUM,
    /** No reduction: one loss value per element / target position. */
    NONE;

    /** Parses PyTorch's spelling: {@code "mean"}, {@code "sum"} or {@code "none"}. */
    public static Reduction of(String torchName) {
        for (Reduction r : values()) {
            if (r.torchName().equals(torchName)) {
                return r;
            }
        }
        throw new IllegalArgumentException("reduction: expected one of mean, sum, none, got '" + torchName + "'");
    }

    /** PyTorch's spelling: {@code "mean"}, {@code "sum"}, {@code "none"}. */
    public String torchName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
