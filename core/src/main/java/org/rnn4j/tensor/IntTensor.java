package org.rnn4j.tensor;

import java.util.Arrays;

/**
 * A dense int tensor: a {@link Shape} and a contiguous row-major {@code int[]} — indices, token ids,
 * targets (PyTorch's int64 tensors, stored as int).
 *
 * <p>{@link #wrap} shares the array; {@link #of} copies it. The array is exposed ({@link #data()})
 * for ops and kernels, which never write to it.
 */
public final class IntTensor {
    private final Shape shape;
    private final int[] data;

    private IntTensor(Shape shape, int[] data) {
        if (data.length != shape.size()) {
            throw new IllegalArgumentException(
                    "int tensor: shape " + shape + " needs " + shape.size() + " elements, got " + data.length);
        }
        this.shape = shape;
        this.data = data;
    }

    /** Wraps {@code data} without copying. */
    public static IntTensor wrap(Shape shape, int[] data) {
        return new IntTensor(shape, data);
    }

    /** Copies {@code data}. */
    public static IntTensor of(Shape shape, int... data) {
        return new IntTensor(shape, data.clone());
    }

    /** A 1-D tensor holding a copy of {@code data}. */
    public static IntTensor vector(int... data) {
        return new IntTensor(Shape.of(data.length), data.clone());
    }

    /** A 0-d tensor holding {@code v}. */
    public static IntTensor scalar(int v) {
        return new IntTensor(Shape.scalar(), new int[] {v});
    }

    /** Converts int64 values (e.g. read from a file), failing on values outside the int range. */
    public static IntTensor fromLongs(Shape shape, long[] data) {
        int[] v = new int[data.length];
        for (int i = 0; i < v.length; i++) {
            if (data[i] < Integer.MIN_VALUE || data[i] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("int tensor: value " + data[i] + " at " + i + " does not fit in an int");
            }
            v[i] = (int) data[i];
        }
        return new IntTensor(shape, v);
    }

    public Shape shape() {
        return shape;
    }

    public int[] dims() {
        return shape.dims();
    }

    public int rank() {
        return shape.rank();
    }

    public int size() {
        return data.length;
    }

    /** The backing array (row-major). */
    public int[] data() {
        return data;
    }

    /** Same data, new shape with the same element count (no copy). */
    public IntTensor view(Shape newShape) {
        if (newShape.size() != data.length) {
            throw new IllegalArgumentException("view: cannot view " + shape + " as " + newShape);
        }
        return new IntTensor(newShape, data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntTensor t && t.shape.equals(shape) && Arrays.equals(t.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * shape.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        int n = Math.min(data.length, 8);
        StringBuilder sb = new StringBuilder("IntTensor").append(shape).append(" [");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ", ").append(data[i]);
        }
        return sb.append(data.length > n ? ", ...]" : "]").toString();
    }
}
