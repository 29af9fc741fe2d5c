package org.rnn4j.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnn4j.classify.ClassifierArchitecture;
import org.rnn4j.classify.ClassifierFiles;
import org.rnn4j.classify.ClassifierModel;
import org.rnn4j.classify.Pooling;
import org.rnn4j.data.encode.InputKind;
import org.rnn4j.forecast.ForecastModelFiles;
import org.rnn4j.forecast.ForecastNetwork;
import org.rnn4j.forecast.ForecastSettings;
import org.rnn4j.forecast.RecurrentForecaster;
import org.rnn4j.io.AtomicFiles;
import org.rnn4j.io.ModelDirectory;
import org.rnn4j.nn.Linear;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentLayer;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.train.SequenceRegressor;

/**
 * ONNX export of rnn4j's models (opset {@value OnnxGraph#OPSET}, float32, dynamic {@code batch} and
 * {@code steps} axes), checked against ONNX Runtime by the tests. Each method returns the bytes of
 * one {@code .onnx} file:
 * <ul>
 * <li>{@link #classifier}: {@code tokens} int64 [batch, steps] (or one-hot {@code features} float
 *     [batch, steps, V]) and {@code lengths} int32 [batch] → {@code probabilities} [batch, C] (the
 *     mean over an ensemble's members) and, for one network, {@code logits};</li>
 * <li>{@link #forecaster}: the network ensemble, {@code window} [batch, window, F] in the model's
 *     transformed units → {@code forecast} [batch, horizon], the members' mean, in those units;</li>
 * <li>{@link #sequenceRegressor} (the sine model): {@code x} and the initial state → the per-step
 *     {@code prediction} and the final state;</li>
 * <li>{@link #recurrentLayer}: a plain stack with its state in and out.</li>
 * </ul>
 * Dropout is left out (inference). An LSTM with {@code proj_size}, which ONNX's LSTM op cannot
 * express, is written as one {@code Scan} per layer-direction over PyTorch's step equations
 * ({@link ProjectedLstm}); it runs every row over all steps, so it takes no {@code lengths}.
 */
public final class OnnxExport {
    /** The metadata key holding the model folder's config.json, so {@link OnnxImport} can restore the folder. */
    public static final String CONFIG_KEY = "rnn4j.config";

    private OnnxExport() {
    }

    /** The opset the files state (default domain). */
    public static int opset() {
        return OnnxGraph.OPSET;
    }

    /** Writes the ONNX file of the model folder {@code dir} (a sequence classifier or a recurrent forecaster) to {@code out}. */
    public static void exportModelDirectory(Path dir, Path out) throws IOException {
        ModelDirectory.Saved saved = ModelDirectory.load(dir);
        String config = Files.readString(dir.resolve(ModelDirectory.CONFIG));
        Map<String, String> meta = Map.of(CONFIG_KEY, config);
        byte[] file;
        if (ForecastModelFiles.accepts(saved.config())) {
            file = forecaster(ForecastModelFiles.load(saved), meta);
        } else if (org.rnn4j.classify.ClassifierConfig.TASK.equals(saved.config().path("task").asText())) {
            file = classifier(ClassifierFiles.load(dir), meta);
        } else {
            throw new IllegalArgumentException("onnx export: " + dir + " holds neither a sequence classifier nor a forecaster (task '"
                    + saved.config().path("task").asText() + "')");
        }
        AtomicFiles.write(out, file);
    }

    /** The classifier as one graph (an ensemble's members' probabilities averaged). */
    public static byte[] classifier(ClassifierModel model) {
        return classifier(model, Map.of());
    }

