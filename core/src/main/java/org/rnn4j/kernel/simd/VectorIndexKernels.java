package org.rnn4j.kernel.simd;

import static org.rnn4j.kernel.simd.VectorGemm.L;
import static org.rnn4j.kernel.simd.VectorGemm.S;

import jdk.incubator.vector.FloatVector;
import org.rnn4j.kernel.ScalarIndexKernels;

/**
 * {@link org.rnn4j.kernel.IndexKernels} on the Vector API: the row accumulation of {@code indexAdd}
 * (the backward of an embedding or a row selection: {@code dst[o, idx[j], :] += src[o, j, :]}) adds
 * whole rows of {@code inner} floats a vector at a time, the same additions as the reference in the
 * same order (bitwise equal). The other index kernels are copies or strided walks and are the
 * reference's.
 */
public class VectorIndexKernels extends ScalarIndexKernels {

    @Override
    public void indexAdd(int outer, int n, int inner, int[] idx, int idxOff, int k, int skip,
                         float[] src, int srcOff, float[] dst, int dstOff) {
        int upper = S.loopBound(inner);
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < k; j++) {
                int row = idx[idxOff + j];
                if (row == skip) {
                    continue;
                }
                int s = srcOff + (o * k + j) * inner;
                int d = dstOff + (o * n + row) * inner;
                for (int i = 0; i < upper; i += L) {
                    FloatVector.fromArray(S, dst, d + i).add(FloatVector.fromArray(S, src, s + i)).intoArray(dst, d + i);
                }
                for (int i = upper; i < inner; i++) {
                    dst[d + i] += src[s + i];
                }
            }
        }
    }
}
