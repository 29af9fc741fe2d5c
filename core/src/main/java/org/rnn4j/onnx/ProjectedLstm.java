package org.rnn4j.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rnn4j.tensor.Tensor;

/**
 * An LSTM with {@code proj_size} (which ONNX's LSTM op cannot express) as one {@code Scan} per
 * layer-direction whose body is PyTorch's step in elementwise ops, gates in PyTorch's order:
 * <pre>
 * i, f, g, o = split(x·W_ihᵀ + h·W_hhᵀ + b_ih + b_hh)     // [B, 4H] → 4 × [B, H]
 * c' = σ(f)∘c + σ(i)∘tanh(g);  h' = (σ(o)∘tanh(c'))·W_hrᵀ // [B, H], [B, P]
 * </pre>
 * The reverse direction scans the reversed sequence and reverses its outputs back. Every row runs
 * all steps (no {@code sequence_lens}).
 */
final class ProjectedLstm {
    private ProjectedLstm() {
    }

    static RecurrentGraph.Outputs add(OnnxGraph g, RecurrentGraph.Spec s, Map<String, Tensor> state, String prefix, String x,
                                      String h0, String c0) {
        int d = s.dirs();
        int h = s.hiddenSize();
        int p = s.projSize();
        String input = x;
        List<String> hs = new ArrayList<>();
        List<String> cs = new ArrayList<>();
        String lastH = null;
        for (int l = 0; l < s.numLayers(); l++) {
            List<String> ys = new ArrayList<>();
            List<String> lh = new ArrayList<>();
            for (int dir = 0; dir < d; dir++) {
                String sfx = "_l" + l + (dir == 1 ? "_reverse" : "");
                String stem = prefix.replace('.', '_') + "l" + l + (dir == 1 ? "_reverse" : "");
                String wih = g.floats(prefix + "weight_ih" + sfx + ".T", dimsT(state.get(prefix + "weight_ih" + sfx)),
                        transpose(state.get(prefix + "weight_ih" + sfx)));
                String whh = g.floats(prefix + "weight_hh" + sfx + ".T", dimsT(state.get(prefix + "weight_hh" + sfx)),
                        transpose(state.get(prefix + "weight_hh" + sfx)));
                String whr = g.floats(prefix + "weight_hr" + sfx + ".T", dimsT(state.get(prefix + "weight_hr" + sfx)),
                        transpose(state.get(prefix + "weight_hr" + sfx)));
                Tensor bih = state.get(prefix + "bias_ih" + sfx);
                String bias = bih == null ? null : g.floats(prefix + "bias" + sfx + ".sum", new long[] {4L * h},
                        sum(bih.data(), state.get(prefix + "bias_hh" + sfx).data()));
                int k = l * d + dir;
                String hInit = initial(g, h0, k, input, p);
                String cInit = initial(g, c0, k, input, h);
                String seq = dir == 0 ? input : reverse(g, input);

                OnnxGraph body = new OnnxGraph(g);
                String hp = body.fresh(stem + "_h_prev");
                String cp = body.fresh(stem + "_c_prev");
                String xt = body.fresh(stem + "_x_t");
                body.bodyValue(hp, OnnxGraph.FLOAT, true);
                body.bodyValue(cp, OnnxGraph.FLOAT, true);
                body.bodyValue(xt, OnnxGraph.FLOAT, true);
                String gates = body.op("Add").in(body.op("MatMul").in(xt, wih).out(stem + "_xw").add1(),
                        body.op("MatMul").in(hp, whh).out(stem + "_hw").add1()).out(stem + "_gates").add1();
                if (bias != null) {
                    gates = body.op("Add").in(gates, bias).out(stem + "_gates_b").add1();
                }
                String[] ifgo = body.op("Split").in(gates).out(stem + "_i", stem + "_f", stem + "_g", stem + "_o").attr("axis", 1L).add();
                String i = body.op("Sigmoid").in(ifgo[0]).out(stem + "_si").add1();
                String f = body.op("Sigmoid").in(ifgo[1]).out(stem + "_sf").add1();
                String gg = body.op("Tanh").in(ifgo[2]).out(stem + "_tg").add1();
                String o = body.op("Sigmoid").in(ifgo[3]).out(stem + "_so").add1();
                String c = body.op("Add").in(body.op("Mul").in(f, cp).out(stem + "_fc").add1(),
                        body.op("Mul").in(i, gg).out(stem + "_ig").add1()).out(stem + "_c").add1();
                String full = body.op("Mul").in(o, body.op("Tanh").in(c).out(stem + "_tc").add1()).out(stem + "_h_full").add1();
                String hn = body.op("MatMul").in(full, whr).out(stem + "_h").add1();
                String y = body.op("Identity").in(hn).out(stem + "_y_t").add1();
                body.bodyValue(hn, OnnxGraph.FLOAT, false);
                body.bodyValue(c, OnnxGraph.FLOAT, false);
                body.bodyValue(y, OnnxGraph.FLOAT, false);

                String[] out = g.op("Scan").in(hInit, cInit, seq).out(stem + "_h_n", stem + "_c_n", stem + "_Y")
                        .attr("num_scan_inputs", 1L).attr("body", body, stem + "_step").add();
                String yd = dir == 0 ? out[2] : reverse(g, out[2]);
                ys.add(yd);
                lh.add(g.op("Unsqueeze").in(out[0], g.int64s("axes", 0)).out(stem + "_h_n_1").add1());
                hs.add(lh.get(lh.size() - 1));
                cs.add(g.op("Unsqueeze").in(out[1], g.int64s("axes", 0)).out(stem + "_c_n_1").add1());
            }
            input = ys.size() == 1 ? ys.get(0) : g.op("Concat").in(ys.toArray(new String[0])).out("l" + l + "_out").attr("axis", 2L).add1();
            lastH = lh.size() == 1 ? lh.get(0) : g.op("Concat").in(lh.toArray(new String[0])).out("l" + l + "_h_n").attr("axis", 0L).add1();
        }
        String hN = hs.size() == 1 ? hs.get(0) : g.op("Concat").in(hs.toArray(new String[0])).out("h_n_all").attr("axis", 0L).add1();
        String cN = cs.size() == 1 ? cs.get(0) : g.op("Concat").in(cs.toArray(new String[0])).out("c_n_all").attr("axis", 0L).add1();
        return new RecurrentGraph.Outputs(input, lastH, hN, cN);
    }

