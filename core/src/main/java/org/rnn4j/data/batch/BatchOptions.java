package org.rnn4j.data.batch;

import java.util.Objects;

/** Batch size, order, and what happens to a last, smaller batch. */
public record BatchOptions(int batchSize, BatchOrder order, LastBatch lastBatch) {

    /** Keep or drop a last batch smaller than {@code batchSize} (there is at most one). */
    public enum LastBatch {
        KEEP, DROP
    }

    public BatchOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch options: batch size must be >= 1, got " + batchSize);
        }
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(lastBatch, "lastBatch");
    }

    /** Shuffled each epoch, last batch kept. */
    public static BatchOptions training(int batchSize) {
        return new BatchOptions(batchSize, BatchOrder.shuffled(), LastBatch.KEEP);
    }

    /** Dataset order, last batch kept. */
    public static BatchOptions inference(int batchSize) {
        return new BatchOptions(batchSize, BatchOrder.sequential(), LastBatch.KEEP);
    }

    public BatchOptions withOrder(BatchOrder o) {
        return new BatchOptions(batchSize, o, lastBatch);
    }

    public BatchOptions withLastBatch(LastBatch l) {
        return new BatchOptions(batchSize, order, l);
    }
}
