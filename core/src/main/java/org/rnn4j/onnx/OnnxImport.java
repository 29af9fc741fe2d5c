package org.rnn4j.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rnn4j.Version;
import org.rnn4j.classify.ClassifierFiles;
import org.rnn4j.forecast.ForecastModelFiles;
import org.rnn4j.io.FileFormatException;
import org.rnn4j.io.ModelDirectory;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

/**
 * Reads an ONNX file holding recurrent layers ({@code LSTM}, {@code GRU} with
 * {@code linear_before_reset=1}, {@code RNN} with Tanh or Relu) into an rnn4j model folder under
 * PyTorch's names, converting the gate orders back (ONNX LSTM {@code i, o, f, c} → {@code i, f, g, o};
 * GRU {@code z, r, h} → {@code r, z, n}) and splitting {@code B} into {@code bias_ih} and
 * {@code bias_hh}.
 *
 * <ul>
 * <li>A file rnn4j exported from a model folder carries that folder's config.json; the folder is
 *     restored as it was (a classifier or forecaster the other commands use) and checked by loading it.</li>
 * <li>Any other file: the recurrent nodes (in file order, one per layer, one shared hidden size and
 *     direction), at most one {@code Gather} embedding of a constant table and at most one Linear
 *     ({@code Gemm}, or {@code MatMul} with a constant and an optional {@code Add} of a constant) become
 *     {@code embedding.weight}, {@code rnn.*} and {@code head.*}; config.json (task {@code onnx_import})
 *     describes the PyTorch modules they load into. The remaining nodes must be shape, masking or output
 *     normalisation ops; anything else is refused, naming the op type and node.</li>
 * </ul>
 * Refused: GRU with {@code linear_before_reset=0} (not PyTorch's GRU equations), LSTM peepholes,
 * {@code input_forget}, {@code clip}, non-default activations, {@code direction=reverse}, weights that
 * are computed rather than constant, external data.
 */
public final class OnnxImport {
    /** The {@code task} of a folder imported from a file rnn4j did not write. */
    public static final String TASK = "onnx_import";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RNN4J_WEIGHT = Pattern.compile("(.*)l(\\d+)\\.W");
    /** Ops taken as the glue around the layers: shapes, masks, casts, pooling arithmetic and output normalisation. */
    private static final Set<String> GLUE = Set.of("Transpose", "Reshape", "Squeeze", "Unsqueeze", "Concat", "Slice", "Split", "Shape",
            "Gather", "Constant", "ConstantOfShape", "Cast", "Identity", "Softmax", "LogSoftmax", "Expand", "Range", "Less", "Greater",
            "Equal", "Not", "And", "Where", "Mul", "Div", "Add", "Sub", "ReduceSum", "ReduceMax", "ReduceMean", "Mean", "Flatten",
            "Dropout");

    /** What an import wrote. */
    public record Summary(String task, String description, int parameters) {
    }

    /** The folder's content before it is written. */
    record Imported(Map<String, Tensor> stateDict, JsonNode config, String description) {
    }

    private OnnxImport() {
    }

    /** Reads {@code onnx} and writes the model folder {@code dir}. */
    public static Summary importFile(Path onnx, Path dir) throws IOException {
        Imported m;
        try {
            m = read(Files.readAllBytes(onnx), onnx.getFileName().toString());
        } catch (IllegalArgumentException e) {
            throw new FileFormatException(onnx, e.getMessage());
        }
        ModelDirectory.save(dir, m.stateDict(), m.config());
        String task = m.config().path("task").asText();
        if (ForecastModelFiles.accepts(m.config())) {
            ForecastModelFiles.load(dir); // the restored folder must load as it did before export
        } else if (task.equals(org.rnn4j.classify.ClassifierConfig.TASK)) {
            ClassifierFiles.load(dir);
        }
        int n = 0;
        for (Tensor t : m.stateDict().values()) {
            n += t.size();
        }
        return new Summary(task, m.description(), n);
    }

    static Imported read(byte[] bytes, String source) throws IOException {
        OnnxFile f = OnnxFile.parse(bytes);
        String config = f.metadata().get(OnnxExport.CONFIG_KEY);
        return config != null ? rnn4j(f, JSON.readTree(config)) : foreign(f, source);
    }

