package org.rnn4j.bench;

/**
 * One benchmark workload, built: model, optimizer and data exist, nothing has been timed. Not
 * thread-safe; steps must run on one thread (the kernels may use more).
 */
public interface Workload {
    /** Which workload this is. */
    BenchWorkload id();

    /** Items (steps, sequences or tokens, see {@link BenchWorkload#unit()}) processed by one {@link #step()}. */
    int itemsPerStep();

    /** FLOPs per item by the accounting of {@link Flops}. */
    double flopsPerItem();

    /**
     * Runs one step: a training step (zero grads, forward, loss, backward, Adam update) returning the
     * loss, or one inference / sampling call returning a value of its output (so that nothing is
     * optimised away).
     */
    double step();
}
