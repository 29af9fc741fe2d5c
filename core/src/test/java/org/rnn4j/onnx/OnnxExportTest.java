package org.rnn4j.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnn4j.autograd.GradMode;
import org.rnn4j.autograd.Var;
import org.rnn4j.classify.ClassifierArchitecture;
import org.rnn4j.classify.ClassifierModel;
import org.rnn4j.classify.Pooling;
import org.rnn4j.classify.SequenceClassifier;
import org.rnn4j.classify.TrainSettings;
import org.rnn4j.data.batch.BatchInput;
import org.rnn4j.data.dna.AmbiguityPolicy;
import org.rnn4j.data.encode.DnaOneHot;
import org.rnn4j.data.encode.Encoder;
import org.rnn4j.data.encode.EncoderFitter;
import org.rnn4j.data.encode.EncoderSpec;
import org.rnn4j.data.encode.InputKind;
import org.rnn4j.data.seq.Example;
import org.rnn4j.data.seq.LabelSet;
import org.rnn4j.data.text.TextCase;
import org.rnn4j.data.text.VocabularyOptions;
import org.rnn4j.forecast.ForecastNetwork;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.HiddenState;
import org.rnn4j.nn.recurrent.LstmState;
import org.rnn4j.nn.recurrent.RecurrentLayer;
import org.rnn4j.nn.recurrent.RecurrentOptions;
import org.rnn4j.nn.recurrent.RecurrentOutput;
import org.rnn4j.nn.recurrent.RecurrentState;
import org.rnn4j.ops.F;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.IntTensor;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.train.SequenceRegressor;

/**
 * Every exported kind run by ONNX Runtime on random inputs of several batch sizes and lengths
 * (mixed lengths in one batch for the classifier) agrees with rnn4j within 1e-5.
 */
class OnnxExportTest {
    static final float TOLERANCE = 1e-5f;
    static final int[][] SHAPES = {{1, 1}, {1, 6}, {3, 4}, {5, 9}}; // {batch, steps}

    static float[] random(Rng rng, int n) {
        float[] v = new float[n];
        rng.fillUniform(v, -1f, 1f);
        return v;
    }

    @Test
    @SuppressWarnings("try")
    void recurrentStacksWithStateInAndOut() throws Exception {
        float worst = 0;
        for (CellKind kind : CellKind.values()) {
            for (boolean bi : new boolean[] {false, true}) {
                for (boolean bf : new boolean[] {false, true}) {
                    int layers = bi ? 2 : 3;
                    RecurrentOptions o = RecurrentOptions.DEFAULTS.withNumLayers(layers).withBidirectional(bi).withBatchFirst(bf);
                    RecurrentLayer rnn = RecurrentLayer.create(kind, 3, 5, o, new Rng(kind.ordinal() * 7 + (bi ? 1 : 0)));
                    rnn.eval();
                    Rng rng = new Rng(99);
                    try (Ort ort = new Ort(OnnxExport.recurrentLayer(rnn)); var off = GradMode.disabled()) {
                        for (int[] bt : SHAPES) {
                            int b = bt[0];
                            int t = bt[1];
                            int ld = layers * (bi ? 2 : 1);
                            float[] x = random(rng, b * t * 3);
                            float[] h0 = random(rng, ld * b * 5);
                            float[] c0 = random(rng, ld * b * 5);
                            Shape xs = bf ? Shape.of(b, t, 3) : Shape.of(t, b, 3);
                            Var hv = Var.constant(Tensor.wrap(Shape.of(ld, b, 5), h0));
                            RecurrentState st = kind.hasCell() ? new LstmState(hv, Var.constant(Tensor.wrap(Shape.of(ld, b, 5), c0)))
                                    : new HiddenState(hv);
                            RecurrentOutput<Var> want = rnn.forward(Var.constant(Tensor.wrap(xs, x)), st);
                            ort.floats("x", x, bf ? new long[] {b, t, 3} : new long[] {t, b, 3}).floats("h0", h0, ld, b, 5);
                            if (kind.hasCell()) {
                                ort.floats("c0", c0, ld, b, 5);
                            }
                            Map<String, float[]> got = ort.run();
                            worst = Math.max(worst, Ort.maxAbsDiff(want.out().value().data(), got.get("y")));
                            worst = Math.max(worst, Ort.maxAbsDiff(want.hN().value().data(), got.get("h_n")));
                            if (kind.hasCell()) {
                                worst = Math.max(worst, Ort.maxAbsDiff(want.cN().value().data(), got.get("c_n")));
                            }
                        }
                    }
                    assertTrue(worst <= TOLERANCE, kind + " bidirectional=" + bi + ": max abs difference " + worst);
                }
            }
        }
        System.out.println("onnx export, recurrent stacks (y, h_n, c_n): max abs difference " + worst);
    }