    static byte[] classifier(ClassifierModel model, Map<String, String> metadata) {
        ClassifierArchitecture a = model.architecture();
        OnnxGraph g = new OnnxGraph();
        boolean tokens = a.input() == InputKind.TOKEN_IDS;
        String x = tokens ? "tokens" : "features";
        if (tokens) {
            g.input(x, OnnxGraph.INT64, "token ids, batch first, 0 = padding", "batch", "steps");
        } else {
            g.input(x, OnnxGraph.FLOAT, "one-hot rows, batch first", "batch", "steps", (long) a.inputSize());
        }
        g.input("lengths", OnnxGraph.INT32, "valid steps of each row (1..steps); later steps are ignored", "batch");
        String xt = tokens ? g.op("Transpose").in(x).out("tokens_tb").attr("perm", new long[] {1, 0}).add1()
                : g.op("Transpose").in(x).out("features_tb").attr("perm", new long[] {1, 0, 2}).add1();
        Masks masks = new Masks(g, xt, "lengths");
        int n = model.members().size();
        List<String> probs = new ArrayList<>();
        String logits = null;
        for (int m = 0; m < n; m++) {
            String p = n == 1 ? "" : "members." + m + ".";
            Map<String, Tensor> sd = prefixed(model.members().get(m).stateDict(), p);
            String in = tokens ? g.op("Gather").in(g.floats(p + "embedding.weight", dims(sd.get(p + "embedding.weight")),
                    sd.get(p + "embedding.weight").data()), xt).out(p + "embedded").add1() : xt; // [T, B, E]
            if (a.positionDim() > 0) {
                Tensor pw = sd.get(p + "position_embedding.weight");
                String pos = g.op("Gather").in(g.floats(p + "position_embedding.weight", dims(pw), pw.data()), masks.steps()).out(p + "positions").add1();
                String pos3 = g.op("Unsqueeze").in(pos, g.int64s("axes", 1)).out(p + "positions_t1p").add1(); // [T, 1, P]
                String shape = g.op("Concat").in(masks.timeBatch(), g.int64s("p", a.positionDim())).out(p + "tbp").attr("axis", 0L).add1();
                String expanded = g.op("Expand").in(pos3, shape).out(p + "positions_tbp").add1();
                in = g.op("Concat").in(in, expanded).out(p + "rnn_input").attr("axis", 2L).add1(); // [T, B, E + P]
            }
            RecurrentGraph.Spec spec = new RecurrentGraph.Spec(a.cell(), a.rnnInputSize(), a.hiddenSize(), a.numLayers(), a.bidirectional(), 0);
            RecurrentGraph.Outputs r = RecurrentGraph.add(g, spec, sd, p + "rnn.", in, "lengths", "", "");
            List<String> parts = new ArrayList<>();
            for (Pooling pool : a.pooling()) {
                parts.add(switch (pool) {
                    case LAST -> RecurrentGraph.batchMajor(g, r.lastH());
                    case MEAN -> masks.mean(r.y());
                    case MAX -> masks.max(r.y());
                });
            }
            String z = parts.size() == 1 ? parts.get(0) : g.op("Concat").in(parts.toArray(new String[0])).out(p + "pooled").attr("axis", 1L).add1();
            String l = gemm(g, sd, p + "head.", z, n == 1 ? "logits" : p + "logits");
            logits = l;
            probs.add(g.op("Softmax").in(l).out(n == 1 ? "probabilities" : p + "probabilities").attr("axis", 1L).add1());
        }
        int c = a.numClasses();
        if (n == 1) {
            g.output("logits", OnnxGraph.FLOAT, "the head's output [batch, classes]", "batch", (long) c);
        } else {
            g.op("Mean").in(probs.toArray(new String[0])).out("probabilities").add();
        }
        g.output("probabilities", OnnxGraph.FLOAT, "class probabilities " + model.labels().labels()
                + (n == 1 ? "" : ", the mean of the " + n + " members' softmax"), "batch", (long) c);
        String doc = "rnn4j sequence classifier: " + a.cell().moduleName() + " (hidden " + a.hiddenSize() + ", " + a.numLayers()
                + " layer(s)" + (a.bidirectional() ? ", bidirectional" : "") + "), pooling " + a.pooling() + ", classes "
                + model.labels().labels() + (n == 1 ? "" : ", ensemble of " + n) + ". Inputs: " + x + " and lengths (int32); "
                + "sequences longer than " + model.maxLength() + " steps were truncated in training.";
        return g.toModel("sequence_classifier", doc, metadata);
    }

    /** The forecaster's network ensemble; inputs and outputs are in the model's transformed units. */
    public static byte[] forecaster(RecurrentForecaster model) {
        return forecaster(model, Map.of());
    }

    static byte[] forecaster(RecurrentForecaster model, Map<String, String> metadata) {
        ForecastSettings s = model.settings();
        return forecastNetworks(model.ensemble().members(), s.cell(), s.hiddenSize(), s.numLayers(), s.window(), s.horizon(), metadata);
    }

