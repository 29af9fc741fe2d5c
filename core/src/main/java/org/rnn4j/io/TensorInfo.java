package org.rnn4j.io;

import java.util.Arrays;

/**
 * One entry of a safetensors header: name, element type, shape, and byte range
 * {@code [begin, end)} relative to the start of the data section.
 */
public record TensorInfo(String name, DType dtype, long[] shape, long begin, long end) {

    public TensorInfo {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Number of elements: the product of the shape (1 for a scalar). */
    public long count() {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    public long byteLength() {
        return end - begin;
    }

    /** The shape as PyTorch prints it: {@code [16, 1]}. */
    public String shapeString() {
        return Arrays.toString(shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorInfo t && name.equals(t.name) && dtype == t.dtype && Arrays.equals(shape, t.shape)
                && begin == t.begin && end == t.end;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + " " + dtype + " " + shapeString() + " [" + begin + ", " + end + ")";
    }
}
