package org.rnn4j.train;

import java.util.List;
import org.rnn4j.nn.Parameter;
import org.rnn4j.optim.GradClip;

/** What happens to the gradients between backward and the optimizer step. */
public sealed interface Clipping {

    /** Applied to the parameters' gradients before each optimizer step. */
    void apply(List<Parameter> params);

    /** Gradients as they are. */
    record None() implements Clipping {
        @Override
        public void apply(List<Parameter> params) {
        }
    }

    /** {@code torch.nn.utils.clip_grad_norm_(params, maxNorm)}: the 2-norm over all gradients at most {@code maxNorm}. */
    record Norm(double maxNorm) implements Clipping {
        public Norm {
            if (!(maxNorm > 0)) {
                throw new IllegalArgumentException("clipping: max norm must be > 0, got " + maxNorm);
            }
        }

        @Override
        public void apply(List<Parameter> params) {
            GradClip.clipGradNorm(params, maxNorm);
        }
    }

    /** No clipping. */
    static Clipping none() {
        return new None();
    }

    /** Norm clipping at {@code maxNorm}, or none when it is 0. */
    static Clipping normOrNone(double maxNorm) {
        return maxNorm == 0 ? none() : new Norm(maxNorm);
    }
}
