package org.rnn4j.golden;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rnn4j.autograd.Var;
import org.rnn4j.nn.Module;
import org.rnn4j.nn.recurrent.GRUCell;
import org.rnn4j.nn.recurrent.LSTMCell;
import org.rnn4j.nn.recurrent.LstmState;
import org.rnn4j.nn.recurrent.RNNCell;

/** Kind {@code cell}: one step of RNNCell / LSTMCell / GRUCell, batched or unbatched, state given or not. */
final class CellCases {
    private CellCases() {
    }

    static void run(GoldenCase c) {
        Module m = RecurrentHarness.buildLoaded(c);
        Var x = RecurrentHarness.input(c, "x");
        Var h0 = RecurrentHarness.input(c, "h0");
        Var c0 = RecurrentHarness.input(c, "c0");
        Map<String, Var> outs = new LinkedHashMap<>();
        if (m instanceof LSTMCell cell) {
            LstmState s = cell.forward(x, h0 == null ? null : new LstmState(h0, c0));
            outs.put("h", s.h());
            outs.put("c", s.c());
        } else if (m instanceof RNNCell cell) {
            outs.put("h", cell.forward(x, h0));
        } else {
            outs.put("h", ((GRUCell) m).forward(x, h0));
        }
        RecurrentHarness.checkOutputsAndGrads(c, outs, RecurrentHarness.leaves(x, h0, c0), m);
    }
}
