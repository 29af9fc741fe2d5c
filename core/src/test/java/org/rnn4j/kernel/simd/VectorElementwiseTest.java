package org.rnn4j.kernel.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnn4j.kernel.BinaryOp;
import org.rnn4j.kernel.Parallel;
import org.rnn4j.kernel.KernelSet;
import org.rnn4j.kernel.UnaryOp;

/**
 * The elementwise {@link VectorElementwiseKernels} against {@link org.rnn4j.kernel.ScalarElementwiseKernels}: bitwise where they do the
 * same IEEE operations, within a few ulps for exp / tanh / sigmoid, on odd sizes (tails, offsets)
 * and sizes that span several parallel chunks.
 */
class VectorElementwiseTest extends VectorVsScalar {
    private static final int[] SIZES = {0, 1, 15, 16, 17, 33, 100, 2 * Chunks.CHUNK + 37};

    VectorElementwiseTest() {
        super(11);
    }

    @Test
    void unaryMatchesReference() {
        for (int n : SIZES) {
            float[] x = rand(n, -12f, 12f);
            for (UnaryOp op : UnaryOp.values()) {
                float[] in = op == UnaryOp.LOG ? rand(n, 0.01f, 50f) : x;
                float[] want = rand(n, 0f, 1f);
                float[] got = want.clone();
                scalar.elementwise().unary(op, in, OFF, want, OFF, n);
                vector.elementwise().unary(op, in, OFF, got, OFF, n);
                double ulps = switch (op) {
                    case NEG, RELU, LOG -> 0;
                    case EXP -> 1.5;
                    case TANH -> 2;
                    case SIGMOID -> 3;
                };
                for (int i = 0; i < got.length; i++) {
                    boolean inside = i >= OFF && i < OFF + n;
                    float tol = inside ? (float) (ulps * Math.ulp(want[i])) : 0f;
                    assertEquals(want[i], got[i], tol, op + " n=" + n + " at " + i);
                }
            }
        }
    }

    @Test
    void unaryInPlaceAndThreadIndependent() {
        int n = SIZES[SIZES.length - 1];
        float[] x = rand(n, -5f, 5f);
        Parallel.setThreads(1);
        float[] one = x.clone();
        vector.elementwise().unary(UnaryOp.TANH, one, OFF, one, OFF, n);
        for (int t : new int[] {2, 3}) {
            Parallel.setThreads(t);
            float[] many = x.clone();
            vector.elementwise().unary(UnaryOp.TANH, many, OFF, many, OFF, n);
            assertArrayEquals(one, many, "threads " + t);
        }
        // a value's tanh does not depend on where it sits (the tail goes through the same function)
        float[] single = {0f, 0f, 0f, x[OFF + n - 1]};
        vector.elementwise().unary(UnaryOp.TANH, single, 3, single, 3, 1);
        assertEquals(one[OFF + n - 1], single[3]);
    }

    @Test
    void unaryBackwardIsBitwiseEqual() {
        for (int n : SIZES) {
            float[] x = rand(n, -3f, 3f);
            float[] gy = rand(n, -1f, 1f);
            for (UnaryOp op : UnaryOp.values()) {
                float[] in = op == UnaryOp.LOG ? rand(n, 0.1f, 5f) : x;
                float[] y = new float[in.length];
                scalar.elementwise().unary(op, in, 0, y, 0, in.length);
                float[] want = rand(n, -1f, 1f);
                float[] got = want.clone();
                scalar.elementwise().unaryBackwardAdd(op, in, OFF, y, OFF, gy, OFF, want, OFF, n);
                vector.elementwise().unaryBackwardAdd(op, in, OFF, y, OFF, gy, OFF, got, OFF, n);
                assertArrayEquals(want, got, op + " backward n=" + n);
            }
        }
    }

