package org.rnn4j.nn;

import java.util.Optional;
import org.rnn4j.autograd.Var;
import org.rnn4j.ops.MatrixOps;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Tensor;

/**
 * {@code torch.nn.Linear}: {@code y = x·weightᵀ + bias} with parameters {@code weight}
 * [out_features, in_features] and {@code bias} [out_features]. Input [..., in_features] (any leading
 * dims, or 1-D), output [..., out_features].
 */
public final class Linear extends Module {
    private final int inFeatures;
    private final int outFeatures;
    private final Parameter weight;
    private final Parameter bias;

    /**
     * PyTorch's default init: weight by kaiming_uniform(a = √5), i.e. U(-1/√in, 1/√in), then bias
     * U(-1/√in, 1/√in).
     */
    public Linear(int inFeatures, int outFeatures, boolean bias, Rng rng) {
        if (inFeatures < 0 || outFeatures < 0) {
            throw new IllegalArgumentException("linear: in_features and out_features must be >= 0, got "
                    + inFeatures + " and " + outFeatures);
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        Tensor w = Tensor.zeros(outFeatures, inFeatures);
        if (inFeatures > 0) {
            Init.kaimingUniform(w, Math.sqrt(5.0), rng);
        }
        this.weight = registerParameter("weight", new Parameter(w));
        if (bias) {
            Tensor b = Tensor.zeros(outFeatures);
            if (inFeatures > 0) {
                double bound = 1.0 / Math.sqrt(inFeatures);
                Init.uniform(b, -bound, bound, rng);
            }
            this.bias = registerParameter("bias", new Parameter(b));
        } else {
            this.bias = null;
        }
    }

    /** With a bias. */
    public Linear(int inFeatures, int outFeatures, Rng rng) {
        this(inFeatures, outFeatures, true, rng);
    }

    /** x [..., in_features] → [..., out_features]. */
    public Var forward(Var x) {
        return MatrixOps.linear(x, weight, bias == null ? null : bias);
    }

    public int inFeatures() {
        return inFeatures;
    }

    public int outFeatures() {
        return outFeatures;
    }

    public Parameter weight() {
        return weight;
    }

    /** The bias, empty when built with {@code bias = false}. */
    public Optional<Parameter> bias() {
        return Optional.ofNullable(bias);
    }

    @Override
    protected String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + (bias != null ? "True" : "False");
    }
}
