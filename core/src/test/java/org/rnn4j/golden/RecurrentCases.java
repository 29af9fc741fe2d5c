package org.rnn4j.golden;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rnn4j.autograd.Var;
import org.rnn4j.nn.Module;
import org.rnn4j.nn.recurrent.GRU;
import org.rnn4j.nn.recurrent.LSTM;
import org.rnn4j.nn.recurrent.RecurrentOutput;
import org.rnn4j.nn.recurrent.RecurrentLayer;
import org.rnn4j.nn.recurrent.RecurrentCell;
import org.rnn4j.nn.recurrent.LstmState;
import org.rnn4j.nn.recurrent.RNN;
import org.rnn4j.nn.recurrent.RecurrentState;

/** Kind {@code recurrent}: RNN / LSTM / GRU on padded (or unbatched) input, outputs and gradients. */
final class RecurrentCases {
    private RecurrentCases() {
    }

    static void run(GoldenCase c) {
        Module m = RecurrentHarness.buildLoaded(c);
        Var x = RecurrentHarness.input(c, "x");
        Var h0 = RecurrentHarness.input(c, "h0");
        Var c0 = RecurrentHarness.input(c, "c0");
        Map<String, Var> outs = new LinkedHashMap<>();
        RecurrentOutput<Var> r = ((RecurrentLayer) m).forward(x, h0 == null ? null : c0 == null ? RecurrentState.of(h0) : RecurrentState.of(h0, c0));
        outs.put("out", r.out());
        outs.put("h_n", r.hN());
        if (r.state() instanceof LstmState s) {
            outs.put("c_n", s.c());
        }
        RecurrentHarness.checkOutputsAndGrads(c, outs, RecurrentHarness.leaves(x, h0, c0), m);
    }
}