    @Test
    @SuppressWarnings("try")
    void projectedLstmsAsScans() throws Exception {
        float worst = 0;
        for (boolean bi : new boolean[] {false, true}) {
            for (boolean bf : new boolean[] {false, true}) {
                RecurrentOptions o = RecurrentOptions.DEFAULTS.withNumLayers(2).withBidirectional(bi).withBatchFirst(bf).withProjSize(3);
                RecurrentLayer rnn = RecurrentLayer.create(CellKind.LSTM, 4, 6, o, new Rng(bi ? 5 : 6));
                int ld = 2 * (bi ? 2 : 1);
                Rng rng = new Rng(17);
                try (Ort ort = new Ort(OnnxExport.recurrentLayer(rnn)); var off = GradMode.disabled()) {
                    for (int[] bt : SHAPES) {
                        int b = bt[0];
                        int t = bt[1];
                        float[] x = random(rng, b * t * 4);
                        float[] h0 = random(rng, ld * b * 3);
                        float[] c0 = random(rng, ld * b * 6);
                        RecurrentState st = new LstmState(Var.constant(Tensor.wrap(Shape.of(ld, b, 3), h0)),
                                Var.constant(Tensor.wrap(Shape.of(ld, b, 6), c0)));
                        RecurrentOutput<Var> want = rnn.forward(Var.constant(Tensor.wrap(bf ? Shape.of(b, t, 4) : Shape.of(t, b, 4), x)), st);
                        Map<String, float[]> got = ort.floats("x", x, bf ? new long[] {b, t, 4} : new long[] {t, b, 4})
                                .floats("h0", h0, ld, b, 3).floats("c0", c0, ld, b, 6).run();
                        worst = Math.max(worst, Ort.maxAbsDiff(want.out().value().data(), got.get("y")));
                        worst = Math.max(worst, Ort.maxAbsDiff(want.hN().value().data(), got.get("h_n")));
                        worst = Math.max(worst, Ort.maxAbsDiff(want.cN().value().data(), got.get("c_n")));
                    }
                }
            }
        }
        assertTrue(worst <= TOLERANCE, "projected LSTM: max abs difference " + worst);
        System.out.println("onnx export, LSTM with proj_size (y, h_n, c_n): max abs difference " + worst);
    }

    @Test
    @SuppressWarnings("try")
    void sineModel() throws Exception {
        float worst = 0;
        for (CellKind kind : List.of(CellKind.RNN_TANH, CellKind.LSTM)) {
            SequenceRegressor m = SequenceRegressor.of(kind, 1, 16, 1, new Rng(42));
            Rng rng = new Rng(5);
            try (Ort ort = new Ort(OnnxExport.sequenceRegressor(m)); var off = GradMode.disabled()) {
                for (int[] bt : SHAPES) {
                    int b = bt[0];
                    int t = bt[1];
                    float[] x = random(rng, b * t);
                    float[] h0 = random(rng, b * 16);
                    float[] c0 = random(rng, b * 16);
                    Var hv = Var.constant(Tensor.wrap(Shape.of(1, b, 16), h0));
                    RecurrentState st = kind.hasCell() ? new LstmState(hv, Var.constant(Tensor.wrap(Shape.of(1, b, 16), c0))) : new HiddenState(hv);
                    SequenceRegressor.Step want = m.forward(Var.constant(Tensor.wrap(Shape.of(b, t, 1), x)), st);
                    ort.floats("x", x, b, t, 1).floats("h0", h0, 1, b, 16);
                    if (kind.hasCell()) {
                        ort.floats("c0", c0, 1, b, 16);
                    }
                    Map<String, float[]> got = ort.run();
                    worst = Math.max(worst, Ort.maxAbsDiff(want.prediction().value().data(), got.get("prediction")));
                    worst = Math.max(worst, Ort.maxAbsDiff(want.state().h().value().data(), got.get("h_n")));
                }
            }
        }
        assertTrue(worst <= TOLERANCE, "sine model: max abs difference " + worst);
        System.out.println("onnx export, sine model (prediction, h_n): max abs difference " + worst);
    }

    static final List<Example> WORDS = List.of(new Example("1", "en", "hello"), new Example("2", "de", "hallo"),
            new Example("3", "fr", "bonjour"), new Example("4", "de", "welt"));
    static final LabelSet LABELS = LabelSet.of(List.of("de", "en", "fr"));

    static Encoder chars() {
        return EncoderFitter.fit(new EncoderSpec.CharVocabulary(TextCase.LOWER, VocabularyOptions.DEFAULTS), WORDS.stream());
    }

