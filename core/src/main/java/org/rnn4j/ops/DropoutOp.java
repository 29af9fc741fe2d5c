package org.rnn4j.ops;

import org.rnn4j.autograd.Var;
import org.rnn4j.kernel.BinaryOp;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.Workspace;

/** Inverted dropout: in training each element is zeroed with probability p and the rest scaled by 1/(1-p). */
public final class DropoutOp {
    private DropoutOp() {
    }

    /**
     * {@code F.dropout(x, p, training)}: identity (x itself) when not training or p = 0; zeros when
     * p = 1; otherwise {@code x · mask} with mask ∈ {0, 1/(1-p)} drawn from {@code rng}.
     */
    public static Var dropout(Var x, double p, boolean training, Rng rng) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("dropout: probability has to be between 0 and 1, but got " + p);
        }
        if (!training || p == 0.0) {
            return x;
        }
        int n = x.value().size();
        Tensor mask = Workspace.zeros(x.shape());
        if (p < 1.0) {
            rng.fillUniform(mask.data(), 0f, 1f);
            Kernels.elementwise().dropoutMask(n, (float) p, (float) (1.0 / (1.0 - p)), mask.data(), 0);
        }
        Tensor out = Workspace.zeros(x.shape());
        Kernels.elementwise().binary(BinaryOp.MUL, x.value().data(), 0, mask.data(), 0, out.data(), 0, n);
        return Var.of("dropout", out, gy -> {
            if (x.requiresGrad()) { // gx += gy · mask
                Kernels.elementwise().binaryAdd(BinaryOp.MUL, gy.data(), 0, mask.data(), 0, x.gradBuffer().data(), 0, n);
            }
        }, x);
    }
}
