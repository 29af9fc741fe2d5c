package org.rnn4j.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.tensor.Tensor;

/**
 * Writes a PyTorch recurrent stack ({@code nn.LSTM / GRU / RNN} parameters under {@code prefix}) as
 * one ONNX {@code LSTM}, {@code GRU} or {@code RNN} node per layer, time-major. The gate blocks are
 * reordered (PyTorch LSTM {@code i, f, g, o} → ONNX {@code i, o, f, c}; GRU {@code r, z, n} → ONNX
 * {@code z, r, h}, with {@code linear_before_reset=1}, which is PyTorch's GRU), directions stacked on
 * axis 0, {@code B = [Wb; Rb]}. Each node's {@code Y [T, D, B, H]} becomes {@code [T, B, D·H]}, the
 * next layer's input; every layer reads the same {@code sequence_lens}.
 */
final class RecurrentGraph {
    /** ONNX block k holds PyTorch block ORDER[k]. */
    static final int[] LSTM_ORDER = {0, 3, 1, 2};
    static final int[] GRU_ORDER = {1, 0, 2};
    static final int[] RNN_ORDER = {0};

    /** The shape of a stack, as PyTorch's constructor arguments. */
    record Spec(CellKind kind, int inputSize, int hiddenSize, int numLayers, boolean bidirectional, int projSize) {
        int dirs() {
            return bidirectional ? 2 : 1;
        }
    }

    /**
     * What the stack produced: the last layer's output {@code y} [T, B, D·H], the last layer's final
     * states {@code lastH} [D, B, H], and the final states of every layer {@code hN} / {@code cN}
     * [L·D, B, H] ({@code cN} null unless LSTM).
     */
    record Outputs(String y, String lastH, String hN, String cN) {
    }

    private RecurrentGraph() {
    }

    static int[] order(CellKind kind) {
        return switch (kind) {
            case LSTM -> LSTM_ORDER;
            case GRU -> GRU_ORDER;
            case RNN_TANH, RNN_RELU -> RNN_ORDER;
        };
    }

    /**
     * Adds the stack reading {@code x} [T, B, I].
     *
     * @param lengths int32 [B] valid steps per row, or "" (all T)
     * @param h0      [L·D, B, H] initial hidden states, or "" (zeros)
     * @param c0      LSTM: [L·D, B, H] initial cell states, or ""
     */
    static Outputs add(OnnxGraph g, Spec s, Map<String, Tensor> state, String prefix, String x, String lengths,
                       String h0, String c0) {
        if (s.projSize() > 0) {
            if (!lengths.isEmpty()) {
                throw new IllegalArgumentException("onnx export: an LSTM with proj_size=" + s.projSize()
                        + " is exported as Scan steps without sequence_lens; variable lengths are not supported for it");
            }
            return ProjectedLstm.add(g, s, state, prefix, x, h0, c0);
        }
        int d = s.dirs();
        int h = s.hiddenSize();
        String op = s.kind().moduleName();
        String input = x;
        List<String> hs = new ArrayList<>();
        List<String> cs = new ArrayList<>();
        String lastH = null;
        String nodeStem = prefix.isEmpty() ? "" : prefix.replace('.', '_');
        for (int l = 0; l < s.numLayers(); l++) {
            String w = g.floats(prefix + "l" + l + ".W", new long[] {d, (long) s.kind().gates() * h, l == 0 ? s.inputSize() : d * h},
                    stacked(state, prefix, l, d, "weight_ih", s.kind()));
            String r = g.floats(prefix + "l" + l + ".R", new long[] {d, (long) s.kind().gates() * h, h},
                    stacked(state, prefix, l, d, "weight_hh", s.kind()));
            String b = state.containsKey(prefix + "bias_ih_l" + l)
                    ? g.floats(prefix + "l" + l + ".B", new long[] {d, 2L * s.kind().gates() * h}, biases(state, prefix, l, d, s.kind()))
                    : "";
            String ih = h0.isEmpty() ? "" : slice(g, h0, l * d, (l + 1) * d);
            String ic = c0.isEmpty() ? "" : slice(g, c0, l * d, (l + 1) * d);
            List<String> in = new ArrayList<>(List.of(input, w, r, b, lengths, ih));
            if (s.kind() == CellKind.LSTM) {
                in.add(ic);
            }
            while (in.get(in.size() - 1).isEmpty()) {
                in.remove(in.size() - 1);
            }
            String stem = nodeStem + "l" + l;
            OnnxGraph.Node n = g.op(op).in(in.toArray(new String[0])).attr("hidden_size", h)
                    .attr("direction", s.bidirectional() ? "bidirectional" : "forward");
            if (s.kind() == CellKind.LSTM) {
                n.out(stem + "_Y", stem + "_Y_h", stem + "_Y_c");
            } else {
                n.out(stem + "_Y", stem + "_Y_h");
            }
            if (s.kind() == CellKind.GRU) {
                n.attr("linear_before_reset", 1L);
            }
            if (s.kind() == CellKind.RNN_TANH || s.kind() == CellKind.RNN_RELU) {
                String a = s.kind() == CellKind.RNN_TANH ? "Tanh" : "Relu";
                n.attr("activations", d == 2 ? new String[] {a, a} : new String[] {a});
            }
            String[] o = n.add();
            hs.add(o[1]);
            if (s.kind() == CellKind.LSTM) {
                cs.add(o[2]);
            }
            lastH = o[1];
            // [T, D, B, H] → [T, B, D, H] → [T, B, D·H]
            String t = g.op("Transpose").in(o[0]).out(stem + "_Y_tbdh").attr("perm", new long[] {0, 2, 1, 3}).add1();
            input = g.op("Reshape").in(t, g.int64s("shape_tb_flat", 0, 0, -1)).out(stem + "_out").add1();
        }
        String hN = hs.size() == 1 ? hs.get(0) : g.op("Concat").in(hs.toArray(new String[0])).out(nodeStem + "h_n").attr("axis", 0L).add1();
        String cN = cs.isEmpty() ? null
                : cs.size() == 1 ? cs.get(0) : g.op("Concat").in(cs.toArray(new String[0])).out(nodeStem + "c_n").attr("axis", 0L).add1();
        return new Outputs(input, lastH, hN, cN);
    }