    /** Forecast networks of one architecture, their outputs averaged. */
    static byte[] forecastNetworks(List<ForecastNetwork> members, CellKind cell, int hidden, int layers, int window, int horizon,
                                   Map<String, String> metadata) {
        int f = members.get(0).inputSize();
        OnnxGraph g = new OnnxGraph();
        g.input("window", OnnxGraph.FLOAT, "the last window of the series after the model's preprocessing (config.json "
                + "'preprocessing'): column 0 the transformed target, then the scaled covariates", "batch", "window", (long) f);
        String xt = g.op("Transpose").in("window").out("window_tb").attr("perm", new long[] {1, 0, 2}).add1();
        int n = members.size();
        List<String> outs = new ArrayList<>();
        for (int m = 0; m < n; m++) {
            String p = n == 1 ? "" : "members." + m + ".";
            Map<String, Tensor> sd = prefixed(members.get(m).stateDict(), p);
            RecurrentGraph.Spec spec = new RecurrentGraph.Spec(cell, f, hidden, layers, false, 0);
            RecurrentGraph.Outputs r = RecurrentGraph.add(g, spec, sd, p + "rnn.", xt, "", "", "");
            String last = RecurrentGraph.batchMajor(g, r.lastH());
            outs.add(gemm(g, sd, p + "head.", last, n == 1 ? "forecast" : p + "forecast"));
        }
        if (n > 1) {
            g.op("Mean").in(outs.toArray(new String[0])).out("forecast").add();
        }
        g.output("forecast", OnnxGraph.FLOAT, "the next " + horizon + " values of the transformed target"
                + (n == 1 ? "" : ", the mean of " + n + " networks") + "; invert the preprocessing for raw units", "batch", (long) horizon);
        String doc = "rnn4j forecaster network: " + cell.moduleName() + " (hidden " + hidden + ", " + layers
                + " layer(s)) reading a window of " + window + " steps of " + f + " feature(s), head(h_n[-1]) → " + horizon
                + " steps. Input and output are in transformed units (see config.json 'preprocessing'); the classical "
                + "combination is not part of this graph.";
        return g.toModel("forecast_network", doc, metadata);
    }

    /**
     * A recurrent layer and a per-step Linear (the sine model): {@code x} (the layer's layout), {@code h0}
     * (and {@code c0}) [L·D, batch, P] → {@code prediction} (same layout, output_size features), {@code h_n} (and {@code c_n}).
     */
    public static byte[] sequenceRegressor(SequenceRegressor model) {
        OnnxGraph g = new OnnxGraph();
        RecurrentLayer rnn = model.rnn();
        Linear lin = model.linear();
        Stack st = stack(g, rnn, "rnn.");
        Map<String, Tensor> sd = model.stateDict();
        // per step: [T, B, D·H] → [T·B, D·H] → Gemm → [T, B, O]
        String flat = g.op("Reshape").in(st.y(), g.int64s("shape_rows", -1, lin.inFeatures())).out("rows").add1();
        String rows = gemm(g, sd, "linear.", flat, "prediction_rows");
        String tb = g.op("Shape").in(st.y()).out("tb").attr("end", 2L).add1();
        String shape = g.op("Concat").in(tb, g.int64s("o", lin.outFeatures())).out("tbo").attr("axis", 0L).add1();
        String tbo = g.op("Reshape").in(rows, shape).out(rnn.options().batchFirst() ? "prediction_tb" : "prediction").add1();
        if (rnn.options().batchFirst()) {
            g.op("Transpose").in(tbo).out("prediction").attr("perm", new long[] {1, 0, 2}).add();
        }
        g.output("prediction", OnnxGraph.FLOAT, "linear(rnn(x)) at every step", st.layout(lin.outFeatures()));
        st.stateOutputs(g, rnn);
        return g.toModel("sequence_regressor", "rnn4j sequence regressor: " + describe(rnn) + " and Linear(" + lin.inFeatures()
                + ", " + lin.outFeatures() + ") at every step; state in (h0" + (rnn.kind().hasCell() ? ", c0" : "")
                + ") and out, for step-by-step use", Map.of());
    }

    /** A plain recurrent stack: {@code x}, {@code h0} (and {@code c0}) → {@code y}, {@code h_n} (and {@code c_n}); PyTorch's names. */
    public static byte[] recurrentLayer(RecurrentLayer rnn) {
        OnnxGraph g = new OnnxGraph();
        Stack st = stack(g, rnn, "");
        if (rnn.options().batchFirst()) {
            g.op("Transpose").in(st.y()).out("y").attr("perm", new long[] {1, 0, 2}).add();
        } else {
            g.op("Identity").in(st.y()).out("y").add();
        }
        g.output("y", OnnxGraph.FLOAT, "the last layer's output at every step, directions side by side",
                st.layout(rnn.options().numDirections() * rnn.outputSize()));
        st.stateOutputs(g, rnn);
        return g.toModel("recurrent_layer", "rnn4j " + describe(rnn) + " with its state as inputs and outputs", Map.of());
    }