    /** A file rnn4j wrote: every initializer already has its PyTorch name, the recurrent ones a {@code …lK.W/R/B} name. */
    private static Imported rnn4j(OnnxFile f, JsonNode config) {
        Map<String, Tensor> sd = new LinkedHashMap<>();
        for (OnnxFile.Node n : f.nodes()) {
            if (isRecurrent(n)) {
                Matcher m = RNN4J_WEIGHT.matcher(n.input(1));
                if (!m.matches()) {
                    throw new IllegalArgumentException(n.describe() + ": weight '" + n.input(1) + "' is not named as rnn4j names them");
                }
                layer(f, n, m.group(1), Integer.parseInt(m.group(2)), sd);
            } else if (n.opType().equals("Gather") && f.initializers().containsKey(n.input(0))) {
                sd.put(n.input(0), f.initializers().get(n.input(0)));
            } else if (n.opType().equals("Gemm")) {
                sd.put(n.input(1), f.initializers().get(n.input(1)));
                if (!n.input(2).isEmpty()) {
                    sd.put(n.input(2), f.initializers().get(n.input(2)));
                }
            }
        }
        return new Imported(sd, config, config.path("task").asText() + " exported by rnn4j, restored with its config");
    }

    private static boolean isRecurrent(OnnxFile.Node n) {
        return n.opType().equals("LSTM") || n.opType().equals("GRU") || n.opType().equals("RNN");
    }

    /** One recurrent node's parameters as layer {@code l} under {@code prefix} ({@code weight_ih_l0}, …). */
    private static LayerShape layer(OnnxFile f, OnnxFile.Node n, String prefix, int l, Map<String, Tensor> sd) {
        CellKind kind = kind(n);
        String dir = n.s("direction", "forward");
        if (!dir.equals("forward") && !dir.equals("bidirectional")) {
            throw new IllegalArgumentException(n.describe() + ": direction '" + dir + "' has no PyTorch layer (only forward and bidirectional)");
        }
        int d = dir.equals("bidirectional") ? 2 : 1;
        Tensor w = constant(f, n, 1, "W");
        Tensor r = constant(f, n, 2, "R");
        Tensor b = n.input(3).isEmpty() ? null : constant(f, n, 3, "B");
        int g = kind.gates();
        if (w.rank() != 3 || w.dim(0) != d || w.dim(1) % g != 0) {
            throw new IllegalArgumentException(n.describe() + ": W has shape " + w.shape() + ", expected [" + d + ", " + g + "·hidden, input]");
        }
        int h = w.dim(1) / g;
        int in = w.dim(2);
        if (n.attrs().containsKey("hidden_size") && n.i("hidden_size", h) != h) {
            throw new IllegalArgumentException(n.describe() + ": hidden_size " + n.i("hidden_size", h) + " does not match W " + w.shape());
        }
        if (!r.shape().equals(Shape.of(d, g * h, h)) || (b != null && !b.shape().equals(Shape.of(d, 2 * g * h)))) {
            throw new IllegalArgumentException(n.describe() + ": R " + r.shape() + (b == null ? "" : " / B " + b.shape())
                    + " do not fit W " + w.shape());
        }
        int[] order = RecurrentGraph.order(kind);
        for (int k = 0; k < d; k++) {
            String sfx = "_l" + l + (k == 1 ? "_reverse" : "");
            sd.put(prefix + "weight_ih" + sfx, block(w, k, 0, g * h * in, Shape.of(g * h, in), order));
            sd.put(prefix + "weight_hh" + sfx, block(r, k, 0, g * h * h, Shape.of(g * h, h), order));
            sd.put(prefix + "bias_ih" + sfx, b == null ? Tensor.zeros(g * h) : block(b, k, 0, g * h, Shape.of(g * h), order));
            sd.put(prefix + "bias_hh" + sfx, b == null ? Tensor.zeros(g * h) : block(b, k, g * h, g * h, Shape.of(g * h), order));
        }
        return new LayerShape(kind, in, h, d);
    }

    private record LayerShape(CellKind kind, int inputSize, int hidden, int dirs) {
    }

    /** Direction k's slice [from, from + n) of t, gate blocks back in PyTorch's order. */
    private static Tensor block(Tensor t, int k, int from, int n, Shape shape, int[] order) {
        int per = t.size() / t.dim(0);
        float[] onnx = new float[n];
        System.arraycopy(t.data(), k * per + from, onnx, 0, n);
        float[] torch = new float[n];
        int blk = n / order.length;
        for (int j = 0; j < order.length; j++) {
            System.arraycopy(onnx, j * blk, torch, order[j] * blk, blk);
        }
        return Tensor.wrap(shape, torch);
    }

