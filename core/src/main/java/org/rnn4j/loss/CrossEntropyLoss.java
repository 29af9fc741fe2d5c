package org.rnn4j.loss;

import org.rnn4j.tensor.IntTensor;
import java.util.Objects;
import org.rnn4j.autograd.Var;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.Workspace;

/**
 * {@code torch.nn.CrossEntropyLoss}: log-softmax over the class dimension fused with the negative
 * log-likelihood, as one autograd node.
 *
 * <p>Input {@code [N, C]}, {@code [N, C, d1, ...]} (target {@code [N, d1, ...]}) or unbatched {@code [C]}
 * (0-d target). With {@code logp = log_softmax(input)} and V the positions whose target is not
 * {@code ignoreIndex}: {@code NLL = Σ_V w[t]·(-logp[t])}, {@code SMOOTH = Σ_V Σ_c w[c]·(-logp[c])},
 * {@code W = Σ_V w[t]}; mean = {@code ((1-ε)·NLL + (ε/C)·SMOOTH) / W}, sum = the same without /W.
 *
 * <pre>{@code
 * Var loss = CrossEntropyLoss.defaults().withLabelSmoothing(0.1).forward(logits, IntTensor.vector(2, 0, 1));
 * }</pre>
 *
 * @param weight         per-class weights {@code [C]}, or null for ones (copied)
 * @param ignoreIndex    targets equal to it contribute nothing (default -100)
 * @param reduction      mean (default), sum or none
 * @param labelSmoothing ε in [0, 1] (default 0)
 */
public record CrossEntropyLoss(Tensor weight, int ignoreIndex, Reduction reduction, double labelSmoothing) {
    public static final int DEFAULT_IGNORE_INDEX = -100;
    private static final String OP = "cross_entropy";

    public CrossEntropyLoss {
        Objects.requireNonNull(reduction, OP + ": reduction");
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
            throw new IllegalArgumentException(OP + ": label_smoothing must be in [0, 1], got " + labelSmoothing);
        }
        if (weight != null) {
            if (weight.rank() != 1) {
                throw new IllegalArgumentException(OP + ": weight must be 1-D [C], got " + weight.shape());
            }
            weight = weight.copy();
        }
    }

    /** PyTorch's defaults: no weights, ignore_index -100, mean, no smoothing. */
    public static CrossEntropyLoss defaults() {
        return new CrossEntropyLoss(null, DEFAULT_IGNORE_INDEX, Reduction.MEAN, 0.0);
    }

    public CrossEntropyLoss withWeight(Tensor classWeight) {
        return new CrossEntropyLoss(classWeight, ignoreIndex, reduction, labelSmoothing);
    }

    public CrossEntropyLoss withIgnoreIndex(int index) {
        return new CrossEntropyLoss(weight, index, reduction, labelSmoothing);
    }

    public CrossEntropyLoss withReduction(Reduction r) {
        return new CrossEntropyLoss(weight, ignoreIndex, r, labelSmoothing);
    }

    public CrossEntropyLoss withLabelSmoothing(double epsilon) {
        return new CrossEntropyLoss(weight, ignoreIndex, reduction, epsilon);
    }

    /** The loss of logits {@code input} against class indices {@code target}: 0-d, or the target's shape for NONE. */
    public Var forward(Var input, IntTensor target) {
        ClassLayout l = ClassLayout.of(OP, input.shape(), target, weight, ignoreIndex);
        float[] w = weight == null ? null : weight.data();
        float eps = (float) labelSmoothing;
        int[] t = target.data();
        float[] logp = Workspace.floats(input.value().size());  // [outer, C, inner]
        float[] rowLoss = Workspace.floats(l.positions());      // [outer·inner]
        float[] rowWeight = Workspace.floats(l.positions());
        Kernels.loss().crossEntropyForward(l.outer(), l.classes(), l.inner(), input.value().data(), 0, t, 0,
                w, ignoreIndex, eps, logp, rowLoss, rowWeight);
        double total = reduction == Reduction.MEAN ? Kernels.elementwise().sum(rowWeight, 0, rowWeight.length) : 1.0;
        Tensor value = Reduce.value(reduction, rowLoss, l.outShape(), total);
        return Var.of(OP, value, g -> {
            Reduce.RowGrad rg = Reduce.rowGrad(reduction, g, total);
            Kernels.loss().crossEntropyBackwardAdd(l.outer(), l.classes(), l.inner(), logp, t, 0, w, ignoreIndex, eps,
                    rg.g(), rg.off(), rg.stride(), input.gradBuffer().data(), 0);
        }, input);
    }
}
