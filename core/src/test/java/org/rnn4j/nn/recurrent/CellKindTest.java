package org.rnn4j.nn.recurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnn4j.rand.Rng;

/** {@link CellKind} is the one cell enum: every spelling earlier configs and command lines used, and the factories. */
class CellKindTest {

    /** The spellings of classify's CellType ({@code lstm, gru, rnn_tanh, rnn_relu}, and {@code rnn}) and ForecastSettings.Cell ({@code lstm, gru, rnn}). */
    @Test
    void parsesEveryEarlierSpelling() {
        assertEquals(CellKind.LSTM, CellKind.parse("lstm"));
        assertEquals(CellKind.GRU, CellKind.parse("gru"));
        assertEquals(CellKind.RNN_TANH, CellKind.parse("rnn"));
        assertEquals(CellKind.RNN_TANH, CellKind.parse("rnn_tanh"));
        assertEquals(CellKind.RNN_RELU, CellKind.parse("rnn_relu"));
        assertEquals(CellKind.LSTM, CellKind.parse(" LSTM "));
        assertEquals(CellKind.RNN_TANH, CellKind.parse("RNN"));
        assertEquals("cell: unknown type 'mgu', expected lstm, gru, rnn (= rnn_tanh) or rnn_relu",
                assertThrows(IllegalArgumentException.class, () -> CellKind.parse("mgu")).getMessage());
    }

    @Test
    void jsonIsTheLowerCaseId() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals("\"rnn_relu\"", json.writeValueAsString(CellKind.RNN_RELU));
        assertEquals("\"lstm\"", json.writeValueAsString(CellKind.LSTM));
        assertEquals(CellKind.RNN_TANH, json.readValue("\"rnn\"", CellKind.class));
        assertEquals(CellKind.GRU, json.readValue("\"gru\"", CellKind.class));
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void factoriesBuildTheKind(CellKind kind) {
        RecurrentLayer layer = RecurrentLayer.create(kind, 3, 4, RecurrentOptions.DEFAULTS, new Rng(1));
        assertEquals(kind, layer.kind());
        assertEquals(kind.moduleName(), layer.getClass().getSimpleName());
        RecurrentCell cell = RecurrentCell.create(kind, 3, 4, true, new Rng(1));
        assertEquals(kind, cell.kind());
        assertEquals(kind.moduleName() + "Cell", cell.getClass().getSimpleName());
        RecurrentState s = layer.forward(Support.random(new Rng(2), 1f, 5, 2, 3)).state();
        if (kind.hasCell()) {
            assertInstanceOf(LstmState.class, s);
        } else {
            assertInstanceOf(HiddenState.class, s);
        }
    }

    @Test
    void aStateOfTheWrongKindIsRefused() {
        var x = Support.random(new Rng(3), 1f, 5, 2, 3);
        RecurrentLayer gru = RecurrentLayer.create(CellKind.GRU, 3, 4, RecurrentOptions.DEFAULTS, new Rng(1));
        RecurrentLayer lstm = RecurrentLayer.create(CellKind.LSTM, 3, 4, RecurrentOptions.DEFAULTS, new Rng(1));
        RecurrentState h = gru.forward(x).state();
        RecurrentState hc = lstm.forward(x).state();
        assertEquals("GRU: got an LSTM state (h, c); expected h only",
                assertThrows(IllegalArgumentException.class, () -> gru.forward(x, hc)).getMessage());
        assertEquals("LSTM: expected a state (h, c), got h only",
                assertThrows(IllegalArgumentException.class, () -> lstm.forward(x, h)).getMessage());
        assertEquals("RecurrentOutput: no cell state c_n (the state of an RNN or GRU is h_n only)",
                assertThrows(IllegalStateException.class, () -> gru.forward(x).cN()).getMessage());
    }
}