    private static CellKind kind(OnnxFile.Node n) {
        List<String> act = n.attrs().containsKey("activations") ? n.attrs().get("activations").strings() : List.of();
        for (String a : List.of("clip", "activation_alpha", "activation_beta")) {
            if (n.attrs().containsKey(a)) {
                throw new IllegalArgumentException(n.describe() + ": attribute '" + a + "' has no PyTorch equivalent");
            }
        }
        switch (n.opType()) {
            case "LSTM" -> {
                if (n.i("input_forget", 0) != 0) {
                    throw new IllegalArgumentException(n.describe() + ": input_forget=1 (coupled gates) is not PyTorch's LSTM");
                }
                if (!n.input(7).isEmpty()) {
                    throw new IllegalArgumentException(n.describe() + ": peephole weights (input P) are not part of PyTorch's LSTM");
                }
                defaults(n, act, "Sigmoid", "Tanh", "Tanh");
                return CellKind.LSTM;
            }
            case "GRU" -> {
                if (n.i("linear_before_reset", 0) != 1) {
                    throw new IllegalArgumentException(n.describe() + ": linear_before_reset=0 applies the reset gate before the "
                            + "recurrent matrix, which PyTorch's GRU (and rnn4j's) cannot represent; re-export with linear_before_reset=1");
                }
                defaults(n, act, "Sigmoid", "Tanh");
                return CellKind.GRU;
            }
            default -> {
                if (act.isEmpty() || act.stream().allMatch("Tanh"::equalsIgnoreCase)) {
                    return CellKind.RNN_TANH;
                }
                if (act.stream().allMatch("Relu"::equalsIgnoreCase)) {
                    return CellKind.RNN_RELU;
                }
                throw new IllegalArgumentException(n.describe() + ": activations " + act + " (PyTorch's RNN has Tanh or Relu)");
            }
        }
    }

    private static void defaults(OnnxFile.Node n, List<String> act, String... expected) {
        for (int k = 0; k < act.size(); k++) {
            if (!act.get(k).equalsIgnoreCase(expected[k % expected.length])) {
                throw new IllegalArgumentException(n.describe() + ": activations " + act + " differ from PyTorch's "
                        + List.of(expected));
            }
        }
    }

    private static Tensor constant(OnnxFile f, OnnxFile.Node n, int k, String what) {
        Tensor t = f.initializers().get(n.input(k));
        if (t == null) {
            throw new IllegalArgumentException(n.describe() + ": input " + what + " ('" + n.input(k) + "') is computed in the graph, "
                    + "not a constant weight");
        }
        return t;
    }

