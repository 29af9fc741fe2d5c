package org.rnn4j.nn.recurrent;

import java.util.Arrays;

/**
 * The rows of a time-major packed batch: step t has {@code batchSizes[t]} active rows starting at row
 * {@code offsets[t]}; sequences are sorted by length, longest first, so the active rows of a step are
 * always a prefix of the previous step's. A padded batch of B sequences of T steps is the special case
 * {@code batchSizes = [B, B, …, B]}.
 */
record StepLayout(int[] batchSizes, int[] offsets) {

    static StepLayout of(int[] batchSizes) {
        if (batchSizes.length == 0) {
            throw new IllegalArgumentException("packed sequence: batch_sizes is empty");
        }
        int[] off = new int[batchSizes.length + 1];
        for (int t = 0; t < batchSizes.length; t++) {
            int b = batchSizes[t];
            if (b <= 0 || (t > 0 && b > batchSizes[t - 1])) {
                throw new IllegalArgumentException("packed sequence: batch_sizes must be positive and non-increasing, got "
                        + Arrays.toString(batchSizes));
            }
            off[t + 1] = off[t] + b;
        }
        return new StepLayout(batchSizes.clone(), off);
    }

    /** T steps of B rows each. */
    static StepLayout uniform(int steps, int batch) {
        int[] bs = new int[steps];
        Arrays.fill(bs, batch);
        return of(bs);
    }

    /** T. */
    int steps() {
        return batchSizes.length;
    }

    /** B: the number of sequences (= rows of the first step). */
    int batch() {
        return batchSizes[0];
    }

    /** N = Σ batchSizes: total rows. */
    int rows() {
        return offsets[batchSizes.length];
    }
}
