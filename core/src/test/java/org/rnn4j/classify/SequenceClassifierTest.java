package org.rnn4j.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.autograd.GradMode;
import org.rnn4j.data.batch.BatchInput;
import org.rnn4j.data.encode.InputKind;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.IntTensor;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

class SequenceClassifierTest {
    private static final List<Pooling> ALL = List.of(Pooling.LAST, Pooling.MEAN, Pooling.MAX);

    static ClassifierArchitecture tokens(CellKind cell, int layers, boolean bi, List<Pooling> pooling) {
        return new ClassifierArchitecture(InputKind.TOKEN_IDS, 9, 5, 0, 0, cell, 6, layers, bi, 0.25, pooling, 3);
    }

    @SuppressWarnings("try") // the resource is a scope (workspace step, grad mode), never referenced
    private static float[] logits(SequenceClassifier net, BatchInput in, int[] lengths) {
        net.eval();
        try (var s = GradMode.disabled()) {
            return net.forward(in, lengths).value().data();
        }
    }

    /** [B, T] ids with row b valid for lengths[b] steps, padded with zeros to {@code t} steps. */
    private static IntTensor ids(int[][] rows, int t) {
        int[] d = new int[rows.length * t];
        for (int b = 0; b < rows.length; b++) {
            System.arraycopy(rows[b], 0, d, b * t, rows[b].length);
        }
        return IntTensor.wrap(Shape.of(rows.length, t), d);
    }

    @Test
    void appendingPaddingDoesNotChangeTheLogits() {
        int[][] rows = {{3, 1, 4, 1, 5}, {2, 7}, {8, 8, 6, 2}};
        int[] lengths = {5, 2, 4};
        for (CellKind cell : CellKind.values()) {
            for (int layers = 1; layers <= 2; layers++) {
                SequenceClassifier net = new SequenceClassifier(tokens(cell, layers, layers == 2, ALL), new Rng(3));
                float[] tight = logits(net, new BatchInput.TokenIds(ids(rows, 5)), lengths);
                float[] padded = logits(net, new BatchInput.TokenIds(ids(rows, 12)), lengths);
                assertArrayEquals(tight, padded, cell + " " + layers); // bitwise: padding is never read
            }
        }
    }

    @Test
    void oneHotPaddingIsIgnoredToo() {
        ClassifierArchitecture a = new ClassifierArchitecture(InputKind.ONE_HOT, 4, 0, 0, 0, CellKind.GRU, 5, 1, true, 0.0, ALL, 2);
        SequenceClassifier net = new SequenceClassifier(a, new Rng(1));
        int[] lengths = {3, 1};
        Tensor x = Tensor.zeros(2, 3, 4);
        Tensor longer = Tensor.zeros(2, 7, 4);
        int[][] bases = {{0, 2, 3}, {1}};
        for (int b = 0; b < 2; b++) {
            for (int t = 0; t < bases[b].length; t++) {
                x.data()[(b * 3 + t) * 4 + bases[b][t]] = 1f;
                longer.data()[(b * 7 + t) * 4 + bases[b][t]] = 1f;
            }
        }
        longer.data()[(1 * 7 + 4) * 4 + 2] = 1f; // garbage in a padded position of row 1 is not read either
        assertArrayEquals(logits(net, new BatchInput.OneHot(x), lengths), logits(net, new BatchInput.OneHot(longer), lengths));
    }

    @Test
    void parameterNamesArePyTorchs() {
        SequenceClassifier net = new SequenceClassifier(tokens(CellKind.LSTM, 1, true, List.of(Pooling.MEAN, Pooling.MAX)), new Rng(0));
        assertEquals(List.of("embedding.weight",
                "rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0",
                "rnn.weight_ih_l0_reverse", "rnn.weight_hh_l0_reverse", "rnn.bias_ih_l0_reverse", "rnn.bias_hh_l0_reverse",
                "head.weight", "head.bias"), List.copyOf(net.namedParameters().keySet()));
        assertEquals(Shape.of(3, 2 * 2 * 6), net.namedParameters().get("head.weight").value().shape()); // [C, P·D·H]
        assertEquals(Shape.of(9, 5), net.namedParameters().get("embedding.weight").value().shape());
        ClassifierArchitecture oneHot = new ClassifierArchitecture(InputKind.ONE_HOT, 4, 0, 0, 0, CellKind.GRU, 5, 1, false, 0, ALL, 2);
        assertFalse(new SequenceClassifier(oneHot, new Rng(0)).namedParameters().containsKey("embedding.weight"));
    }

    @Test
    void poolingKindsGiveDifferentFeaturesAndLastUsesBothDirections() {
        int[][] rows = {{3, 1, 4}, {2, 7, 5}};
        int[] lengths = {3, 2};
        float[] last = logits(new SequenceClassifier(tokens(CellKind.GRU, 1, true, List.of(Pooling.LAST)), new Rng(4)),
                new BatchInput.TokenIds(ids(rows, 3)), lengths);
        float[] mean = logits(new SequenceClassifier(tokens(CellKind.GRU, 1, true, List.of(Pooling.MEAN)), new Rng(4)),
                new BatchInput.TokenIds(ids(rows, 3)), lengths);
        assertFalse(java.util.Arrays.equals(last, mean));
    }

    @Test
    void wrongInputKindIsAnError() {
        SequenceClassifier net = new SequenceClassifier(tokens(CellKind.LSTM, 1, false, ALL), new Rng(0));
        assertThrows(IllegalArgumentException.class,
                () -> net.forward(new BatchInput.OneHot(Tensor.zeros(1, 2, 4)), new int[] {2}));
        assertThrows(IllegalArgumentException.class, () -> new ClassifierArchitecture(InputKind.ONE_HOT, 4, 3, 0, 0, CellKind.GRU,
                5, 1, false, 0, ALL, 2));
        assertThrows(IllegalArgumentException.class, () -> tokens(CellKind.GRU, 1, false, List.of(Pooling.MAX, Pooling.MAX)));
    }
}
