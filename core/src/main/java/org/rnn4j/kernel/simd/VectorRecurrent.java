package org.rnn4j.kernel.simd;

import static org.rnn4j.kernel.simd.VectorGemm.L;
import static org.rnn4j.kernel.simd.VectorGemm.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fused per-step kernels of the recurrent layers on the Vector API (the "recurrent helper"
 * section of {@link org.rnn4j.kernel.Kernels}).
 *
 * <p>Forward kernels apply {@link VectorMath}'s sigmoid / tanh (a few ulp from the reference, the
 * same function for tails, through padded copies) and otherwise do the reference's float
 * operations in its order. Backward kernels do exactly the reference's operations in its order and
 * flush subnormal results to ±0 as the reference does: bitwise equal to {@code ScalarKernels}.
 *
 * <p>Like {@link VectorActivations}, methods that inline {@code VectorMath} take only arrays and
 * offsets (one row, one function chain), so that nothing is boxed whatever C2 decides to inline.
 */
final class VectorRecurrent {
    private VectorRecurrent() {
    }

    private static FloatVector v(float[] a, int i) {
        return FloatVector.fromArray(S, a, i);
    }

    // The backward kernels flush subnormal results to ±0 in place, written out at each store as
    // bits.blend(bits.and(SIGN), bits.and(EXPONENT).eq(ZERO_BITS)) (a zero exponent keeps only the
    // sign), not through a helper: these row methods reach C2's inlining budget
    // (NodeCountInliningCutoff), and a helper taking a vector that is then not inlined boxes it on
    // every call (KernelGarbageTest caught ~3.5 KB per LSTM backward call).
    private static final VectorSpecies<Integer> I = S.withLanes(int.class).check(int.class);
    private static final IntVector EXPONENT = IntVector.broadcast(I, 0x7f800000);
    private static final IntVector SIGN = IntVector.broadcast(I, 0x80000000);
    private static final IntVector ZERO_BITS = IntVector.zero(I);

    // ---------------------------------------------------------------- bias rows, row sums

