package org.rnn4j.io.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnn4j.autograd.Var;
import org.rnn4j.classify.ClassifierArchitecture;
import org.rnn4j.classify.Pooling;
import org.rnn4j.classify.SequenceClassifier;
import org.rnn4j.data.batch.BatchInput;
import org.rnn4j.data.encode.InputKind;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentLayer;
import org.rnn4j.nn.recurrent.RecurrentOutput;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.IntTensor;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

/**
 * The {@code .pt} files of examples/pytorch/make_pt_fixtures.py, made by PyTorch: each loads into
 * the rnn4j module it was saved from and gives the outputs PyTorch recorded for a fixed input.
 */
class TorchFixturesTest {
    static final double TOLERANCE = 1e-5;

    static Path dir() {
        try {
            return Path.of(TorchFixturesTest.class.getResource("/torch/expected.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode expected() throws IOException {
        return new ObjectMapper().readTree(dir().resolve("expected.json").toFile()).get("fixtures");
    }

    static Stream<String> layerFixtures() throws IOException {
        List<String> names = new ArrayList<>();
        expected().fieldNames().forEachRemaining(n -> {
            try {
                if (!expected().get(n).get("kind").asText().equals("classifier")) {
                    names.add(n);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return names.stream();
    }

    /** PyTorch's constructor call of a fixture's layer, e.g. {@code LSTM(3, 4, num_layers=2, bidirectional=True)}. */
    static LayerSpec spec(JsonNode e) {
        StringBuilder s = new StringBuilder(e.get("kind").asText()).append('(').append(e.get("input_size").asInt())
                .append(", ").append(e.get("hidden_size").asInt());
        Iterator<String> it = e.get("options").fieldNames();
        while (it.hasNext()) {
            String key = it.next();
            JsonNode v = e.get("options").get(key);
            s.append(", ").append(key).append('=')
                    .append(v.isBoolean() ? (v.asBoolean() ? "True" : "False") : v.isTextual() ? "'" + v.asText() + "'" : v.asText());
        }
        return LayerSpec.parse(s.append(')').toString());
    }

    static float[] floats(JsonNode a) {
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) a.get(i).asDouble();
        }
        return out;
    }

    static int[] ints(JsonNode a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asInt();
        }
        return out;
    }

    static double maxDiff(float[] want, float[] got) {
        assertEquals(want.length, got.length, "element count");
        double m = 0;
        for (int i = 0; i < want.length; i++) {
            m = Math.max(m, Math.abs((double) want[i] - got[i]));
        }
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layerFixtures")
    void layerGivesPyTorchsOutputs(String file) throws IOException {
        JsonNode e = expected().get(file);
        LayerSpec spec = spec(e);
        RecurrentLayer layer = spec.create(new Rng(1));
        layer.eval();
        layer.loadStateDict(TorchCheckpoint.read(dir().resolve(file)));
        Tensor x = Tensor.of(Shape.of(ints(e.get("input_shape"))), floats(e.get("input")));
        RecurrentOutput<Var> r = layer.forward(Var.constant(x));
        assertArrayEquals(ints(e.get("output_shape")), r.out().value().shape().dims());
        double d = maxDiff(floats(e.get("output")), r.out().value().data());
        d = Math.max(d, maxDiff(floats(e.get("h_n")), r.hN().value().data()));
        if (e.has("c_n")) {
            d = Math.max(d, maxDiff(floats(e.get("c_n")), r.cN().value().data()));
        }
        System.out.printf("torch fixture %s (%s): max |rnn4j - PyTorch| = %.3g%n", file, spec, d);
        assertTrue(d <= TOLERANCE, file + ": max difference " + d);
    }

    @Test
    void dataParallelClassifierGivesPyTorchsLogits() throws IOException {
        JsonNode e = expected().get("classifier_dataparallel.pt");
        Map<String, Tensor> state = TorchCheckpoint.read(dir().resolve("classifier_dataparallel.pt"));
        assertTrue(state.keySet().stream().allMatch(n -> n.startsWith("module.")), state.keySet().toString());
        ClassifierArchitecture arch = new ClassifierArchitecture(InputKind.TOKEN_IDS, e.get("vocab").asInt(),
                e.get("embedding_dim").asInt(), 0, 0, CellKind.parse(e.get("cell").asText()), e.get("hidden_size").asInt(), 1,
                e.get("bidirectional").asBoolean(), 0.0, List.of(Pooling.LAST), e.get("classes").asInt());
        SequenceClassifier net = new SequenceClassifier(arch, new Rng(1));
        net.eval();
        net.loadStateDict(TorchCheckpoint.withoutPrefix(state, "module."));
        int[] shape = ints(e.get("ids_shape"));
        int[] lengths = new int[shape[0]];
        java.util.Arrays.fill(lengths, shape[1]);
        Var logits = net.forward(new BatchInput.TokenIds(IntTensor.wrap(Shape.of(shape), ints(e.get("ids")))), lengths);
        double d = maxDiff(floats(e.get("logits")), logits.value().data());
        System.out.printf("torch fixture classifier_dataparallel.pt: max |rnn4j - PyTorch| = %.3g%n", d);
        assertTrue(d <= TOLERANCE, "max difference " + d);
    }

    @Test
    void nonContiguousViewAndStorageOffsetAreCopiedElementByElement() throws IOException {
        Map<String, Tensor> s = TorchCheckpoint.read(dir().resolve("gru_noncontiguous.pt"));
        assertArrayEquals(new int[] {12, 4}, s.get("weight_hh_l0").shape().dims());
        assertArrayEquals(new int[] {12}, s.get("bias_ih_l0").shape().dims());
        for (float v : s.get("bias_ih_l0").data()) {
            assertFalse(v == 7.0f, "the 5 padding elements before the storage offset must not be read");
        }
    }

    @Test
    void sharedStorageGivesBothViews() throws IOException {
        Map<String, Tensor> s = TorchCheckpoint.read(dir().resolve("lstm_shared_storage.pt"));
        Map<String, Tensor> plain = TorchCheckpoint.read(dir().resolve("lstm.pt"));
        assertEquals(plain.keySet(), s.keySet());
        assertEquals(16, s.get("bias_ih_l0").shape().dim(0));
        assertEquals(16, s.get("bias_hh_l0").shape().dim(0));
        assertFalse(java.util.Arrays.equals(s.get("bias_ih_l0").data(), s.get("bias_hh_l0").data()));
    }

    @Test
    void halfAndBfloat16ConvertExactly() {
        assertEquals(1.0f, StorageType.halfToFloat(0x3c00));
        assertEquals(-2.0f, StorageType.halfToFloat(0xc000));
        assertEquals(65504.0f, StorageType.halfToFloat(0x7bff));
        assertEquals(0x1p-24f, StorageType.halfToFloat(0x0001));
        assertEquals(Float.POSITIVE_INFINITY, StorageType.halfToFloat(0x7c00));
        assertTrue(Float.isNaN(StorageType.halfToFloat(0x7e00)));
        assertEquals(-0.0f, StorageType.halfToFloat(0x8000));
        assertEquals(1.0f, StorageType.BFLOAT16.read(new byte[] {(byte) 0x80, 0x3f}, 0));
    }
}
