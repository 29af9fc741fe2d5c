package org.rnn4j.nn.recurrent;

/** The activation of a simple {@link RNN} / {@link RNNCell} (PyTorch's {@code nonlinearity}). */
public enum Nonlinearity {
    TANH, RELU;

    CellKind kind() {
        return this == TANH ? CellKind.RNN_TANH : CellKind.RNN_RELU;
    }

    /** Parses PyTorch's spelling, {@code "tanh"} or {@code "relu"}. */
    public static Nonlinearity parse(String name) {
        return switch (name) {
            case "tanh" -> TANH;
            case "relu" -> RELU;
            default -> throw new IllegalArgumentException("RNN: unknown nonlinearity '" + name + "', expected 'tanh' or 'relu'");
        };
    }
}
