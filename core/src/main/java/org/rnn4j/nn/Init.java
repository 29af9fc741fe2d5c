package org.rnn4j.nn;

import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Tensor;

/**
 * PyTorch's {@code torch.nn.init} initialisers, filling a tensor in place from an explicit {@link Rng}.
 * The distributions (bounds, std, fan computation, gains) are PyTorch's; the random streams are
 * rnn4j's own.
 */
public final class Init {
    private Init() {
    }

    /** Which fan {@link #kaimingUniform} scales by. */
    public enum FanMode { FAN_IN, FAN_OUT }

    /** The non-linearity a gain is computed for ({@code calculate_gain}). */
    public enum Nonlinearity { LINEAR, SIGMOID, TANH, RELU, LEAKY_RELU }

    /** {@code calculate_gain(nonlinearity, param)}: param is the leaky_relu negative slope (ignored otherwise). */
    public static double calculateGain(Nonlinearity nl, double param) {
        return switch (nl) {
            case LINEAR, SIGMOID -> 1.0;
            case TANH -> 5.0 / 3.0;
            case RELU -> Math.sqrt(2.0);
            case LEAKY_RELU -> Math.sqrt(2.0 / (1.0 + param * param));
        };
    }

    /** {@code uniform_(t, a, b)}: U(a, b). */
    public static Tensor uniform(Tensor t, double a, double b, Rng rng) {
        rng.fillUniform(t.data(), (float) a, (float) b);
        return t;
    }

    /** {@code normal_(t, mean, std)}. */
    public static Tensor normal(Tensor t, double mean, double std, Rng rng) {
        rng.fillNormal(t.data(), (float) mean, (float) std);
        return t;
    }

    /** {@code zeros_(t)}. */
    public static Tensor zeros(Tensor t) {
        t.fill(0f);
        return t;
    }

    /** {@code constant_(t, value)}. */
    public static Tensor constant(Tensor t, double value) {
        t.fill((float) value);
        return t;
    }

    /** fan_in = size(1)·receptive field, fan_out = size(0)·receptive field (tensor of rank ≥ 2). */
    public static int[] fanInAndFanOut(Tensor t) {
        if (t.rank() < 2) {
            throw new IllegalArgumentException("init: fan in and fan out can not be computed for a tensor of shape "
                    + t.shape() + " (fewer than 2 dimensions)");
        }
        int receptive = t.shape().sizeBetween(2, t.rank());
        return new int[] {t.dim(1) * receptive, t.dim(0) * receptive};
    }

    /**
     * {@code kaiming_uniform_(t, a, mode, nonlinearity)}: U(-bound, bound) with
     * {@code bound = gain·√3 / √fan}.
     */
    public static Tensor kaimingUniform(Tensor t, double a, FanMode mode, Nonlinearity nl, Rng rng) {
        int[] fans = fanInAndFanOut(t);
        int fan = mode == FanMode.FAN_IN ? fans[0] : fans[1];
        double std = calculateGain(nl, a) / Math.sqrt(fan);
        double bound = Math.sqrt(3.0) * std;
        return uniform(t, -bound, bound, rng);
    }

    /** {@code kaiming_uniform_(t, a)} with PyTorch's defaults (fan_in, leaky_relu). */
    public static Tensor kaimingUniform(Tensor t, double a, Rng rng) {
        return kaimingUniform(t, a, FanMode.FAN_IN, Nonlinearity.LEAKY_RELU, rng);
    }

    /** {@code xavier_uniform_(t, gain)}: U(-b, b) with {@code b = gain·√(6 / (fan_in + fan_out))}. */
    public static Tensor xavierUniform(Tensor t, double gain, Rng rng) {
        int[] fans = fanInAndFanOut(t);
        double bound = gain * Math.sqrt(6.0 / (fans[0] + fans[1]));
        return uniform(t, -bound, bound, rng);
    }

    /** {@code xavier_uniform_(t)} with gain 1. */
    public static Tensor xavierUniform(Tensor t, Rng rng) {
        return xavierUniform(t, 1.0, rng);
    }
}
