package org.rnn4j.loss;

import org.rnn4j.tensor.IntTensor;
import java.util.Arrays;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

/**
 * How a class-index loss sees its input: {@code [outer, classes, inner]} with the class dim in
 * the middle (dim 1 of {@code [N, C, d1, ...]}, dim 0 of an unbatched {@code [C]}), and one target per
 * (outer, inner) position. {@code outShape} is the target shape (the shape of reduction "none").
 */
record ClassLayout(int outer, int classes, int inner, Shape outShape) {

    int positions() {
        return outer * inner;
    }

    /** Validates input, target, class weights and target values; messages name {@code op}. */
    static ClassLayout of(String op, Shape input, IntTensor target, Tensor weight, int ignoreIndex) {
        int[] in = input.dims();
        int[] t = target.shape().dims();
        ClassLayout layout;
        if (in.length == 0) {
            throw new IllegalArgumentException(op + ": input must have a class dimension, got a 0-d input");
        } else if (in.length == 1) {
            if (t.length != 0) {
                throw new IllegalArgumentException(op + ": unbatched input " + input + " needs a 0-d target, got "
                        + target.shape());
            }
            layout = new ClassLayout(1, in[0], 1, target.shape());
        } else {
            if (t.length != in.length - 1) {
                throw new IllegalArgumentException(op + ": target " + target.shape() + " does not match input " + input
                        + " (expected a target of rank " + (in.length - 1) + ")");
            }
            if (t[0] != in[0]) {
                throw new IllegalArgumentException(op + ": target " + target.shape() + " does not match input batch " + in[0]);
            }
            int[] spatial = Arrays.copyOfRange(in, 2, in.length);
            if (!Arrays.equals(spatial, Arrays.copyOfRange(t, 1, t.length))) {
                int[] expected = new int[t.length];
                expected[0] = in[0];
                System.arraycopy(spatial, 0, expected, 1, spatial.length);
                throw new IllegalArgumentException(op + ": target " + target.shape() + " does not match input " + input
                        + " (expected target " + Arrays.toString(expected) + ")");
            }
            layout = new ClassLayout(in[0], in[1], input.sizeBetween(2, in.length), target.shape());
        }
        if (layout.classes == 0) {
            throw new IllegalArgumentException(op + ": input " + input + " has 0 classes");
        }
        if (weight != null && (weight.rank() != 1 || weight.size() != layout.classes)) {
            throw new IllegalArgumentException(op + ": weight " + weight.shape() + " does not match "
                    + layout.classes + " classes");
        }
        int[] idx = target.data();
        for (int i = 0; i < idx.length; i++) {
            int c = idx[i];
            if (c != ignoreIndex && (c < 0 || c >= layout.classes)) {
                throw new IllegalArgumentException(op + ": target " + c + " at position " + i + " is out of range for "
                        + layout.classes + " classes (ignore_index " + ignoreIndex + ")");
            }
        }
        return layout;
    }
}
