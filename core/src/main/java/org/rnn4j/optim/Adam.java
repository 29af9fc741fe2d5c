package org.rnn4j.optim;

import java.util.List;
import java.util.Set;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.nn.Parameter;
import org.rnn4j.tensor.Tensor;

/**
 * {@code torch.optim.Adam}: {@code g += wd·p} (L2); {@code m = β1·m + (1-β1)·g},
 * {@code v = β2·v + (1-β2)·g²}, {@code v̂ = amsgrad ? (vmax = max(vmax, v)) : v};
 * {@code p -= (lr / (1-β1^t)) · m / (sqrt(v̂)/sqrt(1-β2^t) + eps)} — eps is added after the
 * bias-corrected square root, exactly as PyTorch does.
 */
public class Adam extends Optimizer {
    private static final String EXP_AVG = "exp_avg";
    private static final String EXP_AVG_SQ = "exp_avg_sq";
    private static final String MAX_EXP_AVG_SQ = "max_exp_avg_sq";

    /** Adam / AdamW hyper-parameters (PyTorch's names: betas = (beta1, beta2)). */
    public record Options(double lr, double beta1, double beta2, double eps, double weightDecay,
                          boolean amsgrad, boolean maximize) implements OptimizerOptions {
        public Options {
            OptimizerOptions.checkNonNegative("Adam", "learning rate", lr);
            OptimizerOptions.checkNonNegative("Adam", "eps", eps);
            OptimizerOptions.checkNonNegative("Adam", "weight_decay", weightDecay);
            if (!(beta1 >= 0 && beta1 < 1)) {
                throw new IllegalArgumentException("Adam: invalid beta1 " + beta1 + " (expected in [0, 1))");
            }
            if (!(beta2 >= 0 && beta2 < 1)) {
                throw new IllegalArgumentException("Adam: invalid beta2 " + beta2 + " (expected in [0, 1))");
            }
        }

        /** Adam's defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, no weight decay, no amsgrad. */
        public static Options defaults() {
            return new Options(1e-3, 0.9, 0.999, 1e-8, 0, false, false);
        }

        @Override
        public Options withLr(double v) {
            return new Options(v, beta1, beta2, eps, weightDecay, amsgrad, maximize);
        }

        public Options withBetas(double b1, double b2) {
            return new Options(lr, b1, b2, eps, weightDecay, amsgrad, maximize);
        }

        public Options withEps(double v) {
            return new Options(lr, beta1, beta2, v, weightDecay, amsgrad, maximize);
        }

        public Options withWeightDecay(double v) {
            return new Options(lr, beta1, beta2, eps, v, amsgrad, maximize);
        }

        public Options withAmsgrad(boolean v) {
            return new Options(lr, beta1, beta2, eps, weightDecay, v, maximize);
        }

        public Options withMaximize(boolean v) {
            return new Options(lr, beta1, beta2, eps, weightDecay, amsgrad, v);
        }
    }

    private final boolean decoupledWeightDecay;
    private Options options;

    public Adam(List<? extends Parameter> params, Options options) {
        this("Adam", params, options, false);
    }

    /** Adam with its defaults. */
    public Adam(List<? extends Parameter> params) {
        this(params, Options.defaults());
    }

    Adam(String name, List<? extends Parameter> params, Options options, boolean decoupledWeightDecay) {
        super(name, params);
        this.options = options;
        this.decoupledWeightDecay = decoupledWeightDecay;
    }

    @Override
    protected void update(int index, long step, Tensor param, Tensor grad) {
        Options o = options;
        int n = param.size();
        if (decoupledWeightDecay) {
            Kernels.elementwise().scale(n, (float) (1 - o.lr() * o.weightDecay()), param.data(), 0); // AdamW: p *= 1 - lr·wd
        }
        float[] m = buffer(index, EXP_AVG, 0f).data();
        float[] v = buffer(index, EXP_AVG_SQ, 0f).data();
        float[] vmax = o.amsgrad() ? buffer(index, MAX_EXP_AVG_SQ, 0f).data() : null;
        double biasCorrection1 = 1 - Math.pow(o.beta1(), step);
        double biasCorrection2 = 1 - Math.pow(o.beta2(), step);
        Kernels.optimizer().adamUpdate(n, param.data(), grad.data(), m, v, vmax, 0, o.beta1(), o.beta2(), o.eps(),
                decoupledWeightDecay ? 0 : o.weightDecay(), o.lr() / biasCorrection1, Math.sqrt(biasCorrection2),
                o.maximize());
    }

    @Override
    protected Set<String> bufferNames() {
        return Set.of(EXP_AVG, EXP_AVG_SQ, MAX_EXP_AVG_SQ);
    }

    @Override
    public Options options() {
        return options;
    }

    @Override
    protected void setOptions(OptimizerOptions o) {
        if (!(o instanceof Options adam)) {
            throw new IllegalArgumentException(name() + ": expected Adam options, got " + o.getClass().getSimpleName());
        }
        this.options = adam;
    }
}