    /** [D, B, H] final states → [B, D·H], directions side by side (forward first). */
    static String batchMajor(OnnxGraph g, String dbh) {
        String t = g.op("Transpose").in(dbh).out("last_bdh").attr("perm", new long[] {1, 0, 2}).add1();
        return g.op("Reshape").in(t, g.int64s("shape_b_flat", 0, -1)).out("last").add1();
    }

    private static String slice(OnnxGraph g, String x, int from, int to) {
        return g.op("Slice").in(x, g.int64s("starts", from), g.int64s("ends", to), g.int64s("axes", 0)).out(x + "_" + from).add1();
    }

    /** [D, G·H, in]: each direction's PyTorch matrix with its gate blocks in ONNX order. */
    private static float[] stacked(Map<String, Tensor> state, String prefix, int l, int d, String name, CellKind kind) {
        List<float[]> parts = new ArrayList<>();
        for (int dir = 0; dir < d; dir++) {
            parts.add(reorder(param(state, prefix + name + "_l" + l + (dir == 1 ? "_reverse" : "")), kind));
        }
        return concat(parts);
    }

    /** [D, 2·G·H]: per direction the reordered b_ih then b_hh. */
    private static float[] biases(Map<String, Tensor> state, String prefix, int l, int d, CellKind kind) {
        List<float[]> parts = new ArrayList<>();
        for (int dir = 0; dir < d; dir++) {
            String sfx = "_l" + l + (dir == 1 ? "_reverse" : "");
            parts.add(reorder(param(state, prefix + "bias_ih" + sfx), kind));
            parts.add(reorder(param(state, prefix + "bias_hh" + sfx), kind));
        }
        return concat(parts);
    }

    private static Tensor param(Map<String, Tensor> state, String name) {
        Tensor t = state.get(name);
        if (t == null) {
            throw new IllegalArgumentException("onnx export: the state dict has no " + name);
        }
        return t;
    }

    /** Gate blocks of rows from PyTorch's order into ONNX's. */
    static float[] reorder(Tensor t, CellKind kind) {
        return permuteBlocks(t.data().clone(), order(kind));
    }

    /** out block k = in block order[k]; blocks are equal slices of the array. */
    static float[] permuteBlocks(float[] v, int[] order) {
        int block = v.length / order.length;
        float[] out = new float[v.length];
        for (int k = 0; k < order.length; k++) {
            System.arraycopy(v, order[k] * block, out, k * block, block);
        }
        return out;
    }

    static float[] concat(List<float[]> parts) {
        int n = 0;
        for (float[] p : parts) {
            n += p.length;
        }
        float[] out = new float[n];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
