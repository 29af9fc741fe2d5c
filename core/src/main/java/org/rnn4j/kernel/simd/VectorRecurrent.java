package org.rnn4j.kernel.simd;

import static org.rnn4j.kernel.simd.VectorGemm.L;
import static org.rnn4j.kernel.simd.VectorGemm.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.rnn4j.kernel.Denormals;

/**
 * The fused per-step kernels of the recurrent layers on the Vector API (the "recurrent helper"
 * section of {@link org.rnn4j.kernel.Kernels}).
 *
 * <p>Forward kernels apply {@link VectorMath}'s sigmoid / tanh through {@link VectorActivations}
 * (a few ulp from the reference, the same function for tails) and otherwise do the reference's
 * float operations in its order. Backward kernels do exactly the reference's operations in its order and
 * flush subnormal results to ±0 as the reference does: bitwise equal to {@code ScalarRecurrentKernels}.
 *
 * <p>No method here passes a vector to another method (VectorMath is reached only through
 * VectorActivations, which takes arrays and offsets): a vector passed to or returned from a call
 * that C2 does not inline is boxed on the heap at every call, and which calls C2 inlines depends
 * on what it compiled first.
 */
final class VectorRecurrent {
    private VectorRecurrent() {
    }

    // The backward kernels flush subnormal results to ±0 in place, written out at each store as
    // bits.blend(bits.and(SIGN), bits.and(EXPONENT).eq(ZERO_BITS)) (a zero exponent keeps only the
    // sign), not through a helper: these row methods reach C2's inlining budget
    // (NodeCountInliningCutoff), and a helper taking a vector that is then not inlined boxes it on
    // every call (KernelGarbageTest checks it). For the same reason loads are
    // FloatVector.fromArray written out, not a short helper returning a vector.
    private static final VectorSpecies<Integer> I = S.withLanes(int.class).check(int.class);
    private static final IntVector EXPONENT = IntVector.broadcast(I, 0x7f800000);
    private static final IntVector SIGN = IntVector.broadcast(I, 0x80000000);
    // The exponent field a flushed value has: 0. With -Drnn4j.denormals=keep (Denormals) it is 1,
    // which a masked exponent never equals, so nothing is flushed.
    private static final IntVector ZERO_BITS = IntVector.broadcast(I, Denormals.FLUSH_BELOW == 0f ? 1 : 0);

    // ---------------------------------------------------------------- bias rows, row sums

