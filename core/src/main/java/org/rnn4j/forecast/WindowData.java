package org.rnn4j.forecast;

import org.rnn4j.data.series.Windows;
import org.rnn4j.tensor.Tensor;

/**
 * Sliding windows of the model series {@code d}, each made relative to its own reference level —
 * the mean of its last {@code L} inputs ({@code L} = the level span) — and divided by a fixed scale:
 * input {@code (d[t-W+j] - level) / κ}, target {@code (d[t+k] - level) / κ}. The network thus sees
 * shapes, not levels, so trends and level shifts never leave the range it was trained on, and a
 * zero output forecasts the recent level (the mean of a few points is steadier than the last one
 * alone on noisy series).
 */
final class WindowData {
    private WindowData() {
    }

    /** F: the one input feature, the normalised value. */
    static int features() {
        return 1;
    }

    /** A normalised input [1, W, 1] and the reference level it was taken relative to. */
    record Input(Tensor x, double level) {
    }

    /** Windows with targets in {@code [targetFrom, targetTo)}: inputs [N, W, 1], targets [N, H], normalised. */
    static Windows.Set make(double[] d, int window, int horizon, int span, int targetFrom, int targetTo, double scale) {
        Windows.Set raw = Windows.make(new double[][] {d}, d, window, horizon, targetFrom, targetTo);
        float[] x = raw.inputs().data();   // [N, W, 1]
        float[] y = raw.targets().data();  // [N, H]
        for (int i = 0; i < raw.count(); i++) {
            float level = level(x, i * window, window, span);
            normalise(x, i * window, window, level, scale);
            normalise(y, i * horizon, horizon, level, scale);
        }
        return raw;
    }

    /** The normalised input ending just before {@code end}, with its level. */
    static Input input(double[] d, int end, int window, int span, double scale) {
        Tensor x = Windows.inputEndingAt(new double[][] {d}, end, window);
        float[] a = x.data();
        float level = level(a, 0, window, span);
        normalise(a, 0, window, level, scale);
        return new Input(x, level);
    }

    /** Mean of the last {@code span} of {@code a[off, off+window)}, as float (the same in training and forecasting). */
    private static float level(float[] a, int off, int window, int span) {
        double s = 0;
        for (int k = window - span; k < window; k++) {
            s += a[off + k];
        }
        return (float) (s / span);
    }

    private static void normalise(float[] a, int off, int n, float level, double scale) {
        float inv = (float) (1.0 / scale);
        for (int k = 0; k < n; k++) {
            a[off + k] = (a[off + k] - level) * inv;
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
