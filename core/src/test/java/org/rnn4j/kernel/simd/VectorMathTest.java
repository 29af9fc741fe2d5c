package org.rnn4j.kernel.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/**
 * Accuracy of {@link VectorMath} against {@code Math} in double, measured in ulps of the float
 * result over dense sweeps, and the special values.
 */
class VectorMathTest {
    private static final int L = VectorGemm.L;

    /** Applies f lane-wise to xs (length a multiple of L). */
    private static float[] apply(UnaryOperator<FloatVector> f, float[] xs) {
        float[] out = new float[xs.length];
        for (int i = 0; i < xs.length; i += L) {
            f.apply(FloatVector.fromArray(VectorGemm.S, xs, i)).intoArray(out, i);
        }
        return out;
    }

    /** Evenly spaced floats in [lo, hi], count a multiple of L. */
    private static float[] sweep(float lo, float hi, int count) {
        float[] xs = new float[count];
        for (int i = 0; i < count; i++) {
            xs[i] = (float) (lo + (hi - lo) * (double) i / (count - 1));
        }
        return xs;
    }

    /** Largest |got - exact| in ulps of the correctly rounded result. */
    private static double maxUlps(UnaryOperator<FloatVector> f, DoubleUnaryOperator exact, float[] xs) {
        float[] got = apply(f, xs);
        double worst = 0;
        for (int i = 0; i < xs.length; i++) {
            double e = exact.applyAsDouble(xs[i]);
            double ulps = Math.abs(got[i] - e) / Math.ulp((float) e);
            worst = Math.max(worst, ulps);
        }
        return worst;
    }

    private static float[] tiny() { // ±1e-30 .. ±0.7, log-spaced
        float[] xs = new float[L * 4000];
        for (int i = 0; i < xs.length; i++) {
            double mag = Math.pow(10, -30 + 29.85 * i / (xs.length - 1));
            xs[i] = (float) (i % 2 == 0 ? mag : -mag);
        }
        return xs;
    }

    @Test
    void expWithinOneAndAHalfUlps() {
        double ulps = maxUlps(VectorMath::exp, Math::exp, sweep(-87.3f, 88.72f, L * 65536));
        assertTrue(ulps <= 1.5, "exp max error " + ulps + " ulp");
        assertTrue(maxUlps(VectorMath::exp, Math::exp, tiny()) <= 1);
    }

    @Test
    void tanhWithinTwoUlps() {
        double ulps = maxUlps(VectorMath::tanh, Math::tanh, sweep(-20f, 20f, L * 65536));
        double small = maxUlps(VectorMath::tanh, Math::tanh, tiny());
        double edge = maxUlps(VectorMath::tanh, Math::tanh, sweep(0.6f, 0.65f, L * 4096));
        assertTrue(ulps <= 2, "tanh max error " + ulps + " ulp");
        assertTrue(small <= 2, "tanh near 0 max error " + small + " ulp");
        assertTrue(edge <= 2, "tanh near 0.625 max error " + edge + " ulp");
    }

    @Test
    void sigmoidWithinThreeUlps() {
        DoubleUnaryOperator exact = x -> 1 / (1 + Math.exp(-x));
        double ulps = maxUlps(VectorMath::sigmoid, exact, sweep(-80f, 80f, L * 65536));
        double small = maxUlps(VectorMath::sigmoid, exact, tiny());
        assertTrue(ulps <= 3, "sigmoid max error " + ulps + " ulp");
        assertTrue(small <= 3, "sigmoid near 0 max error " + small + " ulp");
    }

    @Test
    void specialValues() {
        float[] xs = new float[L];
        float[] specials = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f,
            1e30f, -1e30f, 88.8f, -87f, -103f, 100f, -100f};
        System.arraycopy(specials, 0, xs, 0, Math.min(L, specials.length));
        float[] e = apply(VectorMath::exp, xs);
        float[] t = apply(VectorMath::tanh, xs);
        float[] s = apply(VectorMath::sigmoid, xs);
        float[] wantExp = {Float.NaN, Float.POSITIVE_INFINITY, 0f, 1f, 1f,
            Float.POSITIVE_INFINITY, 0f, Float.POSITIVE_INFINITY, (float) Math.exp(-87), 0f, Float.POSITIVE_INFINITY, 0f};
        float[] wantTanh = {Float.NaN, 1f, -1f, 0f, -0f, 1f, -1f, 1f, -1f, -1f, 1f, -1f};
        float[] wantSig = {Float.NaN, 1f, 0f, 0.5f, 0.5f, 1f, 0f, 1f, (float) (1 / (1 + Math.exp(87))), 0f, 1f, 0f};
        for (int i = 0; i < Math.min(L, specials.length); i++) {
            assertClose(wantExp[i], e[i], 1, "exp(" + xs[i] + ")");
            assertClose(wantTanh[i], t[i], 0, "tanh(" + xs[i] + ")");
            assertClose(wantSig[i], s[i], 3, "sigmoid(" + xs[i] + ")");
        }
    }

    /** NaN, infinities and signed zeros exactly; finite values within {@code ulps}. */
    private static void assertClose(float want, float got, int ulps, String what) {
        if (Float.isNaN(want) || Float.isInfinite(want) || want == 0f) {
            assertEquals(want, got, what);
        } else {
            assertEquals(want, got, ulps * Math.ulp(want), what);
        }
    }

    @Test
    void resultsBelowTheNormalRangeAreZero() {
        float[] xs = sweep(-100f, -87.34f, L * 64);
        float[] e = apply(VectorMath::exp, xs);
        float[] s = apply(VectorMath::sigmoid, xs);
        for (int i = 0; i < xs.length; i++) {
            assertEquals(0f, e[i], "exp(" + xs[i] + ")");
            assertEquals(0f, s[i], "sigmoid(" + xs[i] + ")");
            assertTrue(Math.exp(xs[i]) < Float.MIN_NORMAL); // the change is below the normal range
        }
        float[] edge = apply(VectorMath::sigmoid, sweep(-87.3f, -80f, L * 64));
        for (float v : edge) {
            assertTrue(v >= Float.MIN_NORMAL, "sigmoid above the cut must stay normal: " + v);
        }
    }

    @Test
    void sumLanesAddsEveryLane() {
        float[] v = new float[L];
        for (int i = 0; i < L; i++) {
            v[i] = 1 << i % 20;
        }
        double want = 0;
        for (float f : v) {
            want += f;
        }
        assertEquals((float) want, VectorMath.sumLanes(FloatVector.fromArray(VectorGemm.S, v, 0)));
    }
}
