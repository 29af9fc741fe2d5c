package org.rnn4j.optim;

import java.util.List;
import java.util.Set;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.nn.Parameter;
import org.rnn4j.tensor.Tensor;

/**
 * {@code torch.optim.RMSprop}: {@code g += wd·p}; {@code s = α·s + (1-α)·g²}; centered:
 * {@code ḡ = α·ḡ + (1-α)·g}, {@code avg = sqrt(s - ḡ²) + eps}, else {@code avg = sqrt(s) + eps};
 * with momentum {@code buf = μ·buf + g/avg, p -= lr·buf}, else {@code p -= lr·g/avg}.
 */
public final class RMSprop extends Optimizer {
    private static final String NAME = "RMSprop";
    private static final String SQUARE_AVG = "square_avg";
    private static final String MOMENTUM_BUFFER = "momentum_buffer";
    private static final String GRAD_AVG = "grad_avg";

    /** RMSprop's hyper-parameters under PyTorch's names ({@code alpha}, {@code centered}, ...). */
    public record Options(double lr, double alpha, double eps, double weightDecay, double momentum,
                          boolean centered, boolean maximize) implements OptimizerOptions {
        public Options {
            OptimizerOptions.checkNonNegative(NAME, "learning rate", lr);
            OptimizerOptions.checkNonNegative(NAME, "eps", eps);
            OptimizerOptions.checkNonNegative(NAME, "momentum", momentum);
            OptimizerOptions.checkNonNegative(NAME, "weight_decay", weightDecay);
            OptimizerOptions.checkNonNegative(NAME, "alpha", alpha);
        }

        /** RMSprop's defaults: lr 0.01, alpha 0.99, eps 1e-8, no weight decay, no momentum, not centered. */
        public static Options defaults() {
            return new Options(0.01, 0.99, 1e-8, 0, 0, false, false);
        }

        @Override
        public Options withLr(double v) {
            return new Options(v, alpha, eps, weightDecay, momentum, centered, maximize);
        }

        public Options withAlpha(double v) {
            return new Options(lr, v, eps, weightDecay, momentum, centered, maximize);
        }

        public Options withEps(double v) {
            return new Options(lr, alpha, v, weightDecay, momentum, centered, maximize);
        }

        public Options withWeightDecay(double v) {
            return new Options(lr, alpha, eps, v, momentum, centered, maximize);
        }

        public Options withMomentum(double v) {
            return new Options(lr, alpha, eps, weightDecay, v, centered, maximize);
        }

        public Options withCentered(boolean v) {
            return new Options(lr, alpha, eps, weightDecay, momentum, v, maximize);
        }

        public Options withMaximize(boolean v) {
            return new Options(lr, alpha, eps, weightDecay, momentum, centered, v);
        }
    }

    private Options options;

    public RMSprop(List<? extends Parameter> params, Options options) {
        super(NAME, params);
        this.options = options;
    }

    /** RMSprop with its defaults. */
    public RMSprop(List<? extends Parameter> params) {
        this(params, Options.defaults());
    }

    @Override
    protected void update(int index, long step, Tensor param, Tensor grad) {
        Options o = options;
        float[] squareAvg = buffer(index, SQUARE_AVG, 0f).data();
        float[] buf = o.momentum() > 0 ? buffer(index, MOMENTUM_BUFFER, 0f).data() : null;
        float[] gradAvg = o.centered() ? buffer(index, GRAD_AVG, 0f).data() : null;
        Kernels.optimizer().rmspropUpdate(param.size(), param.data(), grad.data(), squareAvg, gradAvg, buf, 0,
                o.lr(), o.alpha(), o.eps(), o.weightDecay(), o.momentum(), o.maximize());
    }

    @Override
    protected Set<String> bufferNames() {
        return Set.of(SQUARE_AVG, MOMENTUM_BUFFER, GRAD_AVG);
    }

    @Override
    public Options options() {
        return options;
    }

    @Override
    protected void setOptions(OptimizerOptions o) {
        if (!(o instanceof Options r)) {
            throw new IllegalArgumentException(NAME + ": expected RMSprop options, got " + o.getClass().getSimpleName());
        }
        this.options = r;
    }
}