    /** {@code out[r·ld + c] += bias[c]}: the reference's additions, bitwise. */
    static void addBiasRows(int rows, int cols, float[] bias, int bOff, float[] out, int outOff, int ld) {
        int upper = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int o = outOff + r * ld;
            for (int c = 0; c < upper; c += L) {
                v(out, o + c).add(v(bias, bOff + c)).intoArray(out, o + c);
            }
            for (int c = upper; c < cols; c++) {
                out[o + c] += bias[bOff + c];
            }
        }
    }

    /**
     * {@code dst[c] += (0 + src[0, c] + src[1, c] + …)} for columns [c0, c1): the reference's sum
     * order per column, rows walked in memory order with the partial sums in {@code acc}.
     */
    static void sumRowsAdd(int rows, int c0, int c1, float[] src, int srcOff, int ld, float[] dst, int dstOff,
                           float[] acc) {
        int w = c1 - c0;
        java.util.Arrays.fill(acc, 0, w, 0f);
        int upper = S.loopBound(w);
        for (int r = 0; r < rows; r++) {
            int s = srcOff + r * ld + c0;
            for (int c = 0; c < upper; c += L) {
                v(acc, c).add(v(src, s + c)).intoArray(acc, c);
            }
            for (int c = upper; c < w; c++) {
                acc[c] += src[s + c];
            }
        }
        for (int c = 0; c < upper; c += L) {
            v(dst, dstOff + c0 + c).add(v(acc, c)).intoArray(dst, dstOff + c0 + c);
        }
        for (int c = upper; c < w; c++) {
            dst[dstOff + c0 + c] += acc[c];
        }
    }

    // ---------------------------------------------------------------- simple RNN

    /** {@code dPre = ftz((dh + dy)·(1 − h²))} (tanh) or {@code ftz(h > 0 ? dh + dy : 0)} (relu). */
    static void rnnBackward(boolean tanh, int n, float[] h, int hOff, float[] dh, int dhOff,
                            float[] dy, int dyOff, float[] dPre, int dPreOff) {
        int upper = S.loopBound(n);
        FloatVector one = FloatVector.broadcast(S, 1f);
        if (tanh) {
            for (int i = 0; i < upper; i += L) {
                FloatVector y = v(h, hOff + i);
                FloatVector g = v(dh, dhOff + i).add(v(dy, dyOff + i));
                IntVector dp = g.mul(one.sub(y.mul(y))).reinterpretAsInts();
                dp.blend(dp.and(SIGN), dp.and(EXPONENT).eq(ZERO_BITS)).reinterpretAsFloats().intoArray(dPre, dPreOff + i);
            }
        } else {
            for (int i = 0; i < upper; i += L) {
                FloatVector g = v(dh, dhOff + i).add(v(dy, dyOff + i));
                IntVector dp = g.blend(0f, v(h, hOff + i).compare(VectorOperators.GT, 0f).not()).reinterpretAsInts();
                dp.blend(dp.and(SIGN), dp.and(EXPONENT).eq(ZERO_BITS)).reinterpretAsFloats().intoArray(dPre, dPreOff + i);
            }
        }
        for (int i = upper; i < n; i++) {
            float g = dh[dhOff + i] + dy[dyOff + i];
            float y = h[hOff + i];
            dPre[dPreOff + i] = VectorActivations.ftz(tanh ? g * (1f - y * y) : y > 0f ? g : 0f);
        }
    }

    // ---------------------------------------------------------------- LSTM

    /** One row of the LSTM cell update after the activations: c' = f·c + i·g, tanh(c'), h = o·tanh(c'). */
    static void lstmCell(int hidden, float[] act, int ar, float[] cPrev, int cp, float[] cOut, int co,
                         float[] tanhC, int tc, float[] h, int ho) {
        int upper = S.loopBound(hidden);
        lstmCellVectors(hidden, upper, act, ar, cPrev, cp, cOut, co, tanhC, tc, h, ho);
        if (upper < hidden) { // the tail through the same loop, on padded copies: slots i f g o c | c' tanh h
            int n = hidden - upper;
            for (int k = 0; k < 4; k++) {
                VectorActivations.tail(k, act, ar + k * hidden + upper, n);
            }
            float[] t = VectorActivations.tail(4, cPrev, cp + upper, n);
            lstmCellVectors(L, L, t, 0, t, 4 * L, t, 5 * L, t, 6 * L, t, 7 * L);
            System.arraycopy(t, 5 * L, cOut, co + upper, n);
            System.arraycopy(t, 6 * L, tanhC, tc + upper, n);
            System.arraycopy(t, 7 * L, h, ho + upper, n);
        }
    }

    /** {@link #lstmCell} over whole vectors j < upper; gate k of a row at {@code ar + k·stride}. */
    private static void lstmCellVectors(int stride, int upper, float[] act, int ar, float[] cPrev, int cp,
                                        float[] cOut, int co, float[] tanhC, int tc, float[] h, int ho) {
        for (int j = 0; j < upper; j += L) {
            FloatVector c = v(act, ar + stride + j).mul(v(cPrev, cp + j)).add(v(act, ar + j).mul(v(act, ar + 2 * stride + j)));
            FloatVector t = VectorMath.tanh(c);
            c.intoArray(cOut, co + j);
            t.intoArray(tanhC, tc + j);
            v(act, ar + 3 * stride + j).mul(t).intoArray(h, ho + j);
        }
    }

    /**
     * The reference's LSTM step backward for one row, bitwise, outputs flushed. Two passes over the
     * row (each small enough for C2 to inline every vector operation): dct (kept in dc) and dGate_o,
     * then dGate_i, dGate_f, dGate_g and dc = dct·f. The tail goes through the same passes on padded
     * copies (slots i f g o c tanh dh dc; dGates written back from slots 0–3).
     */
    static void lstmBackwardRow(int hidden, float[] act, int ar, float[] cPrev, int cp, float[] tanhC, int tc,
                                float[] dh, int dhr, float[] dc, int dcr, float[] dGates, int dr) {
        int upper = S.loopBound(hidden);
        lstmBackwardVectors(hidden, upper, act, ar, cPrev, cp, tanhC, tc, dh, dhr, dc, dcr, dGates, dr);
        if (upper < hidden) {
            int n = hidden - upper;
            for (int k = 0; k < 4; k++) {
                VectorActivations.tail(k, act, ar + k * hidden + upper, n);
            }
            VectorActivations.tail(4, cPrev, cp + upper, n);
            VectorActivations.tail(5, tanhC, tc + upper, n);
            VectorActivations.tail(6, dh, dhr + upper, n);
            float[] t = VectorActivations.tail(7, dc, dcr + upper, n);
            lstmBackwardVectors(L, L, t, 0, t, 4 * L, t, 5 * L, t, 6 * L, t, 7 * L, t, 0); // dGates over the gates
            for (int k = 0; k < 4; k++) {
                System.arraycopy(t, k * L, dGates, dr + k * hidden + upper, n);
            }
            System.arraycopy(t, 7 * L, dc, dcr + upper, n);
        }
    }

    private static void lstmBackwardVectors(int stride, int upper, float[] act, int ar, float[] cPrev, int cp,
                                            float[] tanhC, int tc, float[] dh, int dhr, float[] dc, int dcr,
                                            float[] dGates, int dr) {
        for (int j = 0; j < upper; j += L) {
            lstmBackwardOutput(stride, j, act, ar, tanhC, tc, dh, dhr, dc, dcr, dGates, dr);
            lstmBackwardGates(stride, j, act, ar, cPrev, cp, dc, dcr, dGates, dr);
        }
    }

    /** dct = dc + dh·o·(1 − tanh²) into dc (not yet flushed); dGate_o = dh·tanh·o·(1 − o). */
    private static void lstmBackwardOutput(int stride, int j, float[] act, int ar, float[] tanhC, int tc,
                                           float[] dh, int dhr, float[] dc, int dcr, float[] dGates, int dr) {
        FloatVector o = v(act, ar + 3 * stride + j);
        FloatVector t = v(tanhC, tc + j);
        FloatVector d = v(dh, dhr + j);
        v(dc, dcr + j).add(d.mul(o).mul(VectorMath.ONE.sub(t.mul(t)))).intoArray(dc, dcr + j);
        IntVector dO = d.mul(t).mul(o).mul(VectorMath.ONE.sub(o)).reinterpretAsInts();
        dO.blend(dO.and(SIGN), dO.and(EXPONENT).eq(ZERO_BITS)).reinterpretAsFloats().intoArray(dGates, dr + 3 * stride + j);
    }

    /** From dct (in dc): dGate_i, dGate_f, dGate_g, and dc = dct·f, flushed. */
    private static void lstmBackwardGates(int stride, int j, float[] act, int ar, float[] cPrev, int cp,
                                          float[] dc, int dcr, float[] dGates, int dr) {
        FloatVector one = VectorMath.ONE;
        FloatVector i = v(act, ar + j);
        FloatVector f = v(act, ar + stride + j);
        FloatVector g = v(act, ar + 2 * stride + j);
        FloatVector dct = v(dc, dcr + j);
        IntVector dI = dct.mul(g).mul(i).mul(one.sub(i)).reinterpretAsInts();
        dI.blend(dI.and(SIGN), dI.and(EXPONENT).eq(ZERO_BITS)).reinterpretAsFloats().intoArray(dGates, dr + j);
        IntVector dF = dct.mul(v(cPrev, cp + j)).mul(f).mul(one.sub(f)).reinterpretAsInts();
        dF.blend(dF.and(SIGN), dF.and(EXPONENT).eq(ZERO_BITS)).reinterpretAsFloats().intoArray(dGates, dr + stride + j);
        IntVector dG = dct.mul(i).mul(one.sub(g.mul(g))).reinterpretAsInts();
        dG.blend(dG.and(SIGN), dG.and(EXPONENT).eq(ZERO_BITS)).reinterpretAsFloats().intoArray(dGates, dr + 2 * stride + j);
        IntVector dcNext = dct.mul(f).reinterpretAsInts();
        dcNext.blend(dcNext.and(SIGN), dcNext.and(EXPONENT).eq(ZERO_BITS)).reinterpretAsFloats().intoArray(dc, dcr + j);
    }

    // ---------------------------------------------------------------- GRU

    /**
     * One row of the GRU after r, z: {@code hn = gh_n + b_hn; n = tanh(a_n + r·hn);
     * h' = (1 − z)·n + z·h}. {@code bhn} null adds 0 (as the reference does).
     */
    static void gruCell(int hidden, float[] gates, int gr, float[] gh, int hr, float[] bhn, int bhnOff,
                        float[] hPrev, int hp, float[] hOut, int ho, float[] ghn, int gn) {
        int upper = S.loopBound(hidden);
        int n2 = 2 * hidden;
        gruCellVectors(hidden, upper, gates, gr, gh, hr + n2, bhn, bhnOff, hPrev, hp, hOut, ho, ghn, gn);
        if (upper < hidden) { // slots: r z a_n | gh_n b_hn h | h' ghn
            int n = hidden - upper;
            for (int k = 0; k < 3; k++) {
                VectorActivations.tail(k, gates, gr + k * hidden + upper, n);
            }
            VectorActivations.tail(3, gh, hr + n2 + upper, n);
            if (bhn != null) {
                VectorActivations.tail(4, bhn, bhnOff + upper, n);
            }
            float[] t = VectorActivations.tail(5, hPrev, hp + upper, n);
            gruCellVectors(L, L, t, 0, t, 3 * L, bhn == null ? null : t, 4 * L, t, 5 * L, t, 6 * L, t, 7 * L);
            System.arraycopy(t, 2 * L, gates, gr + n2 + upper, n);
            System.arraycopy(t, 6 * L, hOut, ho + upper, n);
            System.arraycopy(t, 7 * L, ghn, gn + upper, n);
        }
    }

    /** {@link #gruCell} over whole vectors j < upper; gate k at {@code gr + k·stride}, gh_n at {@code ghN}. */
    private static void gruCellVectors(int stride, int upper, float[] gates, int gr, float[] gh, int ghN,
                                       float[] bhn, int bhnOff, float[] hPrev, int hp, float[] hOut, int ho,
                                       float[] ghn, int gn) {
        // hn = gh_n + b_hn (or + 0) into ghn first: no vector phi inside the loop that inlines tanh
        if (bhn == null) {
            FloatVector zero = FloatVector.zero(S);
            for (int j = 0; j < upper; j += L) {
                v(gh, ghN + j).add(zero).intoArray(ghn, gn + j);
            }
        } else {
            for (int j = 0; j < upper; j += L) {
                v(gh, ghN + j).add(v(bhn, bhnOff + j)).intoArray(ghn, gn + j);
            }
        }
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int j = 0; j < upper; j += L) {
            FloatVector n = VectorMath.tanh(v(gates, gr + 2 * stride + j).add(v(gates, gr + j).mul(v(ghn, gn + j))));
            FloatVector z = v(gates, gr + stride + j);
            FloatVector h = one.sub(z).mul(n).add(z.mul(v(hPrev, hp + j)));
            n.intoArray(gates, gr + 2 * stride + j);
            h.intoArray(hOut, ho + j);
        }
    }

    /**
     * The reference's GRU step backward for one row, bitwise, outputs flushed; dhPrev may alias dh.
     * Two small passes per vector (dn, dz, then dr and the rest); the tail through the same passes
     * on padded copies (slots r z n ghn h dh | dA ×3 in slots 0–2 of a second block, written back).
     */
    static void gruBackwardRow(int hidden, float[] act, int ar, float[] ghn, int gn, float[] hPrev, int hp,
                               float[] dh, int dhr, float[] dA, int da, float[] dGh, int dg, float[] dhPrev, int dp) {
        int upper = S.loopBound(hidden);
        for (int j = 0; j < upper; j += L) {
            gruBackwardNz(hidden, j, act, ar, hPrev, hp, dh, dhr, dA, da, dGh, dg);
            gruBackwardR(hidden, j, act, ar, ghn, gn, dh, dhr, dA, da, dGh, dg, dhPrev, dp);
        }
        if (upper < hidden) {
            int n = hidden - upper;
            for (int k = 0; k < 3; k++) {
                VectorActivations.tail(k, act, ar + k * hidden + upper, n);
            }
            VectorActivations.tail(3, ghn, gn + upper, n);
            VectorActivations.tail(4, hPrev, hp + upper, n);
            float[] t = VectorActivations.tail(5, dh, dhr + upper, n);
            float[] out = VectorActivations.outTail();
            gruBackwardNz(L, 0, t, 0, t, 4 * L, t, 5 * L, out, 0, out, 3 * L);
            gruBackwardR(L, 0, t, 0, t, 3 * L, t, 5 * L, out, 0, out, 3 * L, out, 6 * L);
            for (int k = 0; k < 3; k++) {
                System.arraycopy(out, k * L, dA, da + k * hidden + upper, n);
                System.arraycopy(out, (3 + k) * L, dGh, dg + k * hidden + upper, n);
            }
            System.arraycopy(out, 6 * L, dhPrev, dp + upper, n);
        }
    }

    /** dn = d·(1 − z)·(1 − n²), dz = d·(h − n)·z·(1 − z), flushed, into dA and dGh (z part). */
    private static void gruBackwardNz(int stride, int j, float[] act, int ar, float[] hPrev, int hp,
                                      float[] dh, int dhr, float[] dA, int da, float[] dGh, int dg) {
        FloatVector one = VectorMath.ONE;
        FloatVector z = v(act, ar + stride + j);
        FloatVector n = v(act, ar + 2 * stride + j);
        FloatVector d = v(dh, dhr + j);
        IntVector dzBits = d.mul(v(hPrev, hp + j).sub(n)).mul(z).mul(one.sub(z)).reinterpretAsInts();
        FloatVector dz = dzBits.blend(dzBits.and(SIGN), dzBits.and(EXPONENT).eq(ZERO_BITS)).reinterpretAsFloats();
        IntVector dnBits = d.mul(one.sub(z)).mul(one.sub(n.mul(n))).reinterpretAsInts();
        dnBits.blend(dnBits.and(SIGN), dnBits.and(EXPONENT).eq(ZERO_BITS)).reinterpretAsFloats().intoArray(dA, da + 2 * stride + j);
        dz.intoArray(dA, da + stride + j);
        dz.intoArray(dGh, dg + stride + j);
    }

    /** dr = dn·ghn·r·(1 − r), dGh_n = dn·r, dhPrev = d·z, flushed (dn read back from dA). */
    private static void gruBackwardR(int stride, int j, float[] act, int ar, float[] ghn, int gn,
                                     float[] dh, int dhr, float[] dA, int da, float[] dGh, int dg,
                                     float[] dhPrev, int dp) {
        FloatVector r = v(act, ar + j);
        FloatVector dn = v(dA, da + 2 * stride + j);
        IntVector drBits = dn.mul(v(ghn, gn + j)).mul(r).mul(VectorMath.ONE.sub(r)).reinterpretAsInts();
        FloatVector dr = drBits.blend(drBits.and(SIGN), drBits.and(EXPONENT).eq(ZERO_BITS)).reinterpretAsFloats();
        dr.intoArray(dA, da + j);
        dr.intoArray(dGh, dg + j);
        IntVector dGhN = dn.mul(r).reinterpretAsInts();
        dGhN.blend(dGhN.and(SIGN), dGhN.and(EXPONENT).eq(ZERO_BITS)).reinterpretAsFloats().intoArray(dGh, dg + 2 * stride + j);
        IntVector dhp = v(dh, dhr + j).mul(v(act, ar + stride + j)).reinterpretAsInts();
        dhp.blend(dhp.and(SIGN), dhp.and(EXPONENT).eq(ZERO_BITS)).reinterpretAsFloats().intoArray(dhPrev, dp + j);
    }
}
