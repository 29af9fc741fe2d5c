package org.rnn4j.optim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.rnn4j.autograd.Var;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.KernelSet;
import org.rnn4j.tensor.Tensor;

/**
 * Gradient clipping, {@code torch.nn.utils.clip_grad_norm_} and {@code clip_grad_value_}. Variables
 * without a gradient are ignored. Arithmetic on the norm follows PyTorch's float32 steps.
 */
public final class GradClip {
    private GradClip() {
    }

    /** {@link #clipGradNorm(Collection, double, double)} with the 2-norm. */
    public static double clipGradNorm(Collection<? extends Var> params, double maxNorm) {
        return clipGradNorm(params, maxNorm, 2.0, false);
    }

    /** {@link #clipGradNorm(Collection, double, double, boolean)} without the non-finite check. */
    public static double clipGradNorm(Collection<? extends Var> params, double maxNorm, double normType) {
        return clipGradNorm(params, maxNorm, normType, false);
    }

    /**
     * Rescales all gradients together so that their total norm is at most {@code maxNorm}.
     *
     * <p>{@code total = (Σ_all |g|^p)^(1/p)} — the p-norm of the per-tensor p-norms — or
     * {@code max |g|} for {@code normType = +∞}; {@code coef = min(maxNorm / (total + 1e-6), 1)}; every
     * gradient is multiplied by coef (also when it is 1).
     *
     * @param normType          p > 0, or {@link Double#POSITIVE_INFINITY}
     * @param errorIfNonfinite  throw when the total norm is NaN or infinite instead of scaling by it
     * @return the total norm before clipping (a float32 value; 0 when no variable has a gradient)
     */
    public static double clipGradNorm(Collection<? extends Var> params, double maxNorm, double normType,
                                      boolean errorIfNonfinite) {
        if (!(maxNorm >= 0)) {
            throw new IllegalArgumentException("clip_grad_norm_: max_norm must be >= 0, got " + maxNorm);
        }
        if (!(normType > 0)) {
            throw new IllegalArgumentException("clip_grad_norm_: norm_type must be > 0 or inf, got " + normType);
        }
        List<Tensor> grads = grads(params);
        if (grads.isEmpty()) {
            return 0.0;
        }
        KernelSet k = Kernels.get();
        float total;
        if (normType == Double.POSITIVE_INFINITY) {
            total = 0f;
            for (Tensor g : grads) {
                float m = k.optimizer().maxAbs(g.size(), g.data(), 0);
                total = Float.isNaN(m) || Float.isNaN(total) ? Float.NaN : Math.max(total, m);
            }
        } else {
            // each tensor's norm is a float32 value, as torch.norm(g, p) returns; then the norm of those
            float[] norms = new float[grads.size()];
            for (int i = 0; i < norms.length; i++) {
                Tensor g = grads.get(i);
                norms[i] = (float) root(k.optimizer().sumAbsPow(g.size(), g.data(), 0, normType), normType);
            }
            total = (float) root(k.optimizer().sumAbsPow(norms.length, norms, 0, normType), normType);
        }
        if (errorIfNonfinite && !Float.isFinite(total)) {
            throw new IllegalStateException("clip_grad_norm_: the total norm of order " + normType
                    + " of the gradients is non-finite (" + total + "), so it cannot be clipped");
        }
        // PyTorch: clip_coef = max_norm / (total_norm + 1e-6) on a float32 tensor, i.e. reciprocal(·)·max_norm
        float coef = (1f / (total + 1e-6f)) * (float) maxNorm;
        coef = Float.isNaN(coef) ? coef : Math.min(coef, 1f);
        for (Tensor g : grads) {
            k.elementwise().scale(g.size(), coef, g.data(), 0);
        }
        return total;
    }

    private static double root(double sum, double p) {
        return p == 2 ? Math.sqrt(sum) : p == 1 ? sum : Math.pow(sum, 1.0 / p);
    }

    /** Clamps every gradient element to {@code [-clipValue, clipValue]} in place. */
    public static void clipGradValue(Collection<? extends Var> params, double clipValue) {
        if (!(clipValue >= 0)) {
            throw new IllegalArgumentException("clip_grad_value_: clip_value must be >= 0, got " + clipValue);
        }
        float c = (float) clipValue;
        for (Tensor g : grads(params)) {
            Kernels.optimizer().clamp(g.size(), -c, c, g.data(), 0);
        }
    }

    private static List<Tensor> grads(Collection<? extends Var> params) {
        List<Tensor> out = new ArrayList<>();
        for (Var v : params) {
            if (v.grad() != null) {
                out.add(v.grad());
            }
        }
        return out;
    }
}
