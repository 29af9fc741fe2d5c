package org.rnn4j.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnn4j.autograd.GradMode;
import org.rnn4j.autograd.Var;
import org.rnn4j.nn.Embedding;
import org.rnn4j.nn.Linear;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentLayer;
import org.rnn4j.nn.recurrent.RecurrentOptions;
import org.rnn4j.ops.F;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.IntTensor;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

/**
 * Files written by PyTorch's own exporter ({@code examples/pytorch/make_onnx_fixtures.py}, run once):
 * imported, loaded into rnn4j's modules, they give the outputs PyTorch recorded.
 */
class PyTorchOnnxFixtureTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static byte[] resource(String name) throws Exception {
        try (InputStream in = PyTorchOnnxFixtureTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    static Map<String, Tensor> part(Map<String, Tensor> sd, String prefix) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        sd.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    static float[] floats(JsonNode a) {
        float[] v = new float[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) a.get(i).asDouble();
        }
        return v;
    }

    static float maxDiff(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        float m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    @Test
    @SuppressWarnings("try")
    void pytorchsBidirectionalLstmClassifier() throws Exception {
        OnnxImport.Imported m = OnnxImport.read(resource("lstm_classifier.onnx"), "lstm_classifier.onnx");
        JsonNode rec = JSON.readTree(resource("lstm_classifier.json"));
        assertEquals("lstm", m.config().get("architecture").get("cell").asText());
        assertTrue(m.config().get("architecture").get("bidirectional").asBoolean());
        Embedding emb = new Embedding(11, 4, new Rng(0));
        emb.loadStateDict(part(m.stateDict(), "embedding."));
        RecurrentLayer rnn = RecurrentLayer.create(CellKind.LSTM, 4, 5,
                RecurrentOptions.DEFAULTS.withNumLayers(2).withBidirectional(true).withBatchFirst(true), new Rng(0));
        rnn.loadStateDict(part(m.stateDict(), "rnn."));
        Linear head = new Linear(10, 3, new Rng(0));
        head.loadStateDict(part(m.stateDict(), "head."));
        int[] ids = new int[rec.get("input").size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = rec.get("input").get(i).asInt();
        }
        try (var off = GradMode.disabled()) {
            Var hN = rnn.forward(emb.forward(IntTensor.wrap(Shape.of(2, 5), ids))).hN(); // [4, B, 5]
            Var y = head.forward(F.cat(List.of(F.select(hN, 0, 2), F.select(hN, 0, 3)), 1));
            float d = maxDiff(floats(rec.get("output")), y.value().data());
            assertTrue(d <= 1e-5f, "difference " + d);
            System.out.println("onnx import, PyTorch " + rec.get("torch").asText() + " bidirectional LSTM classifier: max abs difference " + d);
        }
    }

    @Test
    @SuppressWarnings("try")
    void pytorchsGruWithAPerStepHead() throws Exception {
        OnnxImport.Imported m = OnnxImport.read(resource("gru_tagger.onnx"), "gru_tagger.onnx");
        JsonNode rec = JSON.readTree(resource("gru_tagger.json"));
        assertEquals("gru", m.config().get("architecture").get("cell").asText());
        RecurrentLayer rnn = RecurrentLayer.create(CellKind.GRU, 3, 6, RecurrentOptions.DEFAULTS.withBatchFirst(true), new Rng(0));
        rnn.loadStateDict(part(m.stateDict(), "rnn."));
        Linear head = new Linear(6, 2, new Rng(0));
        head.loadStateDict(part(m.stateDict(), "head."));
        try (var off = GradMode.disabled()) {
            Var y = head.forward(rnn.forward(Var.constant(Tensor.wrap(Shape.of(2, 4, 3), floats(rec.get("input"))))).out());
            float d = maxDiff(floats(rec.get("output")), y.value().data());
            assertTrue(d <= 1e-5f, "difference " + d);
            System.out.println("onnx import, PyTorch " + rec.get("torch").asText() + " GRU with a per-step head: max abs difference " + d);
        }
    }
}
