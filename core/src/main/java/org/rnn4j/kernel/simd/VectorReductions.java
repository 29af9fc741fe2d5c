package org.rnn4j.kernel.simd;

import static org.rnn4j.kernel.simd.VectorGemm.L;
import static org.rnn4j.kernel.simd.VectorGemm.S;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Sum and dot product accumulated in double, as the reference does, but in a fixed vector order:
 * each float vector is widened into two double vectors that feed two running double vectors; the
 * lanes are added at the end in index order, then the scalar tail. Single-threaded (the order
 * never depends on anything but n).
 */
final class VectorReductions {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    private VectorReductions() {
    }

    private static DoubleVector widen(FloatVector v, int part) {
        return (DoubleVector) v.convertShape(VectorOperators.F2D, D, part);
    }

    /** The lanes of the running sums in index order (low part first). */
    private static double lanes(DoubleVector lo, DoubleVector hi) {
        double s = 0;
        for (int i = 0; i < D.length(); i++) {
            s += lo.lane(i);
        }
        for (int i = 0; i < D.length(); i++) {
            s += hi.lane(i);
        }
        return s;
    }

    static double sum(float[] x, int xOff, int n) {
        if (D.length() * 2 != L) { // an unusual shape pairing: the reference is exact enough
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += x[xOff + i];
            }
            return s;
        }
        DoubleVector lo = DoubleVector.zero(D);
        DoubleVector hi = lo;
        int upper = S.loopBound(n);
        for (int i = 0; i < upper; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + i);
            lo = lo.add(widen(v, 0));
            hi = hi.add(widen(v, 1));
        }
        double s = lanes(lo, hi);
        for (int i = upper; i < n; i++) {
            s += x[xOff + i];
        }
        return s;
    }

    static double dot(int n, float[] x, int xOff, float[] y, int yOff) {
        if (D.length() * 2 != L) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += (double) x[xOff + i] * y[yOff + i];
            }
            return s;
        }
        DoubleVector lo = DoubleVector.zero(D);
        DoubleVector hi = lo;
        int upper = S.loopBound(n);
        for (int i = 0; i < upper; i += L) {
            FloatVector a = FloatVector.fromArray(S, x, xOff + i);
            FloatVector b = FloatVector.fromArray(S, y, yOff + i);
            lo = widen(a, 0).fma(widen(b, 0), lo);
            hi = widen(a, 1).fma(widen(b, 1), hi);
        }
        double s = lanes(lo, hi);
        for (int i = upper; i < n; i++) {
            s += (double) x[xOff + i] * y[yOff + i];
        }
        return s;
    }
}
