package org.rnn4j.kernel.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnn4j.kernel.BinaryOp;
import org.rnn4j.kernel.Parallel;
import org.rnn4j.kernel.ScalarKernels;
import org.rnn4j.kernel.UnaryOp;

/**
 * The elementwise {@link VectorKernels} against {@link ScalarKernels}: bitwise where they do the
 * same IEEE operations, within a few ulps for exp / tanh / sigmoid, on odd sizes (tails, offsets)
 * and sizes that span several parallel chunks.
 */
class VectorElementwiseTest extends VectorVsScalar {
    private static final int[] SIZES = {0, 1, 15, 16, 17, 33, 100, 2 * VectorKernels.CHUNK + 37};

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
                scalar.unary(op, in, OFF, want, OFF, n);
                vector.unary(op, in, OFF, got, OFF, n);
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
        vector.unary(UnaryOp.TANH, one, OFF, one, OFF, n);
        for (int t : new int[] {2, 3}) {
            Parallel.setThreads(t);
            float[] many = x.clone();
            vector.unary(UnaryOp.TANH, many, OFF, many, OFF, n);
            assertArrayEquals(one, many, "threads " + t);
        }
        // a value's tanh does not depend on where it sits (the tail goes through the same function)
        float[] single = {0f, 0f, 0f, x[OFF + n - 1]};
        vector.unary(UnaryOp.TANH, single, 3, single, 3, 1);
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
                scalar.unary(op, in, 0, y, 0, in.length);
                float[] want = rand(n, -1f, 1f);
                float[] got = want.clone();
                scalar.unaryBackwardAdd(op, in, OFF, y, OFF, gy, OFF, want, OFF, n);
                vector.unaryBackwardAdd(op, in, OFF, y, OFF, gy, OFF, got, OFF, n);
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
                scalar.binary(op, a, OFF, b, OFF, want, OFF, n);
                vector.binary(op, a, OFF, b, OFF, got, OFF, n);
                assertArrayEquals(want, got, op + " n=" + n);
                scalar.binaryScalar(op, a, OFF, 1.7f, want, OFF, n);
                vector.binaryScalar(op, a, OFF, 1.7f, got, OFF, n);
                assertArrayEquals(want, got, op + " scalar n=" + n);
                scalar.binaryAdd(op, a, OFF, b, OFF, want, OFF, n);
                vector.binaryAdd(op, a, OFF, b, OFF, got, OFF, n);
                assertArrayEquals(want, got, op + " add n=" + n);
            }
            float[] want = rand(n, -1f, 1f);
            float[] got = want.clone();
            scalar.axpy(n, -0.37f, a, OFF, want, OFF);
            vector.axpy(n, -0.37f, a, OFF, got, OFF);
            assertArrayEquals(want, got, "axpy n=" + n);
            scalar.scale(n, 1.3f, want, OFF);
            vector.scale(n, 1.3f, got, OFF);
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
            assertEquals(scalar.sum(a, OFF, n), vector.sum(a, OFF, n), 1e-15 * (n + 1) * absSum + 1e-300, "sum n=" + n);
            assertEquals(scalar.dot(n, a, OFF, b, OFF), vector.dot(n, a, OFF, b, OFF), 1e-15 * (n + 1) * absDot + 1e-300,
                    "dot n=" + n);
        }
        float[] ones = new float[1000];
        java.util.Arrays.fill(ones, 1f);
        assertEquals(997.0, vector.sum(ones, 3, 997));
        assertEquals(997.0, vector.dot(997, ones, 0, ones, 3));
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
            scalar.flushDenormals(want, OFF, n);
            vector.flushDenormals(got, OFF, n);
            assertArrayEquals(want, got, "n=" + n);
            for (int i = OFF; i < OFF + n; i++) {
                float v = got[i];
                assertTrue(Float.isNaN(v) || v == 0f || Math.abs(v) >= Float.MIN_NORMAL, "subnormal left at " + i);
                assertEquals(Math.copySign(1f, x[i]), Math.copySign(1f, v), "sign at " + i);
            }
        }
        float[] x = {Float.MIN_VALUE, -Float.MIN_VALUE, 2e-38f};
        scalar.flushDenormals(x, 0, 3);
        assertArrayEquals(new float[] {0f, -0f, 2e-38f}, x);
    }

    @Test
    void adamUpdateIsBitwiseEqualOverSteps() {
        for (int n : SIZES) {
            for (double wd : new double[] {0, 0.01}) {
                float[] p1 = rand(n, -1f, 1f);
                float[] m1 = new float[p1.length];
                float[] v1 = new float[p1.length];
                float[] p2 = p1.clone();
                float[] m2 = m1.clone();
                float[] v2 = v1.clone();
                for (int step = 1; step <= 3; step++) {
                    float[] g = rand(n, -1f, 1f);
                    double stepSize = 1e-3 / (1 - Math.pow(0.9, step));
                    double bc2Sqrt = Math.sqrt(1 - Math.pow(0.999, step));
                    scalar.adamUpdate(n, p1, g, m1, v1, null, OFF, 0.9, 0.999, 1e-8, wd, stepSize, bc2Sqrt, false);
                    vector.adamUpdate(n, p2, g, m2, v2, null, OFF, 0.9, 0.999, 1e-8, wd, stepSize, bc2Sqrt, false);
                }
                assertArrayEquals(p1, p2, "p n=" + n);
                assertArrayEquals(m1, m2, "m n=" + n);
                assertArrayEquals(v1, v2, "v n=" + n);
            }
        }
    }

    @Test
    void adamReferenceFollowsTorchFormula() {
        // lr 0.1, first step, g = 0.5: m = 0.05, v = 0.00025, m̂ = 0.5, v̂ = 0.25 → p = 1 - 0.1·0.5/(0.5 + eps)
        float[] p = {1f};
        float[] m = {0f};
        float[] v = {0f};
        scalar.adamUpdate(1, p, new float[] {0.5f}, m, v, null, 0, 0.9, 0.999, 1e-8, 0,
                0.1 / (1 - 0.9), Math.sqrt(1 - 0.999), false);
        assertEquals(0.05f, m[0], 1e-9f);
        assertEquals(0.00025f, v[0], 1e-10f);
        assertEquals(0.9f, p[0], 1e-6f);
    }
}
