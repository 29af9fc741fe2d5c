package org.rnn4j.nn.recurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.rnn4j.autograd.Var;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Tensor;

/** Wrong shapes and options fail with IllegalArgumentException naming the module, expected and actual. */
class RecurrentErrorsTest {
    private static Var zeros(int... dims) {
        return Var.constant(Tensor.zeros(dims));
    }

    private static String message(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    @Test
    void inputWidth() {
        LSTM lstm = new LSTM(8, 5, new Rng(1));
        assertEquals("LSTM: expected input of size 8 in the last dimension, got 7 (input shape [4, 3, 7])",
                message(() -> lstm.forward(zeros(4, 3, 7))));
        GRU gru = new GRU(8, 5, new Rng(1));
        assertTrue(message(() -> gru.forward(zeros(4, 7))).startsWith("GRU: expected input of size 8 in the last dimension, got 7"));
        RNN rnn = new RNN(8, 5, new Rng(1));
        PackedSequence p = Packing.packPaddedSequence(zeros(4, 2, 6), new int[] {4, 2}, false, true);
        assertTrue(message(() -> rnn.forward(p)).startsWith("RNN: expected input of size 8 in the last dimension, got 6"));
    }

    @Test
    void inputRankAndEmpty() {
        GRU gru = new GRU(3, 4, new Rng(1));
        assertEquals("GRU: expected input to be 2-D (unbatched) or 3-D (batched), got 4-D input of shape [1, 2, 2, 3]",
                message(() -> gru.forward(zeros(1, 2, 2, 3))));
        assertTrue(message(() -> gru.forward(zeros(0, 2, 3))).contains("at least one step"));
    }

    @Test
    void stateShapes() {
        RecurrentOptions bi2 = RecurrentOptions.DEFAULTS.withNumLayers(2).withBidirectional(true);
        LSTM lstm = new LSTM(3, 5, bi2, new Rng(1));
        assertEquals("LSTM: expected h0 of shape [4, 2, 5], got [2, 2, 5]",
                message(() -> lstm.forward(zeros(6, 2, 3), new LstmState(zeros(2, 2, 5), zeros(4, 2, 5)))));
        assertEquals("LSTM: expected c0 of shape [4, 2, 5], got [4, 2, 4]",
                message(() -> lstm.forward(zeros(6, 2, 3), new LstmState(zeros(4, 2, 5), zeros(4, 2, 4)))));
        // unbatched input needs 2-D states
        assertEquals("LSTM: expected h0 of shape [4, 5] for unbatched 2-D input, got [4, 1, 5]",
                message(() -> lstm.forward(zeros(6, 3), new LstmState(zeros(4, 1, 5), zeros(4, 1, 5)))));
        LSTM proj = new LSTM(3, 5, RecurrentOptions.DEFAULTS.withProjSize(2), new Rng(1));
        assertEquals("LSTM: expected h0 of shape [1, 2, 2], got [1, 2, 5]",
                message(() -> proj.forward(zeros(6, 2, 3), new LstmState(zeros(1, 2, 5), zeros(1, 2, 5)))));
        RNN rnn = new RNN(3, 4, new Rng(1));
        PackedSequence p = Packing.packPaddedSequence(zeros(4, 2, 3), new int[] {4, 2}, false, true);
        assertEquals("RNN: expected h0 of shape [1, 2, 4], got [1, 3, 4]", message(() -> rnn.forward(p, RecurrentState.of(zeros(1, 3, 4)))));
    }

    @Test
    void constructorOptions() {
        Rng rng = new Rng(1);
        assertTrue(message(() -> new GRU(3, 4, RecurrentOptions.DEFAULTS.withProjSize(2), rng))
                .contains("proj_size argument is only supported for LSTM, not RNN or GRU"));
        assertTrue(message(() -> new LSTM(3, 4, RecurrentOptions.DEFAULTS.withProjSize(4), rng))
                .contains("proj_size has to be smaller than hidden_size"));
        assertTrue(message(() -> RecurrentOptions.DEFAULTS.withDropout(1.5)).contains("dropout should be a number in range [0, 1]"));
        assertTrue(message(() -> RecurrentOptions.DEFAULTS.withNumLayers(0)).contains("num_layers must be greater than zero"));
        assertTrue(message(() -> new LSTM(0, 4, rng)).contains("input_size and hidden_size must be greater than zero"));
        assertTrue(message(() -> Nonlinearity.parse("sigmoid")).contains("unknown nonlinearity 'sigmoid'"));
    }

    @Test
    void cells() {
        LSTMCell cell = new LSTMCell(4, 3, new Rng(1));
        assertEquals("LSTMCell: expected input of size 4 in the last dimension, got 5 (input shape [2, 5])",
                message(() -> cell.forward(zeros(2, 5))));
        assertEquals("LSTMCell: expected h0 of shape [2, 3] (matching the input's batch), got [3, 3]",
                message(() -> cell.forward(zeros(2, 4), new LstmState(zeros(3, 3), zeros(2, 3)))));
        GRUCell gru = new GRUCell(4, 3, new Rng(1));
        assertEquals("GRUCell: expected h0 of shape [3] (matching the input's batch), got [1, 3]",
                message(() -> gru.forward(zeros(4), zeros(1, 3))));
        RNNCell rnn = new RNNCell(4, 3, new Rng(1));
        assertTrue(message(() -> rnn.forward(zeros(1, 2, 4))).startsWith("RNNCell: expected input to be 1-D or 2-D, got 3-D"));
    }
}
