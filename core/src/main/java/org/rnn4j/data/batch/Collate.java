package org.rnn4j.data.batch;

import java.util.ArrayList;
import java.util.List;
import org.rnn4j.data.InputFormatException;
import org.rnn4j.data.encode.DnaOneHot;
import org.rnn4j.data.encode.Encoder;
import org.rnn4j.data.encode.InputKind;
import org.rnn4j.tensor.IntTensor;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

/** Pads samples into a {@link Batch}. */
public final class Collate {
    private Collate() {
    }

    /** Rows {@code indices} of {@code samples}, in that order, as the encoder's kind of input. */
    public static Batch batch(List<Sample> samples, int[] indices, Encoder encoder) {
        List<Sample> rows = new ArrayList<>(indices.length);
        for (int i : indices) {
            rows.add(samples.get(i));
        }
        return batch(rows, indices, encoder.inputKind());
    }

    /** {@code rows} in order; {@code indices} are recorded as the rows' positions. */
    public static Batch batch(List<Sample> rows, int[] indices, InputKind kind) {
        int b = rows.size();
        if (b == 0) {
            throw new IllegalArgumentException("collate: a batch needs at least one sample");
        }
        int[] lengths = new int[b];
        List<String> ids = new ArrayList<>(b);
        int t = 0;
        for (int r = 0; r < b; r++) {
            lengths[r] = rows.get(r).length();
            ids.add(rows.get(r).id());
            t = Math.max(t, lengths[r]);
        }
        BatchInput input;
        if (kind == InputKind.ONE_HOT) {
            float[] x = new float[b * t * DnaOneHot.WIDTH]; // [B, T, 4]
            for (int r = 0; r < b; r++) {
                DnaOneHot.oneHot(rows.get(r).tokens(), x, r * t * DnaOneHot.WIDTH);
            }
            input = new BatchInput.OneHot(Tensor.wrap(Shape.of(b, t, DnaOneHot.WIDTH), x));
        } else {
            int[] x = new int[b * t]; // [B, T], <pad> = 0
            for (int r = 0; r < b; r++) {
                System.arraycopy(rows.get(r).tokens(), 0, x, r * t, lengths[r]);
            }
            input = new BatchInput.TokenIds(IntTensor.wrap(Shape.of(b, t), x));
        }
        return new Batch(input, lengths, labels(rows), ids, indices.clone());
    }

    /** [B] label indices, or null if no row has a label; a mix is an error naming an unlabelled row. */
    private static IntTensor labels(List<Sample> rows) {
        Sample labelled = null;
        Sample unlabelled = null;
        int[] y = new int[rows.size()];
        for (int r = 0; r < y.length; r++) {
            Sample s = rows.get(r);
            y[r] = s.label();
            if (s.hasLabel()) {
                labelled = s;
            } else {
                unlabelled = s;
            }
        }
        if (labelled == null) {
            return null;
        }
        if (unlabelled != null) {
            throw new InputFormatException(unlabelled.source(), "example '" + unlabelled.id()
                    + "' has no label but others in its batch do (e.g. '" + labelled.id() + "' at " + labelled.source() + ")");
        }
        return IntTensor.wrap(Shape.of(y.length), y);
    }
}
