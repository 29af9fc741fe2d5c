package org.rnn4j.nn.recurrent;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.rnn4j.rand.Rng;

/**
 * The recurrent cell a layer runs: the one cell enum of the library (configs, command lines and code).
 * Each kind knows its gate count, its PyTorch class name and how to build its layer, cell and
 * equations, so code above {@code nn.recurrent} never switches on it. A new cell type is a constant
 * here, its layer, cell and {@link CellEquations} classes (named in the {@code permits} of
 * {@link RecurrentLayer} and {@link RecurrentCell}) and its pair of gate kernels.
 */
public enum CellKind {
    /** {@code h' = tanh(W_ih x + b_ih + W_hh h + b_hh)}. */
    RNN_TANH(1, "RNN", (i, h, o, r) -> new RNN(i, h, Nonlinearity.TANH, o, r),
            (i, h, b, r) -> new RNNCell(i, h, b, Nonlinearity.TANH, r), SimpleRnnEquations::new),
    /** {@code h' = relu(W_ih x + b_ih + W_hh h + b_hh)}. */
    RNN_RELU(1, "RNN", (i, h, o, r) -> new RNN(i, h, Nonlinearity.RELU, o, r),
            (i, h, b, r) -> new RNNCell(i, h, b, Nonlinearity.RELU, r), SimpleRnnEquations::new),
    /** Gates [i, f, g, o]; optional projection {@code h' = W_hr (o ∘ tanh c')}. */
    LSTM(4, "LSTM", org.rnn4j.nn.recurrent.LSTM::new, org.rnn4j.nn.recurrent.LSTMCell::new, LstmEquations::new),
    /** Gates [r, z, n] with {@code n = tanh(W_in x + b_in + r ∘ (W_hn h + b_hn))}. */
    GRU(3, "GRU", org.rnn4j.nn.recurrent.GRU::new, org.rnn4j.nn.recurrent.GRUCell::new, GruEquations::new);

    /** Builds a layer of this kind (PyTorch's constructor arguments). */
    interface LayerFactory {
        RecurrentLayer create(int inputSize, int hiddenSize, RecurrentOptions options, Rng rng);
    }

    /** Builds a cell of this kind. */
    interface CellFactory {
        RecurrentCell create(int inputSize, int hiddenSize, boolean bias, Rng rng);
    }

    private final int gates;
    private final String moduleName;
    private final LayerFactory layer;
    private final CellFactory cell;
    private final CellEquations.Factory equations;
    private final String layerOp;        // e.g. "lstm_layer": the fused node's op name
    private final String reverseLayerOp; // "lstm_layer_reverse"

    CellKind(int gates, String moduleName, LayerFactory layer, CellFactory cell, CellEquations.Factory equations) {
        this.gates = gates;
        this.moduleName = moduleName;
        this.layer = layer;
        this.cell = cell;
        this.equations = equations;
        this.layerOp = moduleName.toLowerCase(Locale.ROOT) + "_layer";
        this.reverseLayerOp = layerOp + "_reverse";
    }

    /** G: how many H-row blocks {@code weight_ih} / {@code weight_hh} hold. */
    public int gates() {
        return gates;
    }

    /** PyTorch's class name of the layer ({@code RNN}, {@code LSTM}, {@code GRU}), used in messages and repr. */
    public String moduleName() {
        return moduleName;
    }

    /** True when the state has a cell part {@code c} besides {@code h} ({@link LstmState}). */
    public boolean hasCell() {
        return this == LSTM;
    }

    /** The name in configs and on command lines: {@code rnn_tanh}, {@code rnn_relu}, {@code lstm}, {@code gru}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@link #id()} in any case, and {@code rnn} as {@code rnn_tanh} (PyTorch's default
     * nonlinearity; the spelling forecaster configs and {@code demo sine} used).
     */
    @JsonCreator
    public static CellKind parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.equals("rnn")) {
            return RNN_TANH;
        }
        for (CellKind c : values()) {
            if (c.id().equals(t)) {
                return c;
            }
        }
        throw new IllegalArgumentException("cell: unknown type '" + s + "', expected lstm, gru, rnn (= rnn_tanh) or rnn_relu");
    }

    RecurrentLayer newLayer(int inputSize, int hiddenSize, RecurrentOptions options, Rng rng) {
        return layer.create(inputSize, hiddenSize, options, rng);
    }

    RecurrentCell newCell(int inputSize, int hiddenSize, boolean bias, Rng rng) {
        return cell.create(inputSize, hiddenSize, bias, rng);
    }

    CellEquations.Factory equations() {
        return equations;
    }

    /** The op name of a fused layer node of this kind (one string per call would be garbage). */
    String layerOp(boolean reverse) {
        return reverse ? reverseLayerOp : layerOp;
    }
}
