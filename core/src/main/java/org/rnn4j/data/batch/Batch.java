package org.rnn4j.data.batch;

import java.util.List;
import java.util.Objects;
import org.rnn4j.tensor.IntTensor;

/**
 * A padded batch, batch-first: the input [B, T] (ids) or [B, T, F] (one-hot), each sequence's
 * {@code lengths} in batch order (not sorted), the label indices [B] ({@code null} when the
 * samples are unlabelled), the example ids, and each row's index in the dataset (or in the stream).
 * Pass {@code input} and {@code lengths} to {@code pack_padded_sequence(x, lengths, batchFirst = true,
 * enforceSorted = false)} so padding never changes a result.
 */
public record Batch(BatchInput input, int[] lengths, IntTensor labels, List<String> ids, int[] indices) {

    public Batch {
        Objects.requireNonNull(input, "input");
        ids = List.copyOf(ids);
        if (lengths.length != ids.size() || indices.length != ids.size() || (labels != null && labels.size() != ids.size())) {
            throw new IllegalArgumentException("batch: lengths, labels, ids and indices must all have B = " + ids.size()
                    + " entries, got " + lengths.length + ", " + (labels == null ? "none" : labels.size()) + ", "
                    + ids.size() + ", " + indices.length);
        }
    }

    /** B. */
    public int size() {
        return lengths.length;
    }

    /** T, the padded length (the longest sequence). */
    public int maxLength() {
        int t = 0;
        for (int l : lengths) {
            t = Math.max(t, l);
        }
        return t;
    }
}
