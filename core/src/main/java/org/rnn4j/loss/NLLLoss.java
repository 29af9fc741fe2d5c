package org.rnn4j.loss;

import org.rnn4j.tensor.IntTensor;
import java.util.Objects;
import org.rnn4j.autograd.Var;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.Workspace;

/**
 * {@code torch.nn.NLLLoss}: the input already holds log-probabilities (e.g. from log_softmax).
 * Shapes as {@link CrossEntropyLoss}; {@code loss = Σ_V w[t]·(-input[t])}, divided by
 * {@code Σ_V w[t]} for the mean, where V are the positions whose target is not {@code ignoreIndex}.
 *
 * @param weight      per-class weights {@code [C]}, or null for ones (copied)
 * @param ignoreIndex targets equal to it contribute nothing (default -100)
 * @param reduction   mean (default), sum or none
 */
public record NLLLoss(Tensor weight, int ignoreIndex, Reduction reduction) {
    private static final String OP = "nll_loss";

    public NLLLoss {
        Objects.requireNonNull(reduction, OP + ": reduction");
        if (weight != null) {
            if (weight.rank() != 1) {
                throw new IllegalArgumentException(OP + ": weight must be 1-D [C], got " + weight.shape());
            }
            weight = weight.copy();
        }
    }

    /** PyTorch's defaults: no weights, ignore_index -100, mean. */
    public static NLLLoss defaults() {
        return new NLLLoss(null, CrossEntropyLoss.DEFAULT_IGNORE_INDEX, Reduction.MEAN);
    }

    public NLLLoss withWeight(Tensor classWeight) {
        return new NLLLoss(classWeight, ignoreIndex, reduction);
    }

    public NLLLoss withIgnoreIndex(int index) {
        return new NLLLoss(weight, index, reduction);
    }

    public NLLLoss withReduction(Reduction r) {
        return new NLLLoss(weight, ignoreIndex, r);
    }

    /** The loss of log-probabilities {@code input} against class indices {@code target}. */
    public Var forward(Var input, IntTensor target) {
        ClassLayout l = ClassLayout.of(OP, input.shape(), target, weight, ignoreIndex);
        float[] w = weight == null ? null : weight.data();
        int[] t = target.data();
        float[] rowLoss = Workspace.floats(l.positions());   // [outer·inner]
        float[] rowWeight = Workspace.floats(l.positions());
        Kernels.loss().nllForward(l.outer(), l.classes(), l.inner(), input.value().data(), 0, t, 0,
                w, ignoreIndex, rowLoss, rowWeight);
        double total = reduction == Reduction.MEAN ? Kernels.elementwise().sum(rowWeight, 0, rowWeight.length) : 1.0;
        Tensor value = Reduce.value(reduction, rowLoss, l.outShape(), total);
        return Var.of(OP, value, g -> {
            Reduce.RowGrad rg = Reduce.rowGrad(reduction, g, total);
            Kernels.loss().nllBackwardAdd(l.outer(), l.classes(), l.inner(), t, 0, w, ignoreIndex,
                    rg.g(), rg.off(), rg.stride(), input.gradBuffer().data(), 0);
        }, input);
    }
}
