package org.rnn4j.golden;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.rnn4j.autograd.Var;
import org.rnn4j.nn.Module;
import org.rnn4j.nn.recurrent.GRU;
import org.rnn4j.nn.recurrent.LSTM;
import org.rnn4j.nn.recurrent.RecurrentOutput;
import org.rnn4j.nn.recurrent.RecurrentLayer;
import org.rnn4j.nn.recurrent.RecurrentCell;
import org.rnn4j.nn.recurrent.LstmState;
import org.rnn4j.nn.recurrent.PackedSequence;
import org.rnn4j.nn.recurrent.Packing;
import org.rnn4j.nn.recurrent.PaddedSequence;
import org.rnn4j.nn.recurrent.RNN;
import org.rnn4j.nn.recurrent.RecurrentState;
import org.rnn4j.tensor.Tensor;

/**
 * Kind {@code packed}: pack_padded_sequence → layer → pad_packed_sequence with the case's {@code call}
 * kwargs; compares the padded output, lengths, states and gradients, and that x's padded positions get
 * exactly zero gradient.
 */
final class PackedCases {
    private PackedCases() {
    }

    static void run(GoldenCase c) {
        Module m = RecurrentHarness.buildLoaded(c);
        Var x = RecurrentHarness.input(c, "x");
        Var h0 = RecurrentHarness.input(c, "h0");
        Var c0 = RecurrentHarness.input(c, "c0");
        int[] lengths = Arrays.stream(c.longs("inputs", "lengths")).mapToInt(Math::toIntExact).toArray();
        boolean layerBatchFirst = c.config().path("batch_first").asBoolean(false);
        JsonNode pack = c.json().path("call").path("pack_padded_sequence");
        boolean packBatchFirst = pack.path("batch_first").asBoolean(layerBatchFirst);
        PackedSequence packed = Packing.packPaddedSequence(x, lengths, packBatchFirst, pack.path("enforce_sorted").asBoolean(true));
        if (c.json().has("packed_batch_sizes")) {
            Compare.exact(c, "packed_batch_sizes", GoldenCase.longs(c.json().get("packed_batch_sizes")),
                    Arrays.stream(packed.batchSizes()).asLongStream().toArray());
        }

        Map<String, Var> outs = new LinkedHashMap<>();
        PackedSequence out;
        RecurrentOutput<PackedSequence> r = ((RecurrentLayer) m).forward(packed, h0 == null ? null : c0 == null ? RecurrentState.of(h0) : RecurrentState.of(h0, c0));
        out = r.out();
        outs.put("h_n", r.hN());
        if (r.state() instanceof LstmState s) {
            outs.put("c_n", s.c());
        }
        JsonNode pad = c.json().path("call").path("pad_packed_sequence");
        JsonNode total = pad.path("total_length");
        PaddedSequence padded = Packing.padPackedSequence(out, pad.path("batch_first").asBoolean(layerBatchFirst),
                (float) pad.path("padding_value").asDouble(0.0),
                total.isNumber() ? OptionalInt.of(total.asInt()) : OptionalInt.empty());
        outs.put("out", padded.padded());
        if (c.has("outputs", "out_lengths")) {
            Compare.exact(c, "outputs.out_lengths", c.longs("outputs", "out_lengths"),
                    Arrays.stream(padded.lengths()).asLongStream().toArray());
        }
        RecurrentHarness.checkOutputsAndGrads(c, outs, RecurrentHarness.leaves(x, h0, c0), m);
        checkPaddingGradZero(c, x, lengths, packBatchFirst);
    }

    private static void checkPaddingGradZero(GoldenCase c, Var x, int[] lengths, boolean batchFirst) {
        Tensor g = x.grad();
        if (g == null) {
            return;
        }
        int[] d = x.shape().dims();
        int steps = batchFirst ? d[1] : d[0];
        int batch = batchFirst ? d[0] : d[1];
        int width = x.shape().sizeBetween(2, d.length);
        for (int b = 0; b < batch; b++) {
            for (int t = lengths[b]; t < steps; t++) {
                int off = (batchFirst ? b * steps + t : t * batch + b) * width;
                for (int i = 0; i < width; i++) {
                    if (g.data()[off + i] != 0f) {
                        throw new AssertionError(c.name() + ": grads.x at padded position (t " + t + ", b " + b
                                + ") is " + g.data()[off + i] + ", expected exactly 0");
                    }
                }
            }
        }
    }
}
