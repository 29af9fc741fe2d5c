package org.rnn4j.data.batch;

/** The order in which {@link BatchPlan} groups samples into batches. */
public sealed interface BatchOrder {

    /** In dataset order (evaluation, scoring). */
    record Sequential() implements BatchOrder {
    }

    /** A seeded random permutation each epoch. */
    record Shuffled() implements BatchOrder {
    }

    /**
     * Bucketing by length ("sortish"): shuffle, then sort by decreasing length within pools of
     * {@code poolBatches} batches, cut the pools into batches and shuffle the order of the batches.
     * Sequences of similar length share a batch (less padding, less work) while batches still
     * differ from epoch to epoch. Rows of a batch come longest first.
     */
    record Bucketed(int poolBatches) implements BatchOrder {
        public Bucketed {
            if (poolBatches < 1) {
                throw new IllegalArgumentException("bucketing: pool must hold >= 1 batch, got " + poolBatches);
            }
        }
    }

    static BatchOrder sequential() {
        return new Sequential();
    }

    static BatchOrder shuffled() {
        return new Shuffled();
    }

    /** Pools of 50 batches. */
    static BatchOrder bucketed() {
        return new Bucketed(50);
    }
}
