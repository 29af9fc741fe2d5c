package org.rnn4j.kernel.simd;

import static org.rnn4j.kernel.simd.VectorGemm.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector exp, tanh, sigmoid and a fixed-order lane sum, built only from exactly rounded IEEE
 * operations (add, mul, div, fma, bit operations).
 *
 * <p>Why not the Vector API's lanewise {@code EXP} / {@code TANH}: their results may differ by an
 * ulp between the JIT-compiled intrinsic (SVML) and the interpreter's fallback, so the same input
 * could give different bits before and after compilation, breaking bitwise reproducibility (and
 * they fall back to per-lane {@code Math} calls where SVML is missing). These functions give the
 * same bits in every execution mode and on every CPU.
 *
 * <p>Accuracy (checked by {@code VectorMathTest} against {@code Math} in double over dense sweeps):
 * exp ≤ 1.5 ulp, tanh ≤ 2 ulp, sigmoid ≤ 3 ulp,
 * i.e. relative error below 3e-7, far inside the forward tolerance
 * (rtol 1e-5, atol 1e-6). exp and sigmoid return 0 where the true result is subnormal
 * (x < ln MIN_NORMAL), an absolute change below 1.2e-38 that keeps the kernels out of the slow
 * subnormal range.
 */
final class VectorMath {
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f; // 9 significant bits: n·LN2_HI is exact
    private static final float LN2_LO = -2.12194440e-4f;
    private static final float ROUNDER = 12582912f; // 1.5·2^23: x + ROUNDER rounds x to an integer
    private static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);
    /** ln(Float.MIN_NORMAL): below it exp is subnormal and returned as 0. */
    private static final float EXP_LO = -87.33654475f;
    private static final float TANH_SMALL = 0.625f;
    private static final int SIGN = 0x80000000;

    /** Rotations by L/2, L/4, ..., 1 lanes: the fixed reduction tree of {@link #sumLanes}. */
    private static final VectorShuffle<Float>[] HALVES = halves();

    private VectorMath() {
    }

    private static FloatVector c(float v) {
        return FloatVector.broadcast(S, v);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static VectorShuffle<Float>[] halves() {
        int levels = Integer.numberOfTrailingZeros(S.length());
        VectorShuffle<Float>[] h = new VectorShuffle[levels];
        for (int i = 0, half = S.length() / 2; i < levels; i++, half /= 2) {
            h[i] = VectorShuffle.iota(S, half, 1, true);
        }
        return h;
    }

    /**
     * Σ of the lanes in a fixed order (a tree: lane j + lane j+L/2, then j + L/4, ...), unlike
     * {@code reduceLanes(ADD)} whose order is unspecified and may differ between execution modes.
     */
    static float sumLanes(FloatVector v) {
        for (VectorShuffle<Float> h : HALVES) {
            v = v.add(v.rearrange(h));
        }
        return v.lane(0);
    }

    // Constants as vectors, built once: an operation with a scalar argument broadcasts it on every
    // call, and the extra graph of each broadcast counts against C2's inlining budget (one tanh with
    // broadcasts nearly exhausted NodeCountInliningCutoff, after which vectors are boxed).
    private static final VectorSpecies<Integer> I = S.withLanes(int.class).check(int.class);
    /** 1 in every lane. */
    static final FloatVector ONE = c(1f);
    private static final FloatVector ZERO = c(0f);
    private static final FloatVector MINUS_TWO = c(-2f);
    private static final FloatVector X_MIN = c(-100f);
    private static final FloatVector X_MAX = c(100f);
    private static final FloatVector V_LOG2E = c(LOG2E);
    private static final FloatVector V_ROUNDER = c(ROUNDER);
    private static final FloatVector V_EXP_LO = c(EXP_LO);
    private static final FloatVector V_TANH_SMALL = c(TANH_SMALL);
    private static final FloatVector MINUS_LN2_HI = c(-LN2_HI);
    private static final FloatVector MINUS_LN2_LO = c(-LN2_LO);
    private static final FloatVector E0 = c(1.9875691500e-4f);
    private static final FloatVector E1 = c(1.3981999507e-3f);
    private static final FloatVector E2 = c(8.3334519073e-3f);
    private static final FloatVector E3 = c(4.1665795894e-2f);
    private static final FloatVector E4 = c(1.6666665459e-1f);
    private static final FloatVector E5 = c(5.0000001201e-1f);
    private static final FloatVector T0 = c(-5.70498872745e-3f);
    private static final FloatVector T1 = c(2.06390887954e-2f);
    private static final FloatVector T2 = c(-5.37397155531e-2f);
    private static final FloatVector T3 = c(1.33314422036e-1f);
    private static final FloatVector T4 = c(-3.33332819422e-1f);
    private static final IntVector I_ROUNDER_BITS = IntVector.broadcast(I, ROUNDER_BITS);
    private static final IntVector I_BIAS = IntVector.broadcast(I, 127);
    private static final IntVector I_SIGN = IntVector.broadcast(I, SIGN);

    /**
     * e^x: x = n·ln2 + r with |r| ≤ ln2/2 (Cody–Waite), e^r by Cephes' expf polynomial, times 2^n
     * applied in two halves so that 2^n never leaves the normal range before the product does.
     */
    static FloatVector exp(FloatVector x) {
        FloatVector xc = x.max(X_MIN).min(X_MAX); // NaN stays NaN
        FloatVector t = xc.fma(V_LOG2E, V_ROUNDER);  // n + ROUNDER, n = round(x·log2 e)
        FloatVector n = t.sub(V_ROUNDER);
        FloatVector r = n.fma(MINUS_LN2_HI, xc);
        r = n.fma(MINUS_LN2_LO, r);
        FloatVector z = r.mul(r);
        FloatVector y = r.fma(E0, E1)
                .fma(r, E2)
                .fma(r, E3)
                .fma(r, E4)
                .fma(r, E5)
                .fma(z, r)
                .add(ONE);
        IntVector ni = t.reinterpretAsInts().sub(I_ROUNDER_BITS);
        IntVector n1 = ni.lanewise(VectorOperators.ASHR, 1);
        IntVector n2 = ni.sub(n1);
        FloatVector s1 = n1.add(I_BIAS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector s2 = n2.add(I_BIAS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return y.mul(s1).mul(s2).blend(ZERO, x.compare(VectorOperators.LT, V_EXP_LO));
    }

    /**
     * tanh x = sign(x)·t(|x|): for |x| < 0.625 Cephes' tanhf odd polynomial
     * {@code t = a + a·a²·P(a²)}, otherwise {@code t = 1 - 2/(e^{2a} + 1)}.
     */
    static FloatVector tanh(FloatVector x) {
        FloatVector ax = x.lanewise(VectorOperators.ABS);
        FloatVector e = exp(ax.add(ax));
        FloatVector big = MINUS_TWO.div(e.add(ONE)).add(ONE); // 1 - 2/(e + 1)
        FloatVector z = ax.mul(ax);
        FloatVector p = z.fma(T0, T1)
                .fma(z, T2)
                .fma(z, T3)
                .fma(z, T4);
        FloatVector small = p.mul(z).fma(ax, ax);
        FloatVector t = small.blend(big, ax.compare(VectorOperators.GE, V_TANH_SMALL));
        return t.reinterpretAsInts()
                .lanewise(VectorOperators.OR, x.reinterpretAsInts().lanewise(VectorOperators.AND, I_SIGN))
                .reinterpretAsFloats();
    }

    /** σ(x) = 1 / (1 + e^-x); 0 where the true result is subnormal (σ(x) ≈ e^x there). */
    static FloatVector sigmoid(FloatVector x) {
        return ONE.div(exp(x.neg()).add(ONE)).blend(ZERO, x.compare(VectorOperators.LT, V_EXP_LO));
    }
}
