package org.rnn4j.forecast;

import java.util.Locale;
import org.rnn4j.data.series.Scaling;

/**
 * Decides automatically whether a series is modelled in logs: yes when every training value is
 * positive, the level changes enough to matter (the largest chunk mean is at least
 * {@value #MIN_LEVEL_RATIO}× the smallest) and the variation grows with the level — the slope of
 * log(chunk standard deviation) on log(chunk mean) is at least {@value #MIN_SLOPE} (1 = purely
 * multiplicative, 0 = additive). Chunks are whole seasons, at least {@value #MIN_CHUNK} points.
 */
public final class TransformChoice {
    static final double MIN_LEVEL_RATIO = 1.5;
    static final double MIN_SLOPE = 0.5;
    static final int MIN_CHUNK = 6;
    static final int MIN_CHUNKS = 4;

    /** The choice and a one-line reason recorded in the model's config. */
    public record Decision(Scaling.Transform transform, String reason) {
    }

    private TransformChoice() {
    }

    /** Looks at {@code y[0, n)} (the training part) with season {@code m}. */
    public static Decision choose(double[] y, int n, int m) {
        for (int t = 0; t < n; t++) {
            if (!(y[t] > 0)) {
                return new Decision(Scaling.Transform.NONE, "auto: not every value is positive");
            }
        }
        int len = m >= MIN_CHUNK ? m : m * (int) Math.ceil((double) MIN_CHUNK / m);
        int chunks = n / len;
        if (chunks < MIN_CHUNKS) {
            return new Decision(Scaling.Transform.NONE, "auto: too short to tell (" + chunks + " chunks of " + len + ")");
        }
        double[] lm = new double[chunks];
        double[] ls = new double[chunks];
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        int start = n - chunks * len; // align chunks with the end, the most recent data
        for (int c = 0; c < chunks; c++) {
            double mean = 0;
            for (int k = 0; k < len; k++) {
                mean += y[start + c * len + k];
            }
            mean /= len;
            double var = 0;
            for (int k = 0; k < len; k++) {
                double d = y[start + c * len + k] - mean;
                var += d * d;
            }
            double sd = Math.sqrt(var / (len - 1));
            lo = Math.min(lo, mean);
            hi = Math.max(hi, mean);
            lm[c] = Math.log(mean);
            ls[c] = Math.log(Math.max(sd, 1e-12 * mean));
        }
        if (hi / lo < MIN_LEVEL_RATIO) {
            return new Decision(Scaling.Transform.NONE, String.format(Locale.ROOT,
                    "auto: level changes too little to matter (chunk means %.4g..%.4g)", lo, hi));
        }
        double slope = slope(lm, ls);
        String detail = String.format(Locale.ROOT, "variation vs level slope %.2f over %d chunks of %d", slope, chunks, len);
        return slope >= MIN_SLOPE
                ? new Decision(Scaling.Transform.LOG, "auto: positive, variation grows with level (" + detail + ")")
                : new Decision(Scaling.Transform.NONE, "auto: variation does not grow with level (" + detail + ")");
    }

    /** Least-squares slope of y on x. */
    static double slope(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / x.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxx == 0 ? 0 : sxy / sxx;
    }
}
