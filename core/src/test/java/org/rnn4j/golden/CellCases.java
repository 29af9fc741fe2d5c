package org.rnn4j.golden;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rnn4j.autograd.Var;
import org.rnn4j.nn.Module;
import org.rnn4j.nn.recurrent.GRUCell;
import org.rnn4j.nn.recurrent.LSTMCell;
import org.rnn4j.nn.recurrent.LstmState;
import org.rnn4j.nn.recurrent.RecurrentState;
import org.rnn4j.nn.recurrent.RecurrentCell;
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
        RecurrentState s = ((RecurrentCell) m).forward(x, h0 == null ? null : c0 == null ? RecurrentState.of(h0) : RecurrentState.of(h0, c0));
        outs.put("h", s.h());
        if (s instanceof LstmState l) {
            outs.put("c", l.c());
        }
        RecurrentHarness.checkOutputsAndGrads(c, outs, RecurrentHarness.leaves(x, h0, c0), m);
    }
}
