package org.rnn4j.loss;

import java.util.Objects;
import org.rnn4j.autograd.Var;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.Workspace;

/**
 * {@code torch.nn.MSELoss}: {@code (input - target)²}, averaged (default) or summed. Input and
 * target must have the same shape; both receive gradients when they require one.
 */
public record MSELoss(Reduction reduction) {
    private static final String OP = "mse_loss";

    public MSELoss {
        Objects.requireNonNull(reduction, OP + ": reduction");
    }

    /** Mean reduction. */
    public MSELoss() {
        this(Reduction.MEAN);
    }

    public Var forward(Var input, Tensor target) {
        return forward(input, Var.constant(target));
    }

    public Var forward(Var input, Var target) {
        if (!input.shape().equals(target.shape())) {
            throw new IllegalArgumentException(OP + ": target " + target.shape() + " does not match input " + input.shape());
        }
        int n = input.value().size();
        float[] x = input.value().data();
        float[] y = target.value().data();
        float[] sq = Workspace.floats(n);
        Kernels.loss().squaredDiff(n, x, 0, y, 0, sq, 0);
        Tensor value = Reduce.value(reduction, sq, input.shape(), n);
        return Var.of(OP, value, g -> {
            Reduce.RowGrad rg = Reduce.rowGrad(reduction, g, n);
            float[] gx = input.requiresGrad() ? input.gradBuffer().data() : null;
            float[] gy = target.requiresGrad() ? target.gradBuffer().data() : null;
            Kernels.loss().mseBackwardAdd(n, x, 0, y, 0, rg.g(), rg.off(), rg.stride(), 1f, gx, gy);
        }, input, target);
    }
}
