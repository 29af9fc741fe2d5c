package org.rnn4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.GRU;
import org.rnn4j.nn.recurrent.GRUCell;
import org.rnn4j.nn.recurrent.LSTM;
import org.rnn4j.nn.recurrent.LSTMCell;
import org.rnn4j.nn.recurrent.Nonlinearity;
import org.rnn4j.nn.recurrent.RNN;
import org.rnn4j.nn.recurrent.RNNCell;
import org.rnn4j.nn.recurrent.RecurrentCell;
import org.rnn4j.nn.recurrent.RecurrentLayer;
import org.rnn4j.nn.recurrent.RecurrentOptions;
import org.rnn4j.rand.Rng;
import org.rnn4j.train.SequenceRegressor;

/**
 * Printing a module gives PyTorch's {@code repr}: the strings below are what PyTorch prints for the same
 * constructor calls (defaults left out, Python's True/False and float spelling, children as
 * {@code (name): Child(...)} lines indented two spaces per level).
 */
class ModuleReprTest {
    private static final RecurrentOptions D = RecurrentOptions.DEFAULTS;

    @Test
    void recurrentLayersPrintTheirNonDefaultArguments() {
        // nn.LSTM(8, 32, num_layers=2, batch_first=True)
        assertEquals("LSTM(8, 32, num_layers=2, batch_first=True)",
                new LSTM(8, 32, D.withNumLayers(2).withBatchFirst(true), new Rng(1)).toString());
        // nn.LSTM(10, 20, proj_size=5)
        assertEquals("LSTM(10, 20, proj_size=5)", new LSTM(10, 20, D.withProjSize(5), new Rng(1)).toString());
        // nn.GRU(4, 8, num_layers=2, bias=False, dropout=0.25, bidirectional=True)
        assertEquals("GRU(4, 8, num_layers=2, bias=False, dropout=0.25, bidirectional=True)",
                new GRU(4, 8, D.withNumLayers(2).withBias(false).withDropout(0.25).withBidirectional(true), new Rng(1)).toString());
        // nn.RNN(4, 8): PyTorch's RNNBase.extra_repr does not print nonlinearity, not even 'relu'
        assertEquals("RNN(4, 8)", new RNN(4, 8, new Rng(1)).toString());
        assertEquals("RNN(4, 8)", new RNN(4, 8, Nonlinearity.RELU, D, new Rng(1)).toString());
        assertEquals("GRU(3, 5, batch_first=True)", RecurrentLayer.create(CellKind.GRU, 3, 5, D.withBatchFirst(true), new Rng(1)).toString());
    }

    @Test
    void cellsPrintBiasAndNonlinearityWhenNotDefault() {
        // nn.RNNCell(3, 4, nonlinearity='relu'); RNNCellBase.extra_repr writes the string without quotes
        assertEquals("RNNCell(3, 4, nonlinearity=relu)", new RNNCell(3, 4, true, Nonlinearity.RELU, new Rng(1)).toString());
        assertEquals("RNNCell(3, 4)", new RNNCell(3, 4, new Rng(1)).toString());
        assertEquals("LSTMCell(3, 4, bias=False)", new LSTMCell(3, 4, false, new Rng(1)).toString());
        assertEquals("GRUCell(3, 4)", new GRUCell(3, 4, new Rng(1)).toString());
        assertEquals("LSTMCell(2, 6)", RecurrentCell.create(CellKind.LSTM, 2, 6, true, new Rng(1)).toString());
    }

    @Test
    void basicModules() {
        assertEquals("Linear(in_features=16, out_features=1, bias=True)", new Linear(16, 1, new Rng(1)).toString());
        assertEquals("Linear(in_features=4, out_features=2, bias=False)", new Linear(4, 2, false, new Rng(1)).toString());
        assertEquals("Embedding(10, 3)", new Embedding(10, 3, new Rng(1)).toString());
        // nn.Embedding(10, 3, padding_idx=-1) normalises the index
        assertEquals("Embedding(10, 3, padding_idx=9)", new Embedding(10, 3, -1, new Rng(1)).toString());
        assertEquals("Dropout(p=0.5, inplace=False)", new Dropout(0.5, new Rng(1)).toString());
        assertEquals("Dropout(p=0.0, inplace=False)", new Dropout(0, new Rng(1)).toString());
    }

    @Test
    void compositeModulesNestTheirChildren() {
        assertEquals("""
                SequenceRegressor(
                  (rnn): RNN(1, 16, batch_first=True)
                  (linear): Linear(in_features=16, out_features=1, bias=True)
                )""", SequenceRegressor.of(CellKind.RNN_TANH, 1, 16, 1, new Rng(42)).toString());
        assertEquals("""
                Outer(
                  (inner): Inner(
                    (fc): Linear(in_features=2, out_features=3, bias=True)
                    (rnn): LSTM(3, 4)
                  )
                  (drop): Dropout(p=0.1, inplace=False)
                )""", new Outer().toString());
        assertEquals("Empty()", new Empty().toString());
    }

    @Test
    void summaryAddsTheParameterCounts() {
        Outer m = new Outer();
        m.inner.fc.weight().setRequiresGrad(false); // 6 frozen values
        long total = 2 * 3 + 3 + (4 * 4 * 3 + 4 * 4 * 4 + 2 * 4 * 4);
        assertEquals(m.toString() + "\nTotal params: " + total + "\nTrainable params: " + (total - 6)
                + "\nNon-trainable params: 6", m.summary());
        Linear big = new Linear(1000, 1000, new Rng(1));
        assertEquals(big + "\nTotal params: 1,001,000\nTrainable params: 1,001,000\nNon-trainable params: 0", big.summary());
    }

    @Test
    void floatsAreWrittenAsPythonDoes() {
        assertEquals("0.5", Module.pyFloat(0.5));
        assertEquals("0.1", Module.pyFloat(0.1));
        assertEquals("1e-05", Module.pyFloat(1e-5));
        assertEquals("0.0001", Module.pyFloat(1e-4));
        assertEquals("1.5e-07", Module.pyFloat(1.5e-7));
        assertEquals("123456789.0", Module.pyFloat(123456789.0));
        assertEquals("1e+16", Module.pyFloat(1e16));
        assertEquals("-2.5", Module.pyFloat(-2.5));
        assertEquals("1.0", Module.pyFloat(1));
    }

    static final class Inner extends Module {
        final Linear fc = registerModule("fc", new Linear(2, 3, new Rng(1)));
        final LSTM rnn = registerModule("rnn", new LSTM(3, 4, new Rng(2)));
    }

    static final class Outer extends Module {
        final Inner inner = registerModule("inner", new Inner());
        final Dropout drop = registerModule("drop", new Dropout(0.1, new Rng(3)));
    }

    static final class Empty extends Module {
    }
}
