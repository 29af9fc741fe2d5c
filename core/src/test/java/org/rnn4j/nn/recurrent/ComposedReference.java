package org.rnn4j.nn.recurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rnn4j.autograd.Var;
import org.rnn4j.nn.Parameter;
import org.rnn4j.ops.F;
import org.rnn4j.tensor.Tensor;

/**
 * The test oracle for the fused layers: the cell equations unrolled from primitive differentiable ops
 * ({@code linear}, {@code sigmoid}, {@code tanh}, {@code mul}, {@code cat}, …), one sequence at a time,
 * each over its own length — a formulation independent of the fused engine's packed row prefixes.
 * Slow by design; only for tests.
 */
final class ComposedReference {
    private ComposedReference() {
    }

    /** Outputs of the reference: {@code out} [T, B, D·P] zero-padded, {@code hN} [L·D, B, P], {@code cN} or null. */
    record Result(Var out, Var hN, Var cN) {
    }

    /**
     * Runs the layer {@code m}'s equations with its parameters on seq-first {@code x} [T, B, I] where
     * sequence b has {@code lengths[b]} valid steps; {@code h0} [L·D, B, P] / {@code c0} [L·D, B, H] or null.
     */
    static Result run(RecurrentLayer m, Var x, int[] lengths, Var h0, Var c0) {
        Map<String, Parameter> p = m.namedParameters();
        CellKind kind = m.kind();
        int layers = m.options().numLayers();
        int dirs = m.options().numDirections();
        int steps = x.shape().dim(0);
        int batch = x.shape().dim(1);
        int outW = dirs * m.outputSize();
        List<Var> outs = new ArrayList<>();
        Var[][] hN = new Var[layers * dirs][batch];
        Var[][] cN = new Var[layers * dirs][batch];
        for (int b = 0; b < batch; b++) {
            int len = lengths[b];
            Var input = F.narrow(F.select(x, 1, b), 0, 0, len); // [len, I]
            for (int l = 0; l < layers; l++) {
                List<Var> dirOuts = new ArrayList<>();
                for (int d = 0; d < dirs; d++) {
                    int k = l * dirs + d;
                    String sfx = "_l" + l + (d == 1 ? "_reverse" : "");
                    Var h = h0 == null ? zeros(m.outputSize()) : F.narrow(F.select(h0, 0, k), 0, b, 1);
                    Var c = kind.hasCell() ? (c0 == null ? zeros(m.hiddenSize()) : F.narrow(F.select(c0, 0, k), 0, b, 1)) : null;
                    Var[] hs = new Var[len];
                    for (int s = 0; s < len; s++) {
                        int t = d == 1 ? len - 1 - s : s;
                        Var[] next = cell(kind, p, sfx, F.narrow(input, 0, t, 1), h, c);
                        h = next[0];
                        c = next[1];
                        hs[t] = h;
                    }
                    hN[k][b] = h;
                    cN[k][b] = c;
                    dirOuts.add(F.cat(List.of(hs), 0)); // [len, P]
                }
                input = dirs == 1 ? dirOuts.get(0) : F.cat(dirOuts, 1);
            }
            outs.add(len == steps ? input : F.cat(List.of(input, zeros(steps - len, outW)), 0));
        }
        Var out = F.stack(outs, 1);
        return new Result(out, stackStates(hN), kind.hasCell() ? stackStates(cN) : null);
    }

    /** One step from primitives: returns {h', c'} for rows x [1, in], h [1, P], c [1, H]. */
    static Var[] cell(CellKind kind, Map<String, Parameter> p, String sfx, Var x, Var h, Var c) {
        Var wih = p.get("weight_ih" + sfx);
        Var whh = p.get("weight_hh" + sfx);
        Var bih = p.get("bias_ih" + sfx);
        Var bhh = p.get("bias_hh" + sfx);
        Var a = F.linear(x, wih, bih);
        Var r = F.linear(h, whh, bhh);
        switch (kind) {
            case RNN_TANH -> {
                return new Var[] {F.tanh(F.add(a, r)), null};
            }
            case RNN_RELU -> {
                return new Var[] {F.relu(F.add(a, r)), null};
            }
            case LSTM -> {
                List<Var> g = F.chunk(F.add(a, r), 4, 1);
                Var i = F.sigmoid(g.get(0));
                Var f = F.sigmoid(g.get(1));
                Var gg = F.tanh(g.get(2));
                Var o = F.sigmoid(g.get(3));
                Var c2 = F.add(F.mul(f, c), F.mul(i, gg));
                Var h2 = F.mul(o, F.tanh(c2));
                Var whr = p.get("weight_hr" + sfx);
                return new Var[] {whr == null ? h2 : F.linear(h2, whr, null), c2};
            }
            case GRU -> {
                List<Var> ai = F.chunk(a, 3, 1);
                List<Var> ri = F.chunk(r, 3, 1);
                Var rg = F.sigmoid(F.add(ai.get(0), ri.get(0)));
                Var z = F.sigmoid(F.add(ai.get(1), ri.get(1)));
                Var n = F.tanh(F.add(ai.get(2), F.mul(rg, ri.get(2))));
                return new Var[] {F.add(F.mul(F.rsub(1f, z), n), F.mul(z, h)), null};
            }
            default -> throw new AssertionError(kind);
        }
    }

    private static Var stackStates(Var[][] perLayer) {
        List<Var> layers = new ArrayList<>();
        for (Var[] rows : perLayer) {
            layers.add(F.cat(List.of(rows), 0)); // [B, ·]
        }
        return F.stack(layers, 0);
    }

    private static Var zeros(int... dims) {
        return Var.constant(Tensor.zeros(dims.length == 1 ? new int[] {1, dims[0]} : dims));
    }
}
