package org.rnn4j.train;

/** What a {@link Trainer} does when a step's loss or a gradient is NaN or infinite. */
public enum OnNonFinite {
    /** Stop training with a {@link NonFiniteException} naming the step (and the parameter); the weights are untouched. */
    STOP,
    /** Skip the step: zero the gradients, leave weights and optimizer state as they were, count it. */
    SKIP
}
