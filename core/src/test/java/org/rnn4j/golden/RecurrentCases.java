package org.rnn4j.golden;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rnn4j.autograd.Var;
import org.rnn4j.nn.Module;
import org.rnn4j.nn.recurrent.GRU;
import org.rnn4j.nn.recurrent.LSTM;
import org.rnn4j.nn.recurrent.LstmOutput;
import org.rnn4j.nn.recurrent.LstmState;
import org.rnn4j.nn.recurrent.RNN;
import org.rnn4j.nn.recurrent.RnnOutput;

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
        if (m instanceof LSTM lstm) {
            LstmOutput<Var> r = lstm.forward(x, h0 == null ? null : new LstmState(h0, c0));
            outs.put("out", r.out());
            outs.put("h_n", r.hN());
            outs.put("c_n", r.cN());
        } else {
            RnnOutput<Var> r = m instanceof RNN rnn ? rnn.forward(x, h0) : ((GRU) m).forward(x, h0);
            outs.put("out", r.out());
            outs.put("h_n", r.hN());
        }
        RecurrentHarness.checkOutputsAndGrads(c, outs, RecurrentHarness.leaves(x, h0, c0), m);
    }
}
