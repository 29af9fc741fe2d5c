package org.rnn4j.cli.ui;

/** A running task's progress: steps done and a short status such as the current loss. */
public interface Progress extends AutoCloseable {

    /** Sets the number of steps done. */
    void stepTo(long done);

    /** Sets the status shown after the bar, e.g. {@code loss 0.0123}. */
    void status(String text);

    /** Finishes the bar (leaves it on screen at its final state). */
    @Override
    void close();

    /** A progress that shows nothing. */
    static Progress none() {
        return new Progress() {
            @Override
            public void stepTo(long done) {
            }

            @Override
            public void status(String text) {
            }

            @Override
            public void close() {
            }
        };
    }
}
