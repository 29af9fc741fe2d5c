package org.rnn4j.nn.recurrent;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.rnn4j.autograd.Var;
import org.rnn4j.tensor.Shape;

/**
 * Variable-length sequences, as {@code torch.nn.utils.rnn}: {@code pack_padded_sequence},
 * {@code pad_packed_sequence}, {@code pad_sequence}, {@code pack_sequence}. All are differentiable
 * copies; padded positions of the input get exactly zero gradient.
 */
public final class Packing {
    private Packing() {
    }

    /**
     * Packs a padded batch {@code input} [T, B, *] ([B, T, *] when {@code batchFirst}) whose sequence b
     * has {@code lengths[b]} valid steps. With {@code enforceSorted} the lengths must be non-increasing;
     * otherwise the batch is sorted here and {@code sortedIndices} records the order.
     */
    public static PackedSequence packPaddedSequence(Var input, int[] lengths, boolean batchFirst, boolean enforceSorted) {
        int[] dims = input.shape().dims();
        if (dims.length < 2) {
            throw new IllegalArgumentException("pack_padded_sequence: expected input of at least 2 dimensions "
                    + (batchFirst ? "[B, T, *]" : "[T, B, *]") + ", got shape " + input.shape());
        }
        int steps = batchFirst ? dims[1] : dims[0];
        int batch = batchFirst ? dims[0] : dims[1];
        if (lengths.length != batch) {
            throw new IllegalArgumentException("pack_padded_sequence: expected `len(lengths)` to be equal to batch_size, but got "
                    + lengths.length + " (batch_size=" + batch + ")");
        }
        for (int b = 0; b < batch; b++) {
            if (lengths[b] <= 0) {
                throw new IllegalArgumentException("pack_padded_sequence: length of all samples has to be greater than 0, but lengths["
                        + b + "] = " + lengths[b]);
            }
            if (lengths[b] > steps) {
                throw new IllegalArgumentException("pack_padded_sequence: lengths[" + b + "] = " + lengths[b]
                        + " is longer than the padded sequence (" + steps + " steps, input shape " + input.shape() + ")");
            }
        }
        int[] sorted = sortByLengthDescending(lengths, enforceSorted);
        int maxLen = lengths[sorted[0]];
        int[] batchSizes = new int[maxLen];
        for (int t = 0; t < maxLen; t++) {
            while (batchSizes[t] < batch && lengths[sorted[batchSizes[t]]] > t) {
                batchSizes[t]++;
            }
        }
        int width = input.shape().sizeBetween(2, dims.length);
        BlockCopy bc = new BlockCopy(input);
        int row = 0;
        for (int t = 0; t < maxLen; t++) {
            for (int j = 0; j < batchSizes[t]; j++, row++) {
                int b = sorted[j];
                int from = (batchFirst ? b * steps + t : t * batch + b) * width;
                bc.add(0, from, row * width, width);
            }
        }
        int[] dataDims = new int[dims.length - 1];
        dataDims[0] = row;
        System.arraycopy(dims, 2, dataDims, 1, dims.length - 2);
        Var data = bc.build("pack_padded_sequence", Shape.of(dataDims), 0f);
        return new PackedSequence(data, batchSizes, sorted, PackedSequence.invert(sorted));
    }

    /** The order of the sequences by length, longest first (stable); the identity when enforced. */
    private static int[] sortByLengthDescending(int[] lengths, boolean enforceSorted) {
        if (enforceSorted) {
            for (int b = 1; b < lengths.length; b++) {
                if (lengths[b] > lengths[b - 1]) {
                    throw new IllegalArgumentException("pack_padded_sequence: `lengths` array must be sorted in decreasing order when "
                            + "`enforce_sorted` is True, got " + Arrays.toString(lengths)
                            + "; pass enforceSorted = false to sort internally");
                }
            }
            return PackedSequence.identity(lengths.length);
        }
        return java.util.stream.IntStream.range(0, lengths.length).boxed()
                .sorted((a, b) -> Integer.compare(lengths[b], lengths[a]))
                .mapToInt(Integer::intValue).toArray();
    }

    /** {@link #padPackedSequence(PackedSequence, boolean, float, OptionalInt)} with padding 0 and no total_length. */
    public static PaddedSequence padPackedSequence(PackedSequence sequence, boolean batchFirst) {
        return padPackedSequence(sequence, batchFirst, 0f, OptionalInt.empty());
    }