    /** {@code out[r·ld + c] += bias[c]}: the reference's additions, bitwise. */
    static void addBiasRows(int rows, int cols, float[] bias, int bOff, float[] out, int outOff, int ld) {
        int upper = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int o = outOff + r * ld;
            for (int c = 0; c < upper; c += L) {
                FloatVector.fromArray(S, out, o + c).add(FloatVector.fromArray(S, bias, bOff + c)).intoArray(out, o + c);
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
                FloatVector.fromArray(S, acc, c).add(FloatVector.fromArray(S, src, s + c)).intoArray(acc, c);
            }
            for (int c = upper; c < w; c++) {
                acc[c] += src[s + c];
            }
        }
        for (int c = 0; c < upper; c += L) {
            FloatVector.fromArray(S, dst, dstOff + c0 + c).add(FloatVector.fromArray(S, acc, c)).intoArray(dst, dstOff + c0 + c);
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
                FloatVector y = FloatVector.fromArray(S, h, hOff + i);
                FloatVector g = FloatVector.fromArray(S, dh, dhOff + i).add(FloatVector.fromArray(S, dy, dyOff + i));
                IntVector dp = g.mul(one.sub(y.mul(y))).reinterpretAsInts();
                dp.blend(dp.and(SIGN), dp.and(EXPONENT).eq(ZERO_BITS)).reinterpretAsFloats().intoArray(dPre, dPreOff + i);
            }
        } else {
            for (int i = 0; i < upper; i += L) {
                FloatVector g = FloatVector.fromArray(S, dh, dhOff + i).add(FloatVector.fromArray(S, dy, dyOff + i));
                FloatVector y = FloatVector.fromArray(S, h, hOff + i);
                IntVector dp = g.blend(0f, y.compare(VectorOperators.GT, 0f).not()).reinterpretAsInts();
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

    /**
     * One row of the LSTM cell update after the activations: c' = f·c + i·g, tanh(c'), h = o·tanh(c')
     * (cOut may be cPrev). The arithmetic passes are the reference's operations (scalar tails are
     * bitwise equal); tanh runs through {@link VectorActivations#tanh}, which takes arrays only.
     */
    static void lstmCell(int hidden, float[] act, int ar, float[] cPrev, int cp, float[] cOut, int co,
                         float[] tanhC, int tc, float[] h, int ho) {
        int upper = S.loopBound(hidden);
        for (int j = 0; j < upper; j += L) {
            FloatVector i = FloatVector.fromArray(S, act, ar + j);
            FloatVector f = FloatVector.fromArray(S, act, ar + hidden + j);
            FloatVector g = FloatVector.fromArray(S, act, ar + 2 * hidden + j);
            f.mul(FloatVector.fromArray(S, cPrev, cp + j)).add(i.mul(g)).intoArray(cOut, co + j);
        }
        for (int j = upper; j < hidden; j++) {
            cOut[co + j] = act[ar + hidden + j] * cPrev[cp + j] + act[ar + j] * act[ar + 2 * hidden + j];
        }
        VectorActivations.tanh(cOut, co, tanhC, tc, hidden);
        for (int j = 0; j < upper; j += L) {
            FloatVector o = FloatVector.fromArray(S, act, ar + 3 * hidden + j);
            o.mul(FloatVector.fromArray(S, tanhC, tc + j)).intoArray(h, ho + j);
        }
        for (int j = upper; j < hidden; j++) {
            h[ho + j] = act[ar + 3 * hidden + j] * tanhC[tc + j];
        }
    }

    /**
     * The reference's LSTM step backward for one row, bitwise, outputs flushed. Two passes over the
     * row (each small enough for C2 to inline every vector operation): dct (kept in dc) and dGate_o,
     * then dGate_i, dGate_f, dGate_g and dc = dct·f. The tail does the same operations on scalars
     * (one inlined copy of the vector passes per method keeps C2 within its inlining budget).
     */
    static void lstmBackwardRow(int hidden, float[] act, int ar, float[] cPrev, int cp, float[] tanhC, int tc,
                                float[] dh, int dhr, float[] dc, int dcr, float[] dGates, int dr) {
        int upper = S.loopBound(hidden);
        lstmBackwardVectors(hidden, upper, act, ar, cPrev, cp, tanhC, tc, dh, dhr, dc, dcr, dGates, dr);
        for (int j = upper; j < hidden; j++) { // the same operations on scalars: bitwise equal
            float i = act[ar + j];
            float f = act[ar + hidden + j];
            float g = act[ar + 2 * hidden + j];
            float o = act[ar + 3 * hidden + j];
            float t = tanhC[tc + j];
            float d = dh[dhr + j];
            float dct = dc[dcr + j] + d * o * (1f - t * t);
            dGates[dr + j] = VectorActivations.ftz(dct * g * i * (1f - i));
            dGates[dr + hidden + j] = VectorActivations.ftz(dct * cPrev[cp + j] * f * (1f - f));
            dGates[dr + 2 * hidden + j] = VectorActivations.ftz(dct * i * (1f - g * g));
            dGates[dr + 3 * hidden + j] = VectorActivations.ftz(d * t * o * (1f - o));
            dc[dcr + j] = VectorActivations.ftz(dct * f);
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
        FloatVector o = FloatVector.fromArray(S, act, ar + 3 * stride + j);
        FloatVector t = FloatVector.fromArray(S, tanhC, tc + j);
        FloatVector d = FloatVector.fromArray(S, dh, dhr + j);
        FloatVector.fromArray(S, dc, dcr + j).add(d.mul(o).mul(VectorMath.ONE.sub(t.mul(t)))).intoArray(dc, dcr + j);
        IntVector dO = d.mul(t).mul(o).mul(VectorMath.ONE.sub(o)).reinterpretAsInts();
        dO.blend(dO.and(SIGN), dO.and(EXPONENT).eq(ZERO_BITS)).reinterpretAsFloats().intoArray(dGates, dr + 3 * stride + j);
    }

    /** From dct (in dc): dGate_i, dGate_f, dGate_g, and dc = dct·f, flushed. */
    private static void lstmBackwardGates(int stride, int j, float[] act, int ar, float[] cPrev, int cp,
                                          float[] dc, int dcr, float[] dGates, int dr) {
        FloatVector one = VectorMath.ONE;
        FloatVector i = FloatVector.fromArray(S, act, ar + j);
        FloatVector f = FloatVector.fromArray(S, act, ar + stride + j);
        FloatVector g = FloatVector.fromArray(S, act, ar + 2 * stride + j);
        FloatVector dct = FloatVector.fromArray(S, dc, dcr + j);
        IntVector dI = dct.mul(g).mul(i).mul(one.sub(i)).reinterpretAsInts();
        dI.blend(dI.and(SIGN), dI.and(EXPONENT).eq(ZERO_BITS)).reinterpretAsFloats().intoArray(dGates, dr + j);
        IntVector dF = dct.mul(FloatVector.fromArray(S, cPrev, cp + j)).mul(f).mul(one.sub(f)).reinterpretAsInts();
        dF.blend(dF.and(SIGN), dF.and(EXPONENT).eq(ZERO_BITS)).reinterpretAsFloats().intoArray(dGates, dr + stride + j);
        IntVector dG = dct.mul(i).mul(one.sub(g.mul(g))).reinterpretAsInts();
        dG.blend(dG.and(SIGN), dG.and(EXPONENT).eq(ZERO_BITS)).reinterpretAsFloats().intoArray(dGates, dr + 2 * stride + j);
        IntVector dcNext = dct.mul(f).reinterpretAsInts();
        dcNext.blend(dcNext.and(SIGN), dcNext.and(EXPONENT).eq(ZERO_BITS)).reinterpretAsFloats().intoArray(dc, dcr + j);
    }

    // ---------------------------------------------------------------- GRU

    /**
     * One row of the GRU after r, z: {@code hn = gh_n + b_hn; n = tanh(a_n + r·hn);
     * h' = (1 − z)·n + z·h} (hOut may be hPrev). {@code bhn} null adds 0 (as the reference does).
     * Arithmetic passes as the reference (scalar tails bitwise equal), tanh through
     * {@link VectorActivations#tanh} in place on the n gate.
     */
    static void gruCell(int hidden, float[] gates, int gr, float[] gh, int hr, float[] bhn, int bhnOff,
                        float[] hPrev, int hp, float[] hOut, int ho, float[] ghn, int gn) {
        int upper = S.loopBound(hidden);
        int ghN = hr + 2 * hidden;
        int an = gr + 2 * hidden;
        if (bhn == null) { // two loops: a vector chosen by a branch would be a phi, which JDK 17 boxes
            FloatVector zero = FloatVector.zero(S);
            for (int j = 0; j < upper; j += L) {
                FloatVector.fromArray(S, gh, ghN + j).add(zero).intoArray(ghn, gn + j);
            }
        } else {
            for (int j = 0; j < upper; j += L) {
                FloatVector.fromArray(S, gh, ghN + j).add(FloatVector.fromArray(S, bhn, bhnOff + j)).intoArray(ghn, gn + j);
            }
        }
        for (int j = 0; j < upper; j += L) {
            FloatVector hn = FloatVector.fromArray(S, ghn, gn + j);
            FloatVector.fromArray(S, gates, an + j).add(FloatVector.fromArray(S, gates, gr + j).mul(hn))
                    .intoArray(gates, an + j);
        }
        for (int j = upper; j < hidden; j++) {
            float hn = gh[ghN + j] + (bhn == null ? 0f : bhn[bhnOff + j]);
            ghn[gn + j] = hn;
            gates[an + j] = gates[an + j] + gates[gr + j] * hn;
        }
        VectorActivations.tanh(gates, an, gates, an, hidden);
        FloatVector one = VectorMath.ONE;
        for (int j = 0; j < upper; j += L) {
            FloatVector z = FloatVector.fromArray(S, gates, gr + hidden + j);
            FloatVector n = FloatVector.fromArray(S, gates, an + j);
            one.sub(z).mul(n).add(z.mul(FloatVector.fromArray(S, hPrev, hp + j))).intoArray(hOut, ho + j);
        }
        for (int j = upper; j < hidden; j++) {
            float z = gates[gr + hidden + j];
            hOut[ho + j] = (1f - z) * gates[an + j] + z * hPrev[hp + j];
        }
    }

    /**
     * The reference's GRU step backward for one row, bitwise, outputs flushed; dhPrev may alias dh.
     * Two small passes per vector (dn, dz, then dr and the rest); the tail does the same operations
     * on scalars.
     */
    static void gruBackwardRow(int hidden, float[] act, int ar, float[] ghn, int gn, float[] hPrev, int hp,
                               float[] dh, int dhr, float[] dA, int da, float[] dGh, int dg, float[] dhPrev, int dp) {
        int upper = S.loopBound(hidden);
        for (int j = 0; j < upper; j += L) {
            gruBackwardNz(hidden, j, act, ar, hPrev, hp, dh, dhr, dA, da, dGh, dg);
            gruBackwardR(hidden, j, act, ar, ghn, gn, dh, dhr, dA, da, dGh, dg, dhPrev, dp);
        }
        for (int j = upper; j < hidden; j++) { // the same operations on scalars: bitwise equal
            float r = act[ar + j];
            float z = act[ar + hidden + j];
            float n = act[ar + 2 * hidden + j];
            float d = dh[dhr + j];
            float dn = VectorActivations.ftz(d * (1f - z) * (1f - n * n));
            float dz = VectorActivations.ftz(d * (hPrev[hp + j] - n) * z * (1f - z));
            float dr = VectorActivations.ftz(dn * ghn[gn + j] * r * (1f - r));
            dA[da + j] = dr;
            dA[da + hidden + j] = dz;
            dA[da + 2 * hidden + j] = dn;
            dGh[dg + j] = dr;
            dGh[dg + hidden + j] = dz;
            dGh[dg + 2 * hidden + j] = VectorActivations.ftz(dn * r);
            dhPrev[dp + j] = VectorActivations.ftz(d * z);
        }
    }

    /** dn = d·(1 − z)·(1 − n²), dz = d·(h − n)·z·(1 − z), flushed, into dA and dGh (z part). */
    private static void gruBackwardNz(int stride, int j, float[] act, int ar, float[] hPrev, int hp,
                                      float[] dh, int dhr, float[] dA, int da, float[] dGh, int dg) {
        FloatVector one = VectorMath.ONE;
        FloatVector z = FloatVector.fromArray(S, act, ar + stride + j);
        FloatVector n = FloatVector.fromArray(S, act, ar + 2 * stride + j);
        FloatVector d = FloatVector.fromArray(S, dh, dhr + j);
        IntVector dz = d.mul(FloatVector.fromArray(S, hPrev, hp + j).sub(n)).mul(z).mul(one.sub(z)).reinterpretAsInts();
        dz.blend(dz.and(SIGN), dz.and(EXPONENT).eq(ZERO_BITS)).reinterpretAsFloats().intoArray(dA, da + stride + j);
        IntVector dn = d.mul(one.sub(z)).mul(one.sub(n.mul(n))).reinterpretAsInts();
        dn.blend(dn.and(SIGN), dn.and(EXPONENT).eq(ZERO_BITS)).reinterpretAsFloats().intoArray(dA, da + 2 * stride + j);
        // each flushed value feeds one store, copies are reloaded: a reinterpreted vector used twice
        // was not intrinsified by JDK 17's C2 (its fallback allocates on every call)
        FloatVector.fromArray(S, dA, da + stride + j).intoArray(dGh, dg + stride + j);
    }

    /** dr = dn·ghn·r·(1 − r), dGh_n = dn·r, dhPrev = d·z, flushed (dn read back from dA). */
    private static void gruBackwardR(int stride, int j, float[] act, int ar, float[] ghn, int gn,
                                     float[] dh, int dhr, float[] dA, int da, float[] dGh, int dg,
                                     float[] dhPrev, int dp) {
        FloatVector r = FloatVector.fromArray(S, act, ar + j);
        FloatVector dn = FloatVector.fromArray(S, dA, da + 2 * stride + j);
        IntVector dr = dn.mul(FloatVector.fromArray(S, ghn, gn + j)).mul(r).mul(VectorMath.ONE.sub(r)).reinterpretAsInts();
        dr.blend(dr.and(SIGN), dr.and(EXPONENT).eq(ZERO_BITS)).reinterpretAsFloats().intoArray(dA, da + j);
        FloatVector.fromArray(S, dA, da + j).intoArray(dGh, dg + j);
        IntVector dGhN = dn.mul(r).reinterpretAsInts();
        dGhN.blend(dGhN.and(SIGN), dGhN.and(EXPONENT).eq(ZERO_BITS)).reinterpretAsFloats().intoArray(dGh, dg + 2 * stride + j);
        FloatVector z = FloatVector.fromArray(S, act, ar + stride + j);
        IntVector dhp = FloatVector.fromArray(S, dh, dhr + j).mul(z).reinterpretAsInts();
        dhp.blend(dhp.and(SIGN), dhp.and(EXPONENT).eq(ZERO_BITS)).reinterpretAsFloats().intoArray(dhPrev, dp + j);
    }
}
