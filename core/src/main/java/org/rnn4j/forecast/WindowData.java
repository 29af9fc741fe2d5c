package org.rnn4j.forecast;

import org.rnn4j.data.series.Windows;
import org.rnn4j.tensor.Tensor;

/**
 * Sliding windows of the model series {@code d}, each made relative to its own last input value and
 * divided by a fixed scale: input {@code (d[t-W+j] - d[t-1]) / κ}, target {@code (d[t+k] - d[t-1]) / κ}.
 * The network thus sees shapes, not levels, so trends and level shifts never leave the range it was
 * trained on, and a zero output forecasts the last value.
 */
final class WindowData {
    private WindowData() {
    }

    /** Windows with targets in {@code [targetFrom, targetTo)}: inputs [N, W, 1], targets [N, H], normalised. */
    /** F: the one input feature, the normalised value. */
    static int features() {
        return 1;
    }

    static Windows.Set make(double[] d, int window, int horizon, int targetFrom, int targetTo, double scale) {
        Windows.Set raw = Windows.make(new double[][] {d}, d, window, horizon, targetFrom, targetTo);
        float[] x = raw.inputs().data();   // [N, W, F]
        float[] y = raw.targets().data();  // [N, H]
        int f = features();
        for (int i = 0; i < raw.count(); i++) {
            float last = x[(i * window + window - 1) * f];
            normalise(x, i * window * f, window, f, last, scale);
            normalise(y, i * horizon, horizon, 1, last, scale);
        }
        return raw;
    }

    /** The normalised input ending just before {@code end}: [1, W, 1]; its last raw value is {@code lastOf}. */
    static Tensor input(double[] d, int end, int window, double scale) {
        Tensor x = Windows.inputEndingAt(new double[][] {d}, end, window);
        float[] a = x.data();
        normalise(a, 0, window, features(), a[(window - 1) * features()], scale);
        return x;
    }

    /** The reference level of the window ending before {@code end}, as the network saw it (float). */
    static double level(double[] d, int end) {
        return (float) d[end - 1];
    }

    private static void normalise(float[] a, int off, int n, int stride, float last, double scale) {
        float inv = (float) (1.0 / scale);
        for (int k = 0; k < n; k++) {
            a[off + k * stride] = (a[off + k * stride] - last) * inv;
        }
    }

    /** RMS of {@code d[t-j] - d[t-1]} for every training window ending before {@code t ≤ n}, {@code j = 2..W}. */
    static double offsetRms(double[] d, int n, int window) {
        double s = 0;
        long k = 0;
        for (int t = window; t <= n; t++) {
            double last = d[t - 1];
            for (int j = t - window; j < t - 1; j++) {
                s += (d[j] - last) * (d[j] - last);
                k++;
            }
        }
        return k == 0 ? 1.0 : Math.sqrt(s / k);
    }
}
