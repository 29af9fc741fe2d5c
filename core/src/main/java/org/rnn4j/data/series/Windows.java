package org.rnn4j.data.series;

import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

/**
 * Sliding windows over a (scaled) series for sequence-to-value training, batch first: window
 * {@code s} reads inputs at times {@code [s, s+W)} and targets at {@code [s+W, s+W+H)}.
 */
public final class Windows {

    /**
     * A batch of windows.
     *
     * @param inputs       {@code [N, W, F]}: F features per time step (feature 0 is usually the target)
     * @param targets      {@code [N, H]}: the next H target values
     * @param targetStarts for each window, the time index of its first target
     */
    public record Set(Tensor inputs, Tensor targets, int[] targetStarts) {
        public int count() {
            return targetStarts.length;
        }
    }

    private Windows() {
    }

    /**
     * Every window whose targets lie in {@code [targetFrom, targetTo)}, in time order, stride 1.
     * Inputs may reach back before {@code targetFrom} (validation windows read training points).
     *
     * @param features {@code [F][T]}: feature arrays, all of length T
     * @param target   {@code [T]}: the value to predict
     */
    public static Set make(double[][] features, double[] target, int window, int horizon, int targetFrom, int targetTo) {
        int t = target.length;
        check(features, t, window, horizon);
        if (targetFrom < 0 || targetTo > t || targetFrom > targetTo) {
            throw new IllegalArgumentException("windows: target range [" + targetFrom + ", " + targetTo
                    + ") outside the series of " + t);
        }
        int first = Math.max(window, targetFrom);
        int n = Math.max(0, targetTo - horizon - first + 1);
        int f = features.length;
        float[] x = new float[n * window * f]; // [N, W, F]
        float[] y = new float[n * horizon];    // [N, H]
        int[] starts = new int[n];
        for (int i = 0; i < n; i++) {
            int t0 = first + i;
            starts[i] = t0;
            int s = t0 - window;
            for (int w = 0; w < window; w++) {
                for (int k = 0; k < f; k++) {
                    x[(i * window + w) * f + k] = (float) features[k][s + w];
                }
            }
            for (int h = 0; h < horizon; h++) {
                y[i * horizon + h] = (float) target[t0 + h];
            }
        }
        return new Set(Tensor.wrap(Shape.of(n, window, f), x), Tensor.wrap(Shape.of(n, horizon), y), starts);
    }

    /** The input window ending just before time {@code end}: {@code [1, W, F]}, for forecasting from there. */
    public static Tensor inputEndingAt(double[][] features, int end, int window) {
        if (features.length == 0) {
            throw new IllegalArgumentException("windows: need at least one feature");
        }
        if (end < window || end > features[0].length) {
            throw new IllegalArgumentException("windows: an input window of " + window + " ending at " + end
                    + " does not fit a series of " + features[0].length);
        }
        int f = features.length;
        float[] x = new float[window * f];
        for (int w = 0; w < window; w++) {
            for (int k = 0; k < f; k++) {
                x[w * f + k] = (float) features[k][end - window + w];
            }
        }
        return Tensor.wrap(Shape.of(1, window, f), x);
    }

    private static void check(double[][] features, int t, int window, int horizon) {
        if (window < 1 || horizon < 1) {
            throw new IllegalArgumentException("windows: window and horizon must be >= 1, got " + window + " and " + horizon);
        }
        if (features.length == 0) {
            throw new IllegalArgumentException("windows: need at least one feature");
        }
        for (int k = 0; k < features.length; k++) {
            if (features[k].length != t) {
                throw new IllegalArgumentException("windows: feature " + k + " has " + features[k].length
                        + " values, the target has " + t);
            }
        }
    }
}
