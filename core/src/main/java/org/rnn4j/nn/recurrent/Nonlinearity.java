package org.rnn4j.nn.recurrent;

/**
 * PyTorch's {@code nonlinearity} argument of {@link RNN} / {@link RNNCell}. It only picks between two
 * {@link CellKind}s ({@link #kind()}), the identity configs store.
 */
public enum Nonlinearity {
    TANH, RELU;

    /** {@link CellKind#RNN_TANH} or {@link CellKind#RNN_RELU}. */
    public CellKind kind() {
        return this == TANH ? CellKind.RNN_TANH : CellKind.RNN_RELU;
    }

    /** PyTorch's spelling, {@code tanh} or {@code relu}. */
    public String id() {
        return this == TANH ? "tanh" : "relu";
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
