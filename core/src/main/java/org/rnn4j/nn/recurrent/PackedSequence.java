package org.rnn4j.nn.recurrent;

import java.util.Arrays;
import org.rnn4j.autograd.Var;

/**
 * A batch of variable-length sequences packed time-major, like PyTorch's {@code PackedSequence}:
 * {@code data} [Σ lengths, *] holds step 0 of every sequence, then step 1 of the sequences that are
 * that long, … with the sequences of each step sorted by length, longest first. {@code batchSizes[t]}
 * counts the sequences active at step t; {@code sortedIndices[j]} is the original batch index of sorted
 * position j and {@code unsortedIndices} its inverse (identities when the input was already sorted).
 * Build one with {@link Packing#packPaddedSequence} or {@link Packing#packSequence}.
 */
public record PackedSequence(Var data, int[] batchSizes, int[] sortedIndices, int[] unsortedIndices) {

    public PackedSequence {
        StepLayout layout = StepLayout.of(batchSizes);
        batchSizes = batchSizes.clone();
        int b = layout.batch();
        if (data.shape().rank() < 1 || data.shape().dim(0) != layout.rows()) {
            throw new IllegalArgumentException("PackedSequence: data of shape " + data.shape() + " does not have "
                    + layout.rows() + " rows (the sum of batch_sizes " + Arrays.toString(batchSizes) + ")");
        }
        sortedIndices = sortedIndices == null ? identity(b) : sortedIndices.clone();
        unsortedIndices = unsortedIndices == null ? invert(sortedIndices) : unsortedIndices.clone();
        if (sortedIndices.length != b || !Arrays.equals(unsortedIndices, invert(sortedIndices))) {
            throw new IllegalArgumentException("PackedSequence: sorted_indices " + Arrays.toString(sortedIndices)
                    + " and unsorted_indices " + Arrays.toString(unsortedIndices) + " are not inverse permutations of "
                    + b + " sequences");
        }
    }

    @Override
    public int[] batchSizes() {
        return batchSizes.clone();
    }

    @Override
    public int[] sortedIndices() {
        return sortedIndices.clone();
    }

    @Override
    public int[] unsortedIndices() {
        return unsortedIndices.clone();
    }

    /** The number of sequences. */
    public int batchSize() {
        return batchSizes[0];
    }

    /** The length of each sequence, in the original batch order. */
    public int[] lengths() {
        int[] out = new int[batchSizes[0]];
        for (int j = 0; j < out.length; j++) {
            int len = 0;
            while (len < batchSizes.length && batchSizes[len] > j) {
                len++;
            }
            out[sortedIndices[j]] = len;
        }
        return out;
    }

    /** The same packing with other data (e.g. a layer's output). */
    public PackedSequence withData(Var newData) {
        return new PackedSequence(newData, batchSizes, sortedIndices, unsortedIndices);
    }

    StepLayout layout() {
        return StepLayout.of(batchSizes);
    }

    boolean isSorted() {
        return Arrays.equals(sortedIndices, identity(sortedIndices.length));
    }

    static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }

    static int[] invert(int[] perm) {
        int[] inv = new int[perm.length];
        Arrays.fill(inv, -1);
        for (int i = 0; i < perm.length; i++) {
            int p = perm[i];
            if (p < 0 || p >= perm.length || inv[p] != -1) {
                throw new IllegalArgumentException("PackedSequence: " + Arrays.toString(perm) + " is not a permutation");
            }
            inv[p] = i;
        }
        return inv;
    }
}
