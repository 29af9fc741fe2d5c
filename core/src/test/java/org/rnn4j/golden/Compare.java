package org.rnn4j.golden;

import java.util.Arrays;
import org.rnn4j.tensor.Tensor;

/** Element-wise comparison with failure messages that name the case, the tensor and the index. */
public final class Compare {
    private Compare() {
    }

    public static void close(GoldenCase c, String what, Tensor expected, Tensor actual, Tolerance tol) {
        close(c.name(), what, expected, actual, tol);
    }

    public static void close(String caseName, String what, Tensor expected, Tensor actual, Tolerance tol) {
        if (actual == null) {
            throw new AssertionError(caseName + ": " + what + " was not computed (null); expected shape " + expected.shape());
        }
        // A 0-d expected value matches a one-element actual (and vice versa).
        boolean scalarish = expected.size() == 1 && actual.size() == 1;
        if (!scalarish && !expected.shape().equals(actual.shape())) {
            throw new AssertionError(caseName + ": " + what + " has shape " + actual.shape() + ", expected " + expected.shape());
        }
        float[] e = expected.data();
        float[] a = actual.data();
        for (int i = 0; i < e.length; i++) {
            double diff = Math.abs((double) a[i] - e[i]);
            if (!(diff <= tol.atol + tol.rtol * Math.abs(e[i]))) {
                throw new AssertionError(String.format(
                        "%s: %s differs at index %s (flat %d): expected %.9g, actual %.9g (|diff| %.3g > atol %.1g + rtol %.1g·|e|)",
                        caseName, what, Arrays.toString(unflatten(i, expected.dims())), i, e[i], a[i], diff, tol.atol, tol.rtol));
            }
        }
    }

    public static void exact(GoldenCase c, String what, long[] expected, long[] actual) {
        if (!Arrays.equals(expected, actual)) {
            throw new AssertionError(c.name() + ": " + what + " expected " + Arrays.toString(expected)
                    + ", actual " + Arrays.toString(actual));
        }
    }

    static int[] unflatten(int flat, int[] dims) {
        int[] idx = new int[dims.length];
        for (int d = dims.length - 1; d >= 0; d--) {
            idx[d] = dims[d] == 0 ? 0 : flat % dims[d];
            flat = dims[d] == 0 ? 0 : flat / dims[d];
        }
        return idx;
    }
}
