package org.rnn4j.optim;

/**
 * The hyper-parameters of an optimizer, as an immutable record with PyTorch's defaults. The
 * learning rate is the one that schedulers change ({@link Optimizer#setLr}).
 */
public sealed interface OptimizerOptions permits SGD.Options, Adam.Options, RMSprop.Options, Adagrad.Options {

    double lr();

    /** A copy with another learning rate. */
    OptimizerOptions withLr(double lr);

    /** Throws unless {@code value >= 0} (NaN fails too); messages name the optimizer and the argument. */
    static void checkNonNegative(String optimizer, String name, double value) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException(optimizer + ": invalid " + name + " " + value + " (expected >= 0)");
        }
    }
}
