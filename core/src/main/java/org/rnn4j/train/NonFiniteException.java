package org.rnn4j.train;

/**
 * Training met a NaN or infinite loss, gradient or updated weight and stopped before it could
 * spread: {@link #step()} is the global step (1-based) that failed, {@link #parameter()} the
 * PyTorch name of the parameter concerned, or {@code null} for the loss.
 */
public final class NonFiniteException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    private final long step;
    private final String parameter;

    public NonFiniteException(long step, String parameter, String what) {
        super(what);
        this.step = step;
        this.parameter = parameter;
    }

    public long step() {
        return step;
    }

    public String parameter() {
        return parameter;
    }
}