    @Test
    void binaryFamilyIsBitwiseEqual() {
        for (int n : SIZES) {
            float[] a = rand(n, -2f, 2f);
            float[] b = rand(n, 0.5f, 2f);
            for (BinaryOp op : BinaryOp.values()) {
                float[] want = rand(n, -1f, 1f);
                float[] got = want.clone();
                scalar.elementwise().binary(op, a, OFF, b, OFF, want, OFF, n);
                vector.elementwise().binary(op, a, OFF, b, OFF, got, OFF, n);
                assertArrayEquals(want, got, op + " n=" + n);
                scalar.elementwise().binaryScalar(op, a, OFF, 1.7f, want, OFF, n);
                vector.elementwise().binaryScalar(op, a, OFF, 1.7f, got, OFF, n);
                assertArrayEquals(want, got, op + " scalar n=" + n);
                scalar.elementwise().binaryAdd(op, a, OFF, b, OFF, want, OFF, n);
                vector.elementwise().binaryAdd(op, a, OFF, b, OFF, got, OFF, n);
                assertArrayEquals(want, got, op + " add n=" + n);
            }
            float[] want = rand(n, -1f, 1f);
            float[] got = want.clone();
            scalar.elementwise().axpy(n, -0.37f, a, OFF, want, OFF);
            vector.elementwise().axpy(n, -0.37f, a, OFF, got, OFF);
            assertArrayEquals(want, got, "axpy n=" + n);
            scalar.elementwise().scale(n, 1.3f, want, OFF);
            vector.elementwise().scale(n, 1.3f, got, OFF);
            assertArrayEquals(want, got, "scale n=" + n);
        }
    }

    @Test
    void sumAndDotMatchInDouble() {
        for (int n : SIZES) {
            float[] a = rand(n, -1f, 1f);
            float[] b = rand(n, -1f, 1f);
            double absSum = 0;
            double absDot = 0;
            for (int i = OFF; i < OFF + n; i++) {
                absSum += Math.abs(a[i]);
                absDot += Math.abs(a[i] * b[i]);
            }
            assertEquals(scalar.elementwise().sum(a, OFF, n), vector.elementwise().sum(a, OFF, n), 1e-15 * (n + 1) * absSum + 1e-300, "sum n=" + n);
            assertEquals(scalar.elementwise().dot(n, a, OFF, b, OFF), vector.elementwise().dot(n, a, OFF, b, OFF), 1e-15 * (n + 1) * absDot + 1e-300,
                    "dot n=" + n);
        }
        float[] ones = new float[1000];
        java.util.Arrays.fill(ones, 1f);
        assertEquals(997.0, vector.elementwise().sum(ones, 3, 997));
        assertEquals(997.0, vector.elementwise().dot(997, ones, 0, ones, 3));
    }

    @Test
    void flushDenormalsZeroesOnlySubnormalsKeepingTheSign() {
        float[] specials = {Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, -Float.MIN_NORMAL,
            Math.nextDown(Float.MIN_NORMAL), -Math.nextDown(Float.MIN_NORMAL), 0f, -0f, Float.NaN,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e-30f, -3e-39f, 1f};
        for (int n : SIZES) {
            float[] x = rand(n, -1f, 1f);
            for (int i = 0; i < n; i++) {
                if (i % 3 == 0) {
                    x[OFF + i] = specials[(i / 3) % specials.length];
                }
            }
            float[] want = x.clone();
            float[] got = x.clone();
            scalar.elementwise().flushDenormals(want, OFF, n);
            vector.elementwise().flushDenormals(got, OFF, n);
            assertArrayEquals(want, got, "n=" + n);
            for (int i = OFF; i < OFF + n; i++) {
                float v = got[i];
                assertTrue(Float.isNaN(v) || v == 0f || Math.abs(v) >= Float.MIN_NORMAL, "subnormal left at " + i);
                assertEquals(Math.copySign(1f, x[i]), Math.copySign(1f, v), "sign at " + i);
            }
        }
        float[] x = {Float.MIN_VALUE, -Float.MIN_VALUE, 2e-38f};
        scalar.elementwise().flushDenormals(x, 0, 3);
        assertArrayEquals(new float[] {0f, -0f, 2e-38f}, x);
    }
}
