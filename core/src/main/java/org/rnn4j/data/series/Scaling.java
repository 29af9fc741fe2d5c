package org.rnn4j.data.series;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A fitted value transform {@code y = (f(x) - center) / scale}, where {@code f} is the identity, a
 * log or log1p, and {@code center}/{@code scale} come from the training part of the series only
 * (so no information leaks from validation or holdout points). Serialises to config.json as
 * {@code {"transform": "log", "kind": "standard", "center": .., "scale": ..}}.
 *
 * @param transform applied to raw values before centring
 * @param kind      how center and scale were fitted
 * @param center    subtracted after the transform
 * @param scale     divided by after centring; never 0
 */
public record Scaling(Transform transform, Kind kind, double center, double scale) {

    /** Fitting rule for center and scale. */
    public enum Kind {
        /** center 0, scale 1. */
        @JsonProperty("none") NONE,
        /** Mean and population standard deviation: values get mean 0 and variance 1. */
        @JsonProperty("standard") STANDARD,
        /** Minimum and range: values map to [0, 1]. */
        @JsonProperty("minmax") MIN_MAX
    }

    /** Elementwise transform before scaling, for series whose variation grows with their level. */
    public enum Transform {
        @JsonProperty("none") NONE,
        /** Natural log; needs values > 0. */
        @JsonProperty("log") LOG,
        /** log(1 + x); needs values > -1 (series with zeros, such as counts). */
        @JsonProperty("log1p") LOG1P
    }

    public Scaling {
        if (!(scale > 0) || !Double.isFinite(scale) || !Double.isFinite(center)) {
            throw new IllegalArgumentException("scaling: scale must be finite and > 0, center finite; got center "
                    + center + ", scale " + scale);
        }
    }

    /** The identity. */
    public static Scaling identity() {
        return new Scaling(Transform.NONE, Kind.NONE, 0, 1);
    }

    /**
     * Fits on {@code values[from, to)}: the training part. A constant part gets scale 1.
     *
     * @throws IllegalArgumentException if the range is empty or a value is outside the transform's domain
     */
    public static Scaling fit(Kind kind, Transform transform, double[] values, int from, int to) {
        if (from < 0 || to > values.length || from >= to) {
            throw new IllegalArgumentException("scaling: fit range [" + from + ", " + to + ") is empty or outside 0.."
                    + values.length);
        }
        double[] t = new double[to - from];
        for (int i = from; i < to; i++) {
            t[i - from] = forward(transform, values[i], i);
        }
        return switch (kind) {
            case NONE -> new Scaling(transform, kind, 0, 1);
            case STANDARD -> {
                double mean = 0;
                for (double v : t) {
                    mean += v;
                }
                mean /= t.length;
                double var = 0;
                for (double v : t) {
                    var += (v - mean) * (v - mean);
                }
                double std = Math.sqrt(var / t.length);
                yield new Scaling(transform, kind, mean, std > 0 ? std : 1);
            }
            case MIN_MAX -> {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (double v : t) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                yield new Scaling(transform, kind, lo, hi > lo ? hi - lo : 1);
            }
        };
    }

    private static double forward(Transform transform, double x, int index) {
        return switch (transform) {
            case NONE -> x;
            case LOG -> {
                if (!(x > 0)) {
                    throw new IllegalArgumentException("scaling: log transform needs values > 0, value " + x
                            + " at index " + index);
                }
                yield Math.log(x);
            }
            case LOG1P -> {
                if (!(x > -1)) {
                    throw new IllegalArgumentException("scaling: log1p transform needs values > -1, value " + x
                            + " at index " + index);
                }
                yield Math.log1p(x);
            }
        };
    }

    /** Raw value to model space. */
    public double apply(double x) {
        return (forward(transform, x, -1) - center) / scale;
    }

    /** Model space back to raw units. */
    public double invert(double y) {
        double t = y * scale + center;
        return switch (transform) {
            case NONE -> t;
            case LOG -> Math.exp(t);
            case LOG1P -> Math.expm1(t);
        };
    }

    public double[] apply(double[] xs) {
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = (forward(transform, xs[i], i) - center) / scale;
        }
        return out;
    }

    public double[] invert(double[] ys) {
        double[] out = new double[ys.length];
        for (int i = 0; i < ys.length; i++) {
            out[i] = invert(ys[i]);
        }
        return out;
    }
}
