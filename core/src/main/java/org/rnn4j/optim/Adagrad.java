package org.rnn4j.optim;

import java.util.List;
import java.util.Set;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.nn.Parameter;
import org.rnn4j.tensor.Tensor;

/**
 * {@code torch.optim.Adagrad}: {@code g += wd·p}; {@code clr = lr / (1 + (t-1)·lr_decay)};
 * {@code sum += g²} (starting at initial_accumulator_value); {@code p -= clr·g / (sqrt(sum) + eps)}.
 */
public final class Adagrad extends Optimizer {
    private static final String NAME = "Adagrad";
    private static final String SUM = "sum";

    /** Adagrad's hyper-parameters under PyTorch's names ({@code lr_decay}, {@code initial_accumulator_value}, ...). */
    public record Options(double lr, double lrDecay, double weightDecay, double initialAccumulatorValue,
                          double eps, boolean maximize) implements OptimizerOptions {
        public Options {
            OptimizerOptions.checkNonNegative(NAME, "learning rate", lr);
            OptimizerOptions.checkNonNegative(NAME, "lr_decay", lrDecay);
            OptimizerOptions.checkNonNegative(NAME, "weight_decay", weightDecay);
            OptimizerOptions.checkNonNegative(NAME, "initial_accumulator_value", initialAccumulatorValue);
            OptimizerOptions.checkNonNegative(NAME, "eps", eps);
        }

        /** Adagrad's defaults: lr 0.01, no lr decay, no weight decay, accumulator 0, eps 1e-10. */
        public static Options defaults() {
            return new Options(0.01, 0, 0, 0, 1e-10, false);
        }

        @Override
        public Options withLr(double v) {
            return new Options(v, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize);
        }

        public Options withLrDecay(double v) {
            return new Options(lr, v, weightDecay, initialAccumulatorValue, eps, maximize);
        }

        public Options withWeightDecay(double v) {
            return new Options(lr, lrDecay, v, initialAccumulatorValue, eps, maximize);
        }

        public Options withInitialAccumulatorValue(double v) {
            return new Options(lr, lrDecay, weightDecay, v, eps, maximize);
        }

        public Options withEps(double v) {
            return new Options(lr, lrDecay, weightDecay, initialAccumulatorValue, v, maximize);
        }

        public Options withMaximize(boolean v) {
            return new Options(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, v);
        }
    }

    private Options options;

    public Adagrad(List<? extends Parameter> params, Options options) {
        super(NAME, params);
        this.options = options;
    }

    /** Adagrad with its defaults. */
    public Adagrad(List<? extends Parameter> params) {
        this(params, Options.defaults());
    }

    @Override
    protected void update(int index, long step, Tensor param, Tensor grad) {
        Options o = options;
        float[] sum = buffer(index, SUM, (float) o.initialAccumulatorValue()).data();
        double clr = o.lr() / (1 + (step - 1) * o.lrDecay());
        Kernels.optimizer().adagradUpdate(param.size(), param.data(), grad.data(), sum, 0, clr, o.eps(), o.weightDecay(),
                o.maximize());
    }

    @Override
    protected Set<String> bufferNames() {
        return Set.of(SUM);
    }

    @Override
    public Options options() {
        return options;
    }

    @Override
    protected void setOptions(OptimizerOptions o) {
        if (!(o instanceof Options a)) {
            throw new IllegalArgumentException(NAME + ": expected Adagrad options, got " + o.getClass().getSimpleName());
        }
        this.options = a;
    }
}
