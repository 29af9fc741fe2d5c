package org.rnn4j.loss;

import java.util.Arrays;
import java.util.Objects;
import org.rnn4j.autograd.Var;
import org.rnn4j.kernel.BinaryOp;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.KernelSet;
import org.rnn4j.kernel.UnaryOp;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.Workspace;

/**
 * {@code torch.nn.L1Loss}: {@code |input - target|}, averaged (default), summed or per element. As
 * torch computes it ({@code (input - target).abs()} then the reduction), the gradient is
 * {@code sgn(input - target)} — 0 where they are equal — times the upstream gradient, divided by the
 * element count for the mean. Input and target must have the same shape; both receive gradients
 * when they require one.
 *
 * <p>{@code |d|} is computed as {@code relu(d) + relu(-d)}, and its gradient as the two relu
 * gradients, so that the kernels in use need no absolute-value pair of their own: both are exact.
 */
public record L1Loss(Reduction reduction) {
    private static final String OP = "l1_loss";

    public L1Loss {
        Objects.requireNonNull(reduction, OP + ": reduction");
    }

    /** Mean reduction. */
    public L1Loss() {
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
        KernelSet k = Kernels.get();
        float[] d = Workspace.floats(n);     // input - target
        float[] neg = Workspace.floats(n);   // target - input
        float[] pos = Workspace.floats(n);   // relu(d)
        float[] back = Workspace.floats(n);  // relu(-d)
        k.elementwise().binary(BinaryOp.SUB, input.value().data(), 0, target.value().data(), 0, d, 0, n);
        k.elementwise().unary(UnaryOp.NEG, d, 0, neg, 0, n);
        k.elementwise().unary(UnaryOp.RELU, d, 0, pos, 0, n);
        k.elementwise().unary(UnaryOp.RELU, neg, 0, back, 0, n);
        float[] abs = Workspace.floats(n);
        k.elementwise().binary(BinaryOp.ADD, pos, 0, back, 0, abs, 0, n);
        Tensor value = Reduce.value(reduction, abs, input.shape(), n);
        return Var.of(OP, value, g -> {
            float[] up = upstream(g, n);                // [n]: the upstream gradient of each element
            float[] gd = Workspace.zeros(input.shape()).data(); // sgn(d) · up
            k.elementwise().unaryBackwardAdd(UnaryOp.RELU, d, 0, pos, 0, up, 0, gd, 0, n);
            float[] gn = Workspace.zeros(input.shape()).data(); // [d < 0] · up
            k.elementwise().unaryBackwardAdd(UnaryOp.RELU, neg, 0, back, 0, up, 0, gn, 0, n);
            k.elementwise().binary(BinaryOp.SUB, gd, 0, gn, 0, gd, 0, n);
            if (input.requiresGrad()) {
                k.elementwise().axpy(n, 1f, gd, 0, input.gradBuffer().data(), 0);
            }
            if (target.requiresGrad()) {
                k.elementwise().axpy(n, -1f, gd, 0, target.gradBuffer().data(), 0);
            }
        }, input, target);
    }

    /** Each element's upstream gradient: g itself (none), or g shared, divided by n for the mean as torch does. */
    private float[] upstream(Tensor g, int n) {
        if (reduction == Reduction.NONE) {
            return g.data();
        }
        float[] up = Workspace.floats(n);
        Arrays.fill(up, reduction == Reduction.MEAN ? g.item() / n : g.item());
        return up;
    }
}
