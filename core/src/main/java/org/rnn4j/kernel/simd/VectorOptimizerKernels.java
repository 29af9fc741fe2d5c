package org.rnn4j.kernel.simd;

import static org.rnn4j.kernel.simd.Chunks.chunks;
import static org.rnn4j.kernel.simd.VectorGemm.L;
import static org.rnn4j.kernel.simd.VectorGemm.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.rnn4j.kernel.ScalarOptimizerKernels;

/**
 * {@link org.rnn4j.kernel.OptimizerKernels} on the Vector API: plain Adam / AdamW vectorised,
 * bitwise equal to the reference; every other update and the norms are the reference's.
 */
public class VectorOptimizerKernels extends ScalarOptimizerKernels {

    /** Vectorised for plain Adam / AdamW (no amsgrad, no maximize); the other variants use the reference loop. */
    @Override
    public void adamUpdate(int n, float[] p, float[] g, float[] m, float[] v, float[] vmax, int off,
                           double beta1, double beta2, double eps, double weightDecay,
                           double stepSize, double bc2Sqrt, boolean maximize) {
        if (vmax != null || maximize) {
            super.adamUpdate(n, p, g, m, v, vmax, off, beta1, beta2, eps, weightDecay, stepSize, bc2Sqrt, maximize);
            return;
        }
        // The same float operations, in the same order, as the reference loop (bitwise equal).
        float b1 = (float) beta1;
        float w1 = (float) (1 - beta1);
        float b2 = (float) beta2;
        float w2 = (float) (1 - beta2);
        float negStep = (float) -stepSize;
        float bc2 = (float) bc2Sqrt;
        float e = (float) eps;
        float wd = (float) weightDecay;
        chunks(n, (lo, hi) -> {
            int upper = lo + S.loopBound(hi - lo);
            for (int i = off + lo; i < off + upper; i += L) {
                FloatVector pv = FloatVector.fromArray(S, p, i);
                FloatVector gv = FloatVector.fromArray(S, g, i);
                if (weightDecay != 0) {
                    gv = gv.add(pv.mul(wd));
                }
                FloatVector mv = FloatVector.fromArray(S, m, i).mul(b1).add(gv.mul(w1));
                FloatVector vv = FloatVector.fromArray(S, v, i).mul(b2).add(gv.mul(w2).mul(gv));
                mv.intoArray(m, i);
                vv.intoArray(v, i);
                FloatVector denom = vv.lanewise(VectorOperators.SQRT).div(bc2).add(e);
                pv.add(mv.mul(negStep).div(denom)).intoArray(p, i);
            }
            super.adamUpdate(hi - upper, p, g, m, v, null, off + upper, beta1, beta2, eps, weightDecay,
                    stepSize, bc2Sqrt, false);
        });
    }
}