    /** Any other exporter's file (PyTorch's torch.onnx.export among them). */
    private static Imported foreign(OnnxFile f, String source) {
        Map<String, Tensor> sd = new LinkedHashMap<>();
        List<LayerShape> layers = new ArrayList<>();
        Tensor embedding = null;
        Tensor headW = null;
        Tensor headB = null;
        String headNode = null;
        for (OnnxFile.Node n : f.nodes()) {
            if (isRecurrent(n)) {
                LayerShape s = layer(f, n, "rnn.", layers.size(), sd);
                if (!layers.isEmpty()) {
                    LayerShape first = layers.get(0);
                    if (s.kind() != first.kind() || s.hidden() != first.hidden() || s.dirs() != first.dirs()
                            || s.inputSize() != first.dirs() * first.hidden()) {
                        throw new IllegalArgumentException(n.describe() + ": " + s + " does not stack on the layers before it " + first
                                + " (one PyTorch module needs one cell kind, hidden size and direction, and input D·hidden)");
                    }
                }
                layers.add(s);
            } else if (n.opType().equals("Gather") && f.initializers().containsKey(n.input(0))) {
                if (embedding != null) {
                    throw new IllegalArgumentException(n.describe() + ": a second embedding table; only one is imported");
                }
                embedding = f.initializers().get(n.input(0));
            } else if (n.opType().equals("Gemm") || n.opType().equals("MatMul")) {
                boolean gemm = n.opType().equals("Gemm");
                Tensor w = f.initializers().get(n.input(1));
                if (w == null || w.rank() != 2) {
                    throw new IllegalArgumentException(n.describe() + ": multiplies computed tensors; only a Linear with a constant weight is imported");
                }
                if (headW != null) {
                    throw new IllegalArgumentException(n.describe() + ": a second Linear after " + headNode + "; only one head is imported");
                }
                if (gemm && (n.f("alpha", 1f) != 1f || n.f("beta", 1f) != 1f || n.i("transA", 0) != 0)) {
                    throw new IllegalArgumentException(n.describe() + ": alpha, beta or transA differ from a Linear's");
                }
                headW = gemm && n.i("transB", 0) == 1 ? w : transpose(w);
                headNode = n.describe();
                if (gemm && !n.input(2).isEmpty()) {
                    headB = f.initializers().get(n.input(2));
                } else if (!gemm) {
                    for (OnnxFile.Node a : f.nodes()) {
                        if (a.opType().equals("Add") && a.inputs().contains(n.outputs().get(0))) {
                            String other = a.input(0).equals(n.outputs().get(0)) ? a.input(1) : a.input(0);
                            Tensor bias = f.initializers().get(other);
                            if (bias != null && bias.rank() == 1 && bias.dim(0) == headW.dim(0)) {
                                headB = bias;
                            }
                        }
                    }
                }
                if (headB == null && gemm && !n.input(2).isEmpty()) {
                    throw new IllegalArgumentException(n.describe() + ": bias '" + n.input(2) + "' is computed, not a constant");
                }
            } else if (!GLUE.contains(n.opType())) {
                throw new IllegalArgumentException(n.describe() + ": op " + n.opType() + " cannot be mapped to rnn4j's modules "
                        + "(imported: LSTM, GRU, RNN, a Gather embedding, one Gemm/MatMul head, and shape or masking ops around them)");
            }
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("the graph has no LSTM, GRU or RNN node");
        }
        LayerShape first = layers.get(0);
        ObjectNode config = JSON.createObjectNode();
        config.put("task", TASK);
        config.put("format_version", 1);
        config.put("source", source);
        ObjectNode arch = config.putObject("architecture");
        arch.put("cell", first.kind().id());
        arch.put("input_size", first.inputSize());
        arch.put("hidden_size", first.hidden());
        arch.put("num_layers", layers.size());
        arch.put("bidirectional", first.dirs() == 2);
        StringBuilder py = new StringBuilder();
        Map<String, Tensor> out = new LinkedHashMap<>();
        if (embedding != null) {
            if (embedding.rank() != 2) {
                throw new IllegalArgumentException("the embedding table has shape " + embedding.shape() + ", expected [rows, dim]");
            }
            out.put("embedding.weight", embedding);
            ObjectNode e = arch.putObject("embedding");
            e.put("num_embeddings", embedding.dim(0));
            e.put("embedding_dim", embedding.dim(1));
            py.append("embedding = nn.Embedding(").append(embedding.dim(0)).append(", ").append(embedding.dim(1)).append("); ");
        }
        out.putAll(sd);
        py.append("rnn = nn.").append(first.kind().moduleName()).append('(').append(first.inputSize()).append(", ").append(first.hidden())
                .append(", num_layers=").append(layers.size()).append(first.dirs() == 2 ? ", bidirectional=True" : "")
                .append(first.kind() == CellKind.RNN_RELU ? ", nonlinearity='relu'" : "").append(')');
        if (headW != null) {
            out.put("head.weight", headW);
            out.put("head.bias", headB != null ? headB : Tensor.zeros(headW.dim(0)));
            ObjectNode h = arch.putObject("head");
            h.put("in_features", headW.dim(1));
            h.put("out_features", headW.dim(0));
            py.append("; head = nn.Linear(").append(headW.dim(1)).append(", ").append(headW.dim(0)).append(')');
        }
        config.put("pytorch", py.toString());
        ObjectNode lib = config.putObject("library");
        lib.put("name", "rnn4j");
        lib.put("version", Version.get());
        return new Imported(out, config, py.toString());
    }

    private static Tensor transpose(Tensor w) {
        int r = w.dim(0);
        int c = w.dim(1);
        float[] v = new float[r * c];
        float[] d = w.data();
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                v[j * r + i] = d[i * c + j];
            }
        }
        return Tensor.wrap(Shape.of(c, r), v);
    }
}