    /** The stack's inputs (x, h0, c0) and nodes. */
    private record Stack(String y, RecurrentGraph.Outputs out, boolean batchFirst) {
        Object[] layout(long width) {
            return batchFirst ? new Object[] {"batch", "steps", width} : new Object[] {"steps", "batch", width};
        }

        void stateOutputs(OnnxGraph g, RecurrentLayer rnn) {
            long ld = (long) rnn.options().numLayers() * rnn.options().numDirections();
            g.op("Identity").in(out.hN()).out("h_n").add();
            g.output("h_n", OnnxGraph.FLOAT, "final hidden state of every layer-direction (index layer·D + direction)",
                    ld, "batch", (long) rnn.outputSize());
            if (rnn.kind().hasCell()) {
                g.op("Identity").in(out.cN()).out("c_n").add();
                g.output("c_n", OnnxGraph.FLOAT, "final cell state of every layer-direction", ld, "batch", (long) rnn.hiddenSize());
            }
        }
    }

    private static Stack stack(OnnxGraph g, RecurrentLayer rnn, String prefix) {
        boolean bf = rnn.options().batchFirst();
        long ld = (long) rnn.options().numLayers() * rnn.options().numDirections();
        long in = rnn.inputSize();
        g.input("x", OnnxGraph.FLOAT, "input, " + (bf ? "batch first" : "time first"), bf ? new Object[] {"batch", "steps", in}
                : new Object[] {"steps", "batch", in});
        g.input("h0", OnnxGraph.FLOAT, "initial hidden state [layers·directions, batch, hidden (proj_size if set)] (zeros to start)",
                ld, "batch", (long) rnn.outputSize());
        if (rnn.kind().hasCell()) {
            g.input("c0", OnnxGraph.FLOAT, "initial cell state [layers·directions, batch, hidden]", ld, "batch", (long) rnn.hiddenSize());
        }
        String xt = bf ? g.op("Transpose").in("x").out("x_tb").attr("perm", new long[] {1, 0, 2}).add1() : "x";
        RecurrentGraph.Spec spec = new RecurrentGraph.Spec(rnn.kind(), rnn.inputSize(), rnn.hiddenSize(), rnn.options().numLayers(),
                rnn.options().bidirectional(), rnn.options().projSize());
        RecurrentGraph.Outputs r = RecurrentGraph.add(g, spec, prefixed(rnn.stateDict(), prefix), prefix, xt, "", "h0", rnn.kind().hasCell() ? "c0" : "");
        return new Stack(r.y(), r, bf);
    }

    private static String describe(RecurrentLayer rnn) {
        return rnn.kind().moduleName() + "(" + rnn.inputSize() + ", " + rnn.hiddenSize() + ", num_layers=" + rnn.options().numLayers()
                + (rnn.options().bidirectional() ? ", bidirectional=True" : "") + (rnn.kind() == CellKind.RNN_RELU ? ", nonlinearity='relu'" : "")
                + (rnn.options().batchFirst() ? ", batch_first=True" : "") + ")";
    }

    /** The state dict with every name prefixed. */
    private static Map<String, Tensor> prefixed(Map<String, Tensor> sd, String prefix) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        sd.forEach((k, v) -> out.put(prefix + k, v));
        return out;
    }

    /** Gemm(x, W, b, transB=1): the Linear whose parameters are {@code name + weight/bias} in the state dict, under the same names. */
    private static String gemm(OnnxGraph g, Map<String, Tensor> sd, String name, String x, String out) {
        Tensor w = sd.get(name + "weight");
        Tensor b = sd.get(name + "bias");
        String wi = g.floats(name + "weight", dims(w), w.data());
        OnnxGraph.Node n = g.op("Gemm").in(b == null ? new String[] {x, wi} : new String[] {x, wi, g.floats(name + "bias", dims(b), b.data())});
        return n.out(out).attr("transB", 1L).add1();
    }

    static long[] dims(Tensor t) {
        long[] d = new long[t.rank()];
        for (int i = 0; i < d.length; i++) {
            d[i] = t.dim(i);
        }
        return d;
    }
}
