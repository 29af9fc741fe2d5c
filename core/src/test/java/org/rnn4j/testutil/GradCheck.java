package org.rnn4j.testutil;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.rnn4j.autograd.Var;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Tensor;

/**
 * Finite-difference gradient checks in float32 — the one place that states their tolerances.
 *
 * <p>The output is reduced to a scalar {@code L = Σ w_i·out_i} with fixed random weights (summed in
 * double), the analytic gradient comes from {@code backward(w)}, and the numeric one from central
 * differences {@code (L(x+ε) − L(x−ε)) / 2ε} on every element of every input. float32 rounding in
 * the forward pass limits the agreement to about 1e-3 relative for ε = 1e-2 on well-scaled inputs.
 */
public final class GradCheck {
    public static final float EPS = 1e-2f;
    public static final double RTOL = 2e-2;
    public static final double ATOL = 2e-3;

    private GradCheck() {
    }

    /**
     * Checks d(Σ w·f())/d(input) for every input. {@code f} must recompute the output from the inputs'
     * current values each call (it is called 2·Σ|input| + 1 times).
     */
    public static void check(String what, List<Var> inputs, Supplier<Var> f) {
        Var out = f.get();
        Rng rng = new Rng(what.hashCode());
        float[] w = new float[out.value().size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.uniform(-1f, 1f);
        }
        Tensor seed = Tensor.wrap(out.shape(), w);
        inputs.forEach(Var::clearGrad);
        out.backward(seed);
        for (int k = 0; k < inputs.size(); k++) {
            Var in = inputs.get(k);
            Tensor g = in.grad() == null ? Tensor.zeros(in.shape()) : in.grad().copy();
            float[] x = in.value().data();
            for (int i = 0; i < x.length; i++) {
                float orig = x[i];
                x[i] = orig + EPS;
                double lp = weighted(f.get(), w);
                x[i] = orig - EPS;
                double lm = weighted(f.get(), w);
                x[i] = orig;
                double numeric = (lp - lm) / (2.0 * EPS);
                double analytic = g.data()[i];
                if (!(Math.abs(numeric - analytic) <= ATOL + RTOL * Math.abs(numeric))) {
                    throw new AssertionError(String.format(
                            "%s: gradient of input %d (shape %s) at flat index %d: analytic %.6g, numeric %.6g",
                            what, k, in.shape(), i, analytic, numeric));
                }
            }
        }
    }

    private static double weighted(Var out, float[] w) {
        float[] o = out.value().data();
        if (o.length != w.length) {
            throw new AssertionError("output size changed: " + o.length + " vs " + w.length + " " + Arrays.toString(out.shape().dims()));
        }
        double s = 0;
        for (int i = 0; i < o.length; i++) {
            s += (double) w[i] * o[i];
        }
        return s;
    }

    /** A leaf requiring a gradient, filled with U(-scale, scale) from a seeded generator. */
    public static Var randomParam(Rng rng, float scale, int... dims) {
        Tensor t = Tensor.zeros(dims);
        rng.fillUniform(t.data(), -scale, scale);
        return Var.param(t);
    }
}
