package org.rnn4j.ops;

import java.util.Arrays;
import org.rnn4j.tensor.Shape;

/** Dimension arithmetic shared by the ops, with errors that name the op. */
final class Dims {
    private Dims() {
    }

    /** Normalises a possibly negative {@code dim} of {@code s} to 0..rank-1. */
    static int check(String op, Shape s, int dim) {
        return check(op, s, dim, s.rank());
    }

    /** Normalises {@code dim} against {@code rank} (e.g. rank + 1 for unsqueeze / stack). */
    static int check(String op, Shape s, int dim, int rank) {
        int d = dim < 0 ? dim + rank : dim;
        if (d < 0 || d >= rank) {
            throw new IllegalArgumentException(op + ": dim " + dim + " out of range for shape " + s
                    + " (expected " + -rank + ".." + (rank - 1) + ")");
        }
        return d;
    }

    /** {@code dims} without position {@code i}. */
    static int[] remove(int[] dims, int i) {
        int[] out = new int[dims.length - 1];
        System.arraycopy(dims, 0, out, 0, i);
        System.arraycopy(dims, i + 1, out, i, dims.length - i - 1);
        return out;
    }

    /** {@code dims} with {@code size} inserted at position {@code i}. */
    static int[] insert(int[] dims, int i, int size) {
        int[] out = new int[dims.length + 1];
        System.arraycopy(dims, 0, out, 0, i);
        out[i] = size;
        System.arraycopy(dims, i, out, i + 1, dims.length - i);
        return out;
    }

    /** {@code a} followed by {@code b}. */
    static int[] concat(int[] a, int... b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