    /** State k of [L·D, B, W] as [B, W], or zeros [B, W] for B the batch of x [T, B, ·]. */
    private static String initial(OnnxGraph g, String all, int k, String x, int width) {
        if (!all.isEmpty()) {
            String one = g.op("Slice").in(all, g.int64s("starts", k), g.int64s("ends", k + 1), g.int64s("axes", 0)).out(all + "_" + k).add1();
            return g.op("Squeeze").in(one, g.int64s("axes", 0)).out(all + "_" + k + "_bw").add1();
        }
        String b = g.op("Shape").in(x).out("batch_1").attr("start", 1L).attr("end", 2L).add1();
        String shape = g.op("Concat").in(b, g.int64s("width", width)).out("batch_width").attr("axis", 0L).add1();
        return g.op("ConstantOfShape").in(shape).out("zeros").add1();
    }

    /** The time axis (0) reversed. */
    private static String reverse(OnnxGraph g, String x) {
        return g.op("Slice").in(x, g.int64s("starts", -1), g.int64s("ends", Long.MIN_VALUE), g.int64s("axes", 0), g.int64s("steps", -1))
                .out(x + "_reversed").add1();
    }

    private static long[] dimsT(Tensor t) {
        return new long[] {t.dim(1), t.dim(0)};
    }

    private static float[] transpose(Tensor t) {
        int r = t.dim(0);
        int c = t.dim(1);
        float[] v = new float[r * c];
        float[] d = t.data();
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                v[j * r + i] = d[i * c + j];
            }
        }
        return v;
    }

    private static float[] sum(float[] a, float[] b) {
        float[] v = new float[a.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = a[i] + b[i];
        }
        return v;
    }
}