    /**
     * Unpacks to a padded batch [T', B, *] ([B, T', *] when {@code batchFirst}) in the original batch
     * order, T' = {@code totalLength} if given, else the longest length. Padded positions hold
     * {@code paddingValue} (constants without gradient).
     */
    public static PaddedSequence padPackedSequence(PackedSequence sequence, boolean batchFirst, float paddingValue,
                                                   OptionalInt totalLength) {
        int[] bs = sequence.batchSizes();
        int maxLen = bs.length;
        int steps = totalLength.orElse(maxLen);
        if (steps < maxLen) {
            throw new IllegalArgumentException("pad_packed_sequence: expected total_length to be at least the length of the "
                    + "longest sequence in input, but got total_length=" + steps + " and max sequence length being " + maxLen);
        }
        int batch = bs[0];
        int[] sorted = sequence.sortedIndices();
        Var data = sequence.data();
        int[] dataDims = data.shape().dims();
        int width = data.shape().sizeBetween(1, dataDims.length);
        BlockCopy bc = new BlockCopy(data);
        int row = 0;
        for (int t = 0; t < maxLen; t++) {
            for (int j = 0; j < bs[t]; j++, row++) {
                int b = sorted[j];
                int to = (batchFirst ? b * steps + t : t * batch + b) * width;
                bc.add(0, row * width, to, width);
            }
        }
        int[] outDims = new int[dataDims.length + 1];
        outDims[0] = batchFirst ? batch : steps;
        outDims[1] = batchFirst ? steps : batch;
        System.arraycopy(dataDims, 1, outDims, 2, dataDims.length - 1);
        Var padded = bc.build("pad_packed_sequence", Shape.of(outDims), paddingValue);
        return new PaddedSequence(padded, sequence.lengths());
    }

    /**
     * Stacks sequences [L_i, *] (same trailing dimensions) into [max L, B, *] ([B, max L, *] when
     * {@code batchFirst}), padding with {@code paddingValue}.
     */
    public static Var padSequence(List<Var> sequences, boolean batchFirst, float paddingValue) {
        if (sequences.isEmpty()) {
            throw new IllegalArgumentException("pad_sequence: received an empty list of sequences");
        }
        int[] first = sequences.get(0).shape().dims();
        if (first.length < 1) {
            throw new IllegalArgumentException("pad_sequence: sequences must have at least 1 dimension, got a scalar");
        }
        int batch = sequences.size();
        int maxLen = 0;
        for (int b = 0; b < batch; b++) {
            int[] d = sequences.get(b).shape().dims();
            boolean sameTrailing = d.length == first.length
                    && Arrays.equals(Arrays.copyOfRange(d, 1, d.length), Arrays.copyOfRange(first, 1, first.length));
            if (!sameTrailing) {
                throw new IllegalArgumentException("pad_sequence: sequence " + b + " has shape " + sequences.get(b).shape()
                        + ", expected trailing dimensions " + Arrays.toString(Arrays.copyOfRange(first, 1, first.length))
                        + " like sequence 0 " + sequences.get(0).shape());
            }
            maxLen = Math.max(maxLen, d[0]);
        }
        int width = Shape.of(first).sizeBetween(1, first.length);
        BlockCopy bc = new BlockCopy(sequences.toArray(new Var[0]));
        for (int b = 0; b < batch; b++) {
            int len = sequences.get(b).shape().dim(0);
            for (int t = 0; t < len; t++) {
                int to = (batchFirst ? b * maxLen + t : t * batch + b) * width;
                bc.add(b, t * width, to, width);
            }
        }
        int[] outDims = new int[first.length + 1];
        outDims[0] = batchFirst ? batch : maxLen;
        outDims[1] = batchFirst ? maxLen : batch;
        System.arraycopy(first, 1, outDims, 2, first.length - 1);
        return bc.build("pad_sequence", Shape.of(outDims), paddingValue);
    }

    /** Packs sequences [L_i, *]; with {@code enforceSorted} their lengths must be non-increasing. */
    public static PackedSequence packSequence(List<Var> sequences, boolean enforceSorted) {
        int[] lengths = new int[sequences.size()];
        for (int b = 0; b < lengths.length; b++) {
            int[] d = sequences.get(b).shape().dims();
            lengths[b] = d.length == 0 ? 0 : d[0];
        }
        return packPaddedSequence(padSequence(sequences, false, 0f), lengths, false, enforceSorted);
    }
}
