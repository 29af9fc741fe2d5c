package org.rnn4j.tensor;

import java.util.Arrays;

/**
 * The dimensions of a tensor, outermost first (row-major). A scalar has no dimensions.
 *
 * <p>Immutable: the array handed in is copied, {@link #dims()} returns a copy.
 *
 * @param dims the dimensions, outermost first
 */
public record Shape(int[] dims) {

    /** Copies {@code dims}; no dimension may be negative. */
    public Shape {
        dims = dims.clone();
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("shape: negative dimension in " + Arrays.toString(dims));
            }
        }
    }

    /** The shape with these dimensions, outermost first. */
    public static Shape of(int... dims) {
        return new Shape(dims);
    }

    /** The shape of a scalar: no dimensions. */
    public static Shape scalar() {
        return new Shape(new int[0]);
    }

    @Override
    /** A copy of the dimensions. */
    public int[] dims() {
        return dims.clone();
    }

    /** The number of dimensions. */
    public int rank() {
        return dims.length;
    }

    /** Size of dimension {@code i}; negative {@code i} counts from the end as in PyTorch. */
    public int dim(int i) {
        return dims[normalizeDim(i)];
    }

    /** Number of elements (1 for a scalar). */
    public int size() {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape: " + this + " has more than 2^31-1 elements");
        }
        return (int) n;
    }

    /** Maps a possibly negative dimension index to 0..rank-1, or throws. */
    public int normalizeDim(int i) {
        int r = dims.length;
        int k = i < 0 ? i + r : i;
        if (k < 0 || k >= r) {
            throw new IllegalArgumentException("dimension " + i + " out of range for shape " + this);
        }
        return k;
    }

    /** Row-major strides in elements. */
    public int[] strides() {
        int[] s = new int[dims.length];
        int acc = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= dims[i];
        }
        return s;
    }

    /** Product of dims in [from, to). */
    public int sizeBetween(int from, int to) {
        int n = 1;
        for (int i = from; i < to; i++) {
            n *= dims[i];
        }
        return n;
    }

    /** A copy with dimension {@code i} replaced by {@code size}. */
    public Shape with(int i, int size) {
        int[] d = dims.clone();
        d[normalizeDim(i)] = size;
        return new Shape(d);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** PyTorch-like text: {@code [3, 7]}. */
    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
