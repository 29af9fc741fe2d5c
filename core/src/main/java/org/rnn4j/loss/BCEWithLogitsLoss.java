package org.rnn4j.loss;

import org.rnn4j.tensor.IntTensor;
import java.util.Objects;
import org.rnn4j.autograd.Var;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.Workspace;

/**
 * {@code torch.nn.BCEWithLogitsLoss}: sigmoid and binary cross-entropy in one numerically stable
 * node, {@code l = -w·[pw·y·log σ(x) + (1-y)·log(1-σ(x))]}, then mean over all elements or sum.
 * IntTensor y may be soft (any value in [0, 1]); input and target have the same shape.
 *
 * @param weight    rescales each element; broadcast to the input's shape (NumPy rules), or null
 * @param posWeight weight of positive examples, usually per class {@code [C]} broadcast over the last
 *                  dimension; or null
 * @param reduction mean (default), sum or none
 */
public record BCEWithLogitsLoss(Tensor weight, Tensor posWeight, Reduction reduction) {
    private static final String OP = "binary_cross_entropy_with_logits";

    public BCEWithLogitsLoss {
        Objects.requireNonNull(reduction, OP + ": reduction");
        weight = weight == null ? null : weight.copy();
        posWeight = posWeight == null ? null : posWeight.copy();
    }

    /** PyTorch's defaults: no weights, mean. */
    public static BCEWithLogitsLoss defaults() {
        return new BCEWithLogitsLoss(null, null, Reduction.MEAN);
    }

    public BCEWithLogitsLoss withWeight(Tensor w) {
        return new BCEWithLogitsLoss(w, posWeight, reduction);
    }

    public BCEWithLogitsLoss withPosWeight(Tensor pw) {
        return new BCEWithLogitsLoss(weight, pw, reduction);
    }

    public BCEWithLogitsLoss withReduction(Reduction r) {
        return new BCEWithLogitsLoss(weight, posWeight, r);
    }

    public Var forward(Var input, Tensor target) {
        return forward(input, Var.constant(target));
    }

    /** The loss of logits {@code input} against (soft) targets; a target that requires a gradient gets one. */
    public Var forward(Var input, Var target) {
        if (!input.shape().equals(target.shape())) {
            throw new IllegalArgumentException(OP + ": target " + target.shape() + " does not match input " + input.shape());
        }
        int n = input.value().size();
        float[] w = weight == null ? null : Reduce.expand(OP, "weight", weight, input.shape());
        float[] pw = posWeight == null ? null : Reduce.expand(OP, "pos_weight", posWeight, input.shape());
        float[] x = input.value().data();
        float[] y = target.value().data();
        float[] out = Workspace.floats(n);
        Kernels.loss().bceWithLogitsForward(n, x, 0, y, 0, w, pw, out);
        Tensor value = Reduce.value(reduction, out, input.shape(), n);
        return Var.of(OP, value, g -> {
            Reduce.RowGrad rg = Reduce.rowGrad(reduction, g, n);
            float[] gx = input.requiresGrad() ? input.gradBuffer().data() : null;
            float[] gy = target.requiresGrad() ? target.gradBuffer().data() : null;
            Kernels.loss().bceWithLogitsBackwardAdd(n, x, 0, y, 0, w, pw, rg.g(), rg.off(), rg.stride(), gx, gy);
        }, input, target);
    }
}
