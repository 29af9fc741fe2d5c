package org.rnn4j.optim;

import java.util.List;
import java.util.Set;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.nn.Parameter;
import org.rnn4j.tensor.Tensor;

/**
 * {@code torch.optim.SGD}: {@code d = g + wd·p}; with momentum μ the buffer starts as {@code d} on a
 * parameter's first step (no dampening) and then follows {@code buf = μ·buf + (1-dampening)·d};
 * {@code d = nesterov ? d + μ·buf : buf}; {@code p -= lr·d}.
 */
public final class SGD extends Optimizer {
    private static final String NAME = "SGD";
    private static final String MOMENTUM_BUFFER = "momentum_buffer";

    /** SGD hyper-parameters; there is no default learning rate (as in PyTorch): start from {@link #lr(double)}. */
    public record Options(double lr, double momentum, double dampening, double weightDecay,
                          boolean nesterov, boolean maximize) implements OptimizerOptions {
        public Options {
            OptimizerOptions.checkNonNegative(NAME, "learning rate", lr);
            OptimizerOptions.checkNonNegative(NAME, "momentum", momentum);
            OptimizerOptions.checkNonNegative(NAME, "weight_decay", weightDecay);
            if (Double.isNaN(dampening)) {
                throw new IllegalArgumentException(NAME + ": invalid dampening NaN");
            }
            if (nesterov && (momentum <= 0 || dampening != 0)) {
                throw new IllegalArgumentException(NAME + ": nesterov momentum requires a momentum > 0 and zero dampening, got momentum "
                        + momentum + ", dampening " + dampening);
            }
        }

        /** Plain SGD with learning rate {@code lr}: no momentum, dampening 0, no weight decay. */
        public static Options lr(double lr) {
            return new Options(lr, 0, 0, 0, false, false);
        }

        @Override
        public Options withLr(double v) {
            return new Options(v, momentum, dampening, weightDecay, nesterov, maximize);
        }

        public Options withMomentum(double v) {
            return new Options(lr, v, dampening, weightDecay, nesterov, maximize);
        }

        public Options withDampening(double v) {
            return new Options(lr, momentum, v, weightDecay, nesterov, maximize);
        }

        public Options withWeightDecay(double v) {
            return new Options(lr, momentum, dampening, v, nesterov, maximize);
        }

        public Options withNesterov(boolean v) {
            return new Options(lr, momentum, dampening, weightDecay, v, maximize);
        }

        public Options withMaximize(boolean v) {
            return new Options(lr, momentum, dampening, weightDecay, nesterov, v);
        }
    }

    private Options options;

    public SGD(List<? extends Parameter> params, Options options) {
        super(NAME, params);
        this.options = options;
    }

    /** Plain SGD with learning rate {@code lr}. */
    public SGD(List<? extends Parameter> params, double lr) {
        this(params, Options.lr(lr));
    }

    @Override
    protected void update(int index, long step, Tensor param, Tensor grad) {
        Options o = options;
        float[] buf = null;
        boolean init = false;
        if (o.momentum() != 0) {
            init = !hasBuffer(index, MOMENTUM_BUFFER);
            buf = buffer(index, MOMENTUM_BUFFER, 0f).data();
        }
        Kernels.optimizer().sgdUpdate(param.size(), param.data(), grad.data(), buf, 0, o.lr(), o.momentum(), o.dampening(),
                o.weightDecay(), o.nesterov(), init, o.maximize());
    }

    @Override
    protected Set<String> bufferNames() {
        return Set.of(MOMENTUM_BUFFER);
    }

    @Override
    public Options options() {
        return options;
    }

    @Override
    protected void setOptions(OptimizerOptions o) {
        if (!(o instanceof Options sgd)) {
            throw new IllegalArgumentException(NAME + ": expected SGD options, got " + o.getClass().getSimpleName());
        }
        this.options = sgd;
    }
}
