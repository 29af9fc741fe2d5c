package org.rnn4j.nn.recurrent;

/** The recurrent cell equations a layer runs, with the number of gate blocks in its weights. */
public enum CellKind {
    /** {@code h' = tanh(W_ih x + b_ih + W_hh h + b_hh)}. */
    RNN_TANH(1, "RNN"),
    /** {@code h' = relu(W_ih x + b_ih + W_hh h + b_hh)}. */
    RNN_RELU(1, "RNN"),
    /** Gates [i, f, g, o]; optional projection {@code h' = W_hr (o ∘ tanh c')}. */
    LSTM(4, "LSTM"),
    /** Gates [r, z, n] with {@code n = tanh(W_in x + b_in + r ∘ (W_hn h + b_hn))}. */
    GRU(3, "GRU");

    private final int gates;
    private final String moduleName;
    private final String layerOp;        // e.g. "lstm_layer": the fused node's op name
    private final String reverseLayerOp; // "lstm_layer_reverse"

    CellKind(int gates, String moduleName) {
        this.gates = gates;
        this.moduleName = moduleName;
        this.layerOp = moduleName.toLowerCase(java.util.Locale.ROOT) + "_layer";
        this.reverseLayerOp = layerOp + "_reverse";
    }

    /** G: how many H-row blocks {@code weight_ih} / {@code weight_hh} hold. */
    public int gates() {
        return gates;
    }

    /** PyTorch's class name of the layer ({@code RNN}, {@code LSTM}, {@code GRU}), used in messages. */
    public String moduleName() {
        return moduleName;
    }

    /** The op name of a fused layer node of this kind (one string per call would be garbage). */
    String layerOp(boolean reverse) {
        return reverse ? reverseLayerOp : layerOp;
    }

    /** True when the state has a cell part {@code c} besides {@code h}. */
    public boolean hasCell() {
        return this == LSTM;
    }
}
