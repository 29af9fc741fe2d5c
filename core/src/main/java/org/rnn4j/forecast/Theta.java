package org.rnn4j.forecast;

import org.rnn4j.data.series.Forecaster;
import org.rnn4j.data.series.Series;

/**
 * The classical Theta method (Assimakopoulos &amp; Nikolopoulos 2000), in the form of Hyndman &amp; Billah
 * (2003): simple exponential smoothing of the seasonally adjusted series plus a drift of half its
 * least-squares slope, then the seasonal effects put back. Seasonal adjustment is used when the
 * season is at least 2, the history holds {@link Seasonality#MIN_CYCLES} seasons and the
 * autocorrelation at lag {@code m} passes the 90 % one-sided test of Hyndman's {@code thetaf}
 * ({@code |r_m| > 1.645·sqrt((1 + 2·Σ_{k<m} r_k²) / n)}); the effects are multiplicative for a
 * positive series (estimated in logs), additive otherwise. Smoothing weight and initial level
 * minimise the one-step squared error. Deterministic: a function of the history only.
 *
 * @param season seasonal period m (1 = none)
 */
public record Theta(int season) implements Forecaster {
    /** The one-sided 95 % normal quantile of the seasonality test (a 90 % two-sided test). */
    static final double SEASONALITY_Z = 1.645;

    public Theta {
        if (season < 1) {
            throw new IllegalArgumentException("theta: season must be >= 1, got " + season);
        }
    }

    @Override
    public String name() {
        return "theta";
    }

    @Override
    public double[] forecast(Series history, int steps) {
        int n = history.size();
        if (n < 1) {
            throw new IllegalArgumentException("theta: needs at least 1 point of history");
        }
        double[] y = history.target(); // [n]
        boolean positive = true;
        for (double v : y) {
            positive &= v > 0;
        }
        double[] effect = seasonalEffects(y, positive); // [m], 0 when not seasonal
        int m = effect.length;
        double[] adjusted = new double[n];
        for (int t = 0; t < n; t++) {
            adjusted[t] = positive ? y[t] / Math.exp(effect[t % m]) : y[t] - effect[t % m];
        }
        double drift = slope(adjusted) / 2;
        Ses ses = Ses.fit(adjusted);
        double a = ses.alpha();
        double start = (1 - Math.pow(1 - a, n)) / a; // the drift's offset at the first step
        double[] out = new double[steps];
        for (int k = 0; k < steps; k++) {
            double f = ses.level() + drift * (k + start);
            double s = effect[(n + k) % m];
            out[k] = positive ? f * Math.exp(s) : f + s;
        }
        return out;
    }

    /** Seasonal effects by phase {@code t mod m} ([m], logs for a positive series), or [1] of 0 when the series is not seasonal. */
    private double[] seasonalEffects(double[] y, boolean positive) {
        int n = y.length;
        if (season < 2 || n < Seasonality.MIN_CYCLES * season || !seasonalAutocorrelation(y, season)) {
            return new double[1];
        }
        double[] z = new double[n];
        for (int t = 0; t < n; t++) {
            z[t] = positive ? Math.log(y[t]) : y[t];
        }
        return Seasonality.fit(z, n, season, 0).indices();
    }

    /** Whether the autocorrelation at lag m is significant (see the class comment). */
    static boolean seasonalAutocorrelation(double[] y, int m) {
        int n = y.length;
        double mean = 0;
        for (double v : y) {
            mean += v / n;
        }
        double denom = 0;
        for (double v : y) {
            denom += (v - mean) * (v - mean);
        }
        if (denom == 0) {
            return false;
        }
        double below = 0; // Σ_{k<m} r_k²
        double rm = 0;
        for (int k = 1; k <= m; k++) {
            double s = 0;
            for (int t = k; t < n; t++) {
                s += (y[t] - mean) * (y[t - k] - mean);
            }
            double r = s / denom;
            if (k < m) {
                below += r * r;
            } else {
                rm = r;
            }
        }
        return Math.abs(rm) > SEASONALITY_Z * Math.sqrt((1 + 2 * below) / n);
    }

    /** The least-squares slope of {@code x[t]} on {@code t = 0..n-1} ({@link TransformChoice#slope}); 0 for fewer than 2 points. */
    static double slope(double[] x) {
        double[] t = new double[x.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = i;
        }
        return TransformChoice.slope(t, x);
    }

    /**
     * Simple exponential smoothing {@code l_t = l_{t-1} + α·(x_t − l_{t-1})} fitted by least squares
     * of the one-step errors {@code x_t − l_{t-1}}.
     *
     * @param alpha   smoothing weight in (0, 1)
     * @param initial the level before the first point, l_{-1}
     * @param level   the level after the last point: the forecast of every later point
     * @param sse     the sum of squared one-step errors
     */
    record Ses(double alpha, double initial, double level, double sse) {
        static final double MIN_ALPHA = 0.01;
        static final double MAX_ALPHA = 0.99;
        private static final int GRID = 99;
        private static final int REFINE = 40;

        /** The best weight on a grid of 0.01 steps, refined by golden-section search around it; for each weight the best initial level. */
        static Ses fit(double[] x) {
            Ses best = at(x, MIN_ALPHA);
            for (int i = 1; i < GRID; i++) {
                Ses s = at(x, MIN_ALPHA + i * (MAX_ALPHA - MIN_ALPHA) / (GRID - 1));
                if (s.sse < best.sse) {
                    best = s;
                }
            }
            double step = (MAX_ALPHA - MIN_ALPHA) / (GRID - 1);
            double lo = Math.max(MIN_ALPHA, best.alpha - step);
            double hi = Math.min(MAX_ALPHA, best.alpha + step);
            double g = (Math.sqrt(5) - 1) / 2;
            double a = hi - g * (hi - lo);
            double b = lo + g * (hi - lo);
            double fa = at(x, a).sse;
            double fb = at(x, b).sse;
            for (int i = 0; i < REFINE; i++) { // one new evaluation per step: the other inner point is kept
                if (fa < fb) {
                    hi = b;
                    b = a;
                    fb = fa;
                    a = hi - g * (hi - lo);
                    fa = at(x, a).sse;
                } else {
                    lo = a;
                    a = b;
                    fa = fb;
                    b = lo + g * (hi - lo);
                    fb = at(x, b).sse;
                }
            }
            Ses refined = at(x, (lo + hi) / 2);
            return refined.sse < best.sse ? refined : best;
        }

        /**
         * The fit for weight {@code a} with its least-squares initial level: the forecast of {@code x_t}
         * is {@code (1−a)^t·l_{-1} + c_t}, linear in l_{-1}, so the best l_{-1} is a ratio of two sums.
         */
        static Ses at(double[] x, double a) {
            int n = x.length;
            double[] c = new double[n]; // the forecasts when l_{-1} = 0
            double l = 0;
            for (int t = 0; t < n; t++) {
                c[t] = l;
                l += a * (x[t] - l);
            }
            double num = 0;
            double den = 0;
            double d = 1; // (1-a)^t
            for (int t = 0; t < n; t++) {
                num += d * (x[t] - c[t]);
                den += d * d;
                d *= 1 - a;
            }
            double initial = num / den;
            double sse = 0;
            d = 1;
            for (int t = 0; t < n; t++) {
                double e = x[t] - c[t] - d * initial;
                sse += e * e;
                d *= 1 - a;
            }
            return new Ses(a, initial, l + d * initial, sse); // d = (1-a)^n here
        }
    }
}