    static ClassifierModel classifier(Encoder enc, CellKind cell, boolean bi, int layers, List<Pooling> pooling, int positions, int members) {
        boolean tokens = enc.inputKind() == InputKind.TOKEN_IDS;
        ClassifierArchitecture a = new ClassifierArchitecture(enc.inputKind(), enc.inputSize(), tokens ? 6 : 0, positions,
                positions > 0 ? 20 : 0, cell, 5, layers, bi, 0.3, pooling, 3);
        List<SequenceClassifier> nets = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            nets.add(new SequenceClassifier(a, new Rng(10 + i)));
        }
        return new ClassifierModel(nets, enc, LABELS, 20, TrainSettings.DEFAULTS);
    }

    static List<ClassifierModel> classifiers() {
        Encoder chars = chars();
        Encoder dna = new DnaOneHot(AmbiguityPolicy.values()[0]);
        List<Pooling> all = List.of(Pooling.LAST, Pooling.MEAN, Pooling.MAX);
        return List.of(
                classifier(chars, CellKind.LSTM, true, 2, all, 0, 1),
                classifier(chars, CellKind.GRU, false, 2, List.of(Pooling.MEAN, Pooling.MAX), 4, 1),
                classifier(chars, CellKind.RNN_TANH, true, 1, List.of(Pooling.LAST), 0, 1),
                classifier(dna, CellKind.GRU, true, 1, all, 0, 1),
                classifier(dna, CellKind.RNN_RELU, false, 2, List.of(Pooling.MAX), 3, 1),
                classifier(chars, CellKind.LSTM, false, 1, List.of(Pooling.LAST, Pooling.MEAN), 0, 3));
    }

    /** rnn4j's probabilities [B, C]: each member's softmax, averaged. */
    @SuppressWarnings("try")
    static float[] probabilities(ClassifierModel m, BatchInput in, int[] lengths) {
        try (var off = GradMode.disabled()) {
            Var sum = null;
            for (SequenceClassifier net : m.members()) {
                net.eval();
                Var p = F.softmax(net.forward(in, lengths), 1);
                sum = sum == null ? p : F.add(sum, p);
            }
            return (m.members().size() > 1 ? F.mul(sum, 1f / m.members().size()) : sum).value().data();
        }
    }

    @Test
    void sequenceClassifiersWithMixedLengths() throws Exception {
        float worst = 0;
        for (ClassifierModel m : classifiers()) {
            ClassifierArchitecture a = m.architecture();
            boolean tokens = a.input() == InputKind.TOKEN_IDS;
            Rng rng = new Rng(3);
            try (Ort ort = new Ort(OnnxExport.classifier(m))) {
                for (int[] bt : SHAPES) {
                    int b = bt[0];
                    int t = bt[1];
                    int[] lengths = new int[b];
                    for (int i = 0; i < b; i++) {
                        lengths[i] = i == 0 ? t : 1 + rng.nextInt(t); // the longest first, the rest mixed
                    }
                    float[] onnx;
                    float[] want;
                    if (tokens) {
                        int[] ids = new int[b * t];
                        long[] lids = new long[b * t];
                        for (int i = 0; i < b; i++) {
                            for (int s = 0; s < lengths[i]; s++) {
                                ids[i * t + s] = 1 + rng.nextInt(a.inputSize() - 1);
                                lids[i * t + s] = ids[i * t + s];
                            }
                        }
                        want = probabilities(m, new BatchInput.TokenIds(IntTensor.wrap(Shape.of(b, t), ids)), lengths);
                        onnx = ort.longs("tokens", lids, b, t).ints("lengths", lengths, b).run().get("probabilities");
                    } else {
                        float[] x = new float[b * t * a.inputSize()];
                        for (int i = 0; i < b; i++) {
                            for (int s = 0; s < lengths[i]; s++) {
                                x[(i * t + s) * a.inputSize() + rng.nextInt(a.inputSize())] = 1f;
                            }
                        }
                        want = probabilities(m, new BatchInput.OneHot(Tensor.wrap(Shape.of(b, t, a.inputSize()), x)), lengths);
                        onnx = ort.floats("features", x, b, t, a.inputSize()).ints("lengths", lengths, b).run().get("probabilities");
                    }
                    worst = Math.max(worst, Ort.maxAbsDiff(want, onnx));
                }
            }
            assertTrue(worst <= TOLERANCE, a + ": max abs difference " + worst);
        }
        System.out.println("onnx export, sequence classifiers (probabilities): max abs difference " + worst);
    }

    @Test
    @SuppressWarnings("try")
    void forecastNetworks() throws Exception {
        float worst = 0;
        for (CellKind kind : List.of(CellKind.LSTM, CellKind.GRU, CellKind.RNN_TANH)) {
            List<ForecastNetwork> nets = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                ForecastNetwork n = new ForecastNetwork(kind, 2, 6, 2, 3, new Rng(20 + i));
                Rng r = new Rng(30 + i);
                n.parameters().forEach(p -> r.fillUniform(p.value().data(), -0.5f, 0.5f)); // the head starts at zero: fill it
                nets.add(n);
            }
            Rng rng = new Rng(8);
            try (Ort ort = new Ort(OnnxExport.forecastNetworks(nets, kind, 6, 2, 8, 3, Map.of())); var off = GradMode.disabled()) {
                for (int[] bt : SHAPES) {
                    int b = bt[0];
                    int t = bt[1];
                    float[] x = random(rng, b * t * 2);
                    Var xv = Var.constant(Tensor.wrap(Shape.of(b, t, 2), x));
                    float[] want = F.mul(F.add(nets.get(0).forward(xv), nets.get(1).forward(xv)), 0.5f).value().data();
                    worst = Math.max(worst, Ort.maxAbsDiff(want, ort.floats("window", x, b, t, 2).run().get("forecast")));
                }
            }
        }
        assertTrue(worst <= TOLERANCE, "forecast networks: max abs difference " + worst);
        System.out.println("onnx export, forecast network ensembles (forecast): max abs difference " + worst);
    }
}
