package org.rnn4j.classify;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.rnn4j.nn.recurrent.CellKind;

/** The recurrent layer of a classifier: PyTorch's {@code LSTM}, {@code GRU} or {@code RNN} (tanh or relu). */
public enum CellType {
    LSTM(CellKind.LSTM), GRU(CellKind.GRU), RNN_TANH(CellKind.RNN_TANH), RNN_RELU(CellKind.RNN_RELU);

    private final CellKind kind;

    CellType(CellKind kind) {
        this.kind = kind;
    }

    public CellKind kind() {
        return kind;
    }

    /** The name in configs and on the command line: {@code lstm}, {@code gru}, {@code rnn_tanh}, {@code rnn_relu}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #id()}; {@code rnn} means {@code rnn_tanh}, as PyTorch's default nonlinearity. */
    @JsonCreator
    public static CellType parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.equals("rnn")) {
            return RNN_TANH;
        }
        for (CellType c : values()) {
            if (c.id().equals(t)) {
                return c;
            }
        }
        throw new IllegalArgumentException("cell: unknown type '" + s + "', expected lstm, gru, rnn_tanh or rnn_relu");
    }
}
