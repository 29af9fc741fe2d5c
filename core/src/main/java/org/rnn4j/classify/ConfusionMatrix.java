package org.rnn4j.classify;

import java.util.Arrays;

/**
 * Counts of (true class, predicted class) pairs: {@code count(t, p)}, rows are the true classes,
 * columns the predictions (scikit-learn's {@code confusion_matrix} layout).
 */
public final class ConfusionMatrix {
    private final long[][] counts;

    public ConfusionMatrix(int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("confusion matrix: needs at least one class, got " + classes);
        }
        counts = new long[classes][classes];
    }

    /** A matrix with the given counts [C][C] (copied), e.g. to compute metrics of known results. */
    public static ConfusionMatrix of(long[][] counts) {
        ConfusionMatrix m = new ConfusionMatrix(counts.length);
        for (int t = 0; t < counts.length; t++) {
            if (counts[t].length != counts.length) {
                throw new IllegalArgumentException("confusion matrix: row " + t + " has " + counts[t].length
                        + " counts, expected " + counts.length);
            }
            for (int p = 0; p < counts.length; p++) {
                if (counts[t][p] < 0) {
                    throw new IllegalArgumentException("confusion matrix: counts must be >= 0, got " + counts[t][p]);
                }
                m.counts[t][p] = counts[t][p];
            }
        }
        return m;
    }

    /** Records one example of class {@code truth} predicted as {@code predicted}. */
    public void add(int truth, int predicted) {
        int c = counts.length;
        if (truth < 0 || truth >= c || predicted < 0 || predicted >= c) {
            throw new IllegalArgumentException("confusion matrix: classes must be in [0, " + c + "), got true "
                    + truth + ", predicted " + predicted);
        }
        counts[truth][predicted]++;
    }

    /** Adds every count of {@code other} (same number of classes). */
    public void addAll(ConfusionMatrix other) {
        if (other.classes() != classes()) {
            throw new IllegalArgumentException("confusion matrix: cannot add " + other.classes() + " classes to " + classes());
        }
        for (int t = 0; t < counts.length; t++) {
            for (int p = 0; p < counts.length; p++) {
                counts[t][p] += other.counts[t][p];
            }
        }
    }

    public int classes() {
        return counts.length;
    }

    public long count(int truth, int predicted) {
        return counts[truth][predicted];
    }

    /** All examples. */
    public long total() {
        long n = 0;
        for (long[] row : counts) {
            for (long v : row) {
                n += v;
            }
        }
        return n;
    }

    /** Examples whose true class is {@code c} (the row sum). */
    public long support(int c) {
        long n = 0;
        for (long v : counts[c]) {
            n += v;
        }
        return n;
    }

    /** Examples predicted as {@code c} (the column sum). */
    public long predicted(int c) {
        long n = 0;
        for (long[] row : counts) {
            n += row[c];
        }
        return n;
    }

    /** The diagonal sum. */
    public long correct() {
        long n = 0;
        for (int c = 0; c < counts.length; c++) {
            n += counts[c][c];
        }
        return n;
    }

    /** A copy of the counts [true][predicted]. */
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int t = 0; t < counts.length; t++) {
            copy[t] = counts[t].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix m && Arrays.deepEquals(m.counts, counts);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionMatrix" + Arrays.deepToString(counts);
    }
}
