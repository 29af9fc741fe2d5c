package org.rnn4j.bench;

/**
 * The size at which workloads are built: {@link #FULL} is the benchmark definition; smaller scales
 * cap the batch and sequence length (same models, same code path) so that tests can run every
 * workload in milliseconds. Figures measured below full scale are not comparable with anything.
 *
 * @param maxBatch cap on the batch size
 * @param maxSeq   cap on the sequence length
 */
public record BenchScale(int maxBatch, int maxSeq) {
    /** The shapes of the benchmark definition. */
    public static final BenchScale FULL = new BenchScale(Integer.MAX_VALUE, Integer.MAX_VALUE);
    /** Batch ≤ 2, sequences ≤ 6 steps: smoke tests only. */
    public static final BenchScale QUICK = new BenchScale(2, 6);

    public BenchScale {
        if (maxBatch < 1 || maxSeq < 1) {
            throw new IllegalArgumentException("bench scale: batch and sequence caps must be >= 1, got "
                    + maxBatch + " and " + maxSeq);
        }
    }

    /** The batch size to use for a workload defined with {@code full}. */
    public int batch(int full) {
        return Math.min(full, maxBatch);
    }

    /** The sequence length to use for a workload defined with {@code full}. */
    public int seq(int full) {
        return Math.min(full, maxSeq);
    }

    public boolean isFull() {
        return equals(FULL);
    }
}
