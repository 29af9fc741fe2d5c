package org.rnn4j.kernel.simd;

import static org.rnn4j.kernel.simd.VectorGemm.L;
import static org.rnn4j.kernel.simd.VectorGemm.S;

import jdk.incubator.vector.FloatVector;
import org.rnn4j.kernel.Denormals;

/**
 * {@link VectorMath}'s functions over one range of an array, and the scalar subnormal flush.
 *
 * <p>Each method applies one function over one range and takes only arrays and offsets: C2 stops
 * inlining inside a method whose graph grows too large (NodeCountInliningCutoff — a switch over
 * every activation in one method reached it), and a vector passed to or returned from a call that
 * is not inlined is boxed on the heap at every call: correct, but several times slower and
 * garbage (see {@code KernelGarbageTest}). The last partial vector goes through the same
 * whole-vector loop on a padded copy, so a value's result does not depend on where it sits.
 */
final class VectorActivations {
    private VectorActivations() {
    }


    /** ±0 where |x| is subnormal (the sign kept), x elsewhere: the reference's flush of backward results. */
    static float ftz(float x) {
        return Math.abs(x) < Denormals.FLUSH_BELOW ? Math.copySign(0f, x) : x;
    }

    // ---------------------------------------------------------------- tails

    /**
     * One thread's zero-padded copies of the last partial vector of a range (up to 8 operands of one
     * vector each). The tail runs through the same whole-vector loop as the rest: the same function
     * for every element, and no masked loads or stores (on JDK 17 a masked store is not an
     * intrinsic and boxes its vector).
     */
    private static final ThreadLocal<float[]> TAILS = ThreadLocal.withInitial(() -> new float[8 * L]);

    /** The tail buffer with {@code count} values of {@code x} from {@code from} copied into slot {@code slot}, rest 0. */
    static float[] tail(int slot, float[] x, int from, int count) {
        float[] t = TAILS.get();
        int base = slot * L;
        System.arraycopy(x, from, t, base, count);
        java.util.Arrays.fill(t, base + count, base + L, 0f);
        return t;
    }

    // ---------------------------------------------------------------- activations over one range

    /** {@code out[i] = σ(x[i])} for i in [0, n); out may be x. */
    static void sigmoid(float[] x, int xo, float[] out, int oo, int n) {
        int upper = S.loopBound(n);
        sigmoidVectors(x, xo, out, oo, upper);
        if (upper < n) {
            float[] t = tail(0, x, xo + upper, n - upper);
            sigmoidVectors(t, 0, t, 0, L);
            System.arraycopy(t, 0, out, oo + upper, n - upper);
        }
    }

    private static void sigmoidVectors(float[] x, int xo, float[] out, int oo, int upper) {
        for (int i = 0; i < upper; i += L) {
            VectorMath.sigmoid(FloatVector.fromArray(S, x, xo + i)).intoArray(out, oo + i);
        }
    }

    /** {@code out[i] = tanh(x[i])} for i in [0, n); out may be x. */
    static void tanh(float[] x, int xo, float[] out, int oo, int n) {
        int upper = S.loopBound(n);
        tanhVectors(x, xo, out, oo, upper);
        if (upper < n) {
            float[] t = tail(0, x, xo + upper, n - upper);
            tanhVectors(t, 0, t, 0, L);
            System.arraycopy(t, 0, out, oo + upper, n - upper);
        }
    }

    private static void tanhVectors(float[] x, int xo, float[] out, int oo, int upper) {
        for (int i = 0; i < upper; i += L) {
            VectorMath.tanh(FloatVector.fromArray(S, x, xo + i)).intoArray(out, oo + i);
        }
    }

    /** {@code out[i] = exp(x[i])} for i in [0, n); out may be x. */
    static void exp(float[] x, int xo, float[] out, int oo, int n) {
        int upper = S.loopBound(n);
        expVectors(x, xo, out, oo, upper);
        if (upper < n) {
            float[] t = tail(0, x, xo + upper, n - upper);
            expVectors(t, 0, t, 0, L);
            System.arraycopy(t, 0, out, oo + upper, n - upper);
        }
    }

    private static void expVectors(float[] x, int xo, float[] out, int oo, int upper) {
        for (int i = 0; i < upper; i += L) {
            VectorMath.exp(FloatVector.fromArray(S, x, xo + i)).intoArray(out, oo + i);
        }
    }

    /** {@code a[i] = σ(a[i] + b[i])} for i in [0, n). */
    static void sigmoidOfSum(float[] a, int ao, float[] b, int bo, int n) {
        int upper = S.loopBound(n);
        sigmoidOfSumVectors(a, ao, b, bo, upper);
        if (upper < n) {
            tail(0, a, ao + upper, n - upper);
            float[] t = tail(1, b, bo + upper, n - upper);
            sigmoidOfSumVectors(t, 0, t, L, L);
            System.arraycopy(t, 0, a, ao + upper, n - upper);
        }
    }

    private static void sigmoidOfSumVectors(float[] a, int ao, float[] b, int bo, int upper) {
        for (int i = 0; i < upper; i += L) {
            VectorMath.sigmoid(FloatVector.fromArray(S, a, ao + i).add(FloatVector.fromArray(S, b, bo + i))).intoArray(a, ao + i);
        }
    }
}
