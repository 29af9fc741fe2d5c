package org.rnn4j.forecast;

import org.rnn4j.data.series.Windows;
import org.rnn4j.tensor.Tensor;

/**
 * Sliding windows of the model series {@code d}, each made relative to its own reference level —
 * the mean of its last {@code L} inputs ({@code L} = the level span) — and divided by a fixed scale:
 * input {@code (d[t-W+j] - level) / κ}, target {@code (d[t+k] - level) / κ}. The network thus sees
 * shapes, not levels, so trends and level shifts never leave the range it was trained on, and a
 * zero output forecasts the recent level (the mean of a few points is steadier than the last one
 * alone on noisy series). Feature 0 of each step is that normalised value; features 1..C are the
 * covariates' inputs at the same step ({@link SeriesTransform#features}), passed through as they are:
 * a window holds the covariates observed up to its last step, never those of its targets.
 */
final class WindowData {
    private WindowData() {
    }

    /** A normalised input [1, W, F] and the reference level it was taken relative to. */
    record Input(Tensor x, double level) {
    }

    /**
     * Windows with targets in {@code [targetFrom, targetTo)} of {@code f[0]}: inputs [N, W, F], targets [N, H], normalised.
     *
     * @param f {@code [F][T]}: the model series, then the covariates' inputs
     */
    static Windows.Set make(double[][] f, int window, int horizon, int span, int targetFrom, int targetTo, double scale) {
        int feats = f.length;
        Windows.Set raw = Windows.make(f, f[0], window, horizon, targetFrom, targetTo);
        float[] x = raw.inputs().data();   // [N, W, F]
        float[] y = raw.targets().data();  // [N, H]
        for (int i = 0; i < raw.count(); i++) {
            int off = i * window * feats;
            float level = level(x, off, feats, window, span);
            normalise(x, off, feats, window, level, scale);
            normalise(y, i * horizon, 1, horizon, level, scale);
        }
        return raw;
    }

    /** The normalised input [1, W, F] of {@code f} ({@code [F][T]}) ending just before {@code end}, with its level. */
    static Input input(double[][] f, int end, int window, int span, double scale) {
        Tensor x = Windows.inputEndingAt(f, end, window);
        float[] a = x.data();
        float level = level(a, 0, f.length, window, span);
        normalise(a, 0, f.length, window, level, scale);
        return new Input(x, level);
    }

    /**
     * Mean of the last {@code span} of the {@code window} values {@code a[off + k·stride]} (feature 0 of a [W, F] window),
     * as float (the same in training and forecasting).
     */
    private static float level(float[] a, int off, int stride, int window, int span) {
        double s = 0;
        for (int k = window - span; k < window; k++) {
            s += a[off + k * stride];
        }
        return (float) (s / span);
    }

    /** {@code a[off + k·stride] = (a[off + k·stride] - level) / scale} for k in [0, n). */
    private static void normalise(float[] a, int off, int stride, int n, float level, double scale) {
        float inv = (float) (1.0 / scale);
        for (int k = 0; k < n; k++) {
            a[off + k * stride] = (a[off + k * stride] - level) * inv;
        }
    }

    /**
     * RMS of the window offsets {@code d[j] - level} of every training window ending before {@code t ≤ n}
     * (with span 1 the reference point itself, 0 by construction, is left out).
     */
    static double offsetRms(double[] d, int n, int window, int span) {
        double s = 0;
        long k = 0;
        int end = span == 1 ? 1 : 0;
        for (int t = window; t <= n; t++) {
            double level = 0;
            for (int j = t - span; j < t; j++) {
                level += d[j] / span;
            }
            for (int j = t - window; j < t - end; j++) {
                s += (d[j] - level) * (d[j] - level);
                k++;
            }
        }
        return k == 0 ? 1.0 : Math.sqrt(s / k);
    }
}
