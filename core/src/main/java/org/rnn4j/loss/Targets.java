package org.rnn4j.loss;

import java.util.Arrays;
import org.rnn4j.tensor.Shape;

/**
 * Class-index targets (PyTorch's int64 target tensor) for {@link CrossEntropyLoss} and
 * {@link NLLLoss}: a shape and row-major indices. Immutable: arrays are copied in and out.
 */
public record Targets(Shape shape, int[] data) {

    public Targets {
        if (shape == null || data == null) {
            throw new IllegalArgumentException("targets: shape and data must not be null");
        }
        if (data.length != shape.size()) {
            throw new IllegalArgumentException(
                    "targets: shape " + shape + " needs " + shape.size() + " indices, got " + data.length);
        }
        data = data.clone();
    }

    /** A 1-D target, one class index per sample: {@code [N]}. */
    public static Targets of(int... classes) {
        return new Targets(Shape.of(classes.length), classes);
    }

    /** A 0-d target for an unbatched input {@code [C]}. */
    public static Targets scalar(int cls) {
        return new Targets(Shape.scalar(), new int[] {cls});
    }

    /** Targets of any shape, e.g. {@code [N, d1]} for a K-dimensional input {@code [N, C, d1]}. */
    public static Targets of(Shape shape, int... data) {
        return new Targets(shape, data);
    }

    /** From int64 values (e.g. a file); every value must fit in an int. */
    public static Targets fromLongs(Shape shape, long[] values) {
        int[] d = new int[values.length];
        for (int i = 0; i < d.length; i++) {
            if (values[i] < Integer.MIN_VALUE || values[i] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("targets: value " + values[i] + " at " + i + " does not fit in an int");
            }
            d[i] = (int) values[i];
        }
        return new Targets(shape, d);
    }

    /** A copy of the indices. */
    @Override
    public int[] data() {
        return data.clone();
    }

    /** The index at flat position {@code i}. */
    public int get(int i) {
        return data[i];
    }

    public int size() {
        return data.length;
    }

    /** The internal array, for kernels in this package; never modified. */
    int[] raw() {
        return data;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Targets t && shape.equals(t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * shape.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Targets" + shape + " " + (data.length <= 16 ? Arrays.toString(data) : "[" + data.length + " indices]");
    }
}
