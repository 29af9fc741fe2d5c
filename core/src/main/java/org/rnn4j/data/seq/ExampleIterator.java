package org.rnn4j.data.seq;

import java.io.Closeable;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** A reader's lazily computed examples; {@link #stream} closes the file when the stream closes. */
abstract class ExampleIterator implements Iterator<Example>, Closeable {
    private Example next;
    private boolean done;

    /** The next example, or null at the end of the input. */
    protected abstract Example computeNext();

    @Override
    public final boolean hasNext() {
        if (next == null && !done) {
            next = computeNext();
            done = next == null;
            if (done) {
                close();
            }
        }
        return next != null;
    }

    @Override
    public final Example next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Example e = next;
        next = null;
        return e;
    }

    /** Closes the input; called again at the end of the input, so it must be idempotent. */
    @Override
    public abstract void close();

    /** A sequential stream over {@code it}; close it (try-with-resources) to close the file. */
    static Stream<Example> stream(ExampleIterator it) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(it::close);
    }
}
