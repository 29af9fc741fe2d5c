package org.rnn4j.forecast;

/**
 * Classical additive seasonal decomposition of a (transformed) series: a centred moving average of
 * one period is the trend, the detrended values averaged by phase are the seasonal indices
 * (normalised to sum 0), and the seasonal strength {@code max(0, 1 - Var(remainder) / Var(detrended))}
 * (Wang, Smith &amp; Hyndman 2006) says whether they explain anything.
 */
public final class Seasonality {

    /**
     * Fitted seasonal indices.
     *
     * @param indices  {@code [m]}: the additive seasonal effect of each phase, summing to 0
     * @param strength in [0, 1]: 0 = no seasonality, 1 = the indices explain all detrended variation
     */
    public record Profile(double[] indices, double strength) {
        public Profile {
            indices = indices.clone();
        }
    }

    private Seasonality() {
    }

    /** Seasonal periods of fewer full cycles than this are not estimated. */
    public static final int MIN_CYCLES = 3;

    /**
     * Fits the indices on {@code z[0, n)}, where {@code phase(t) = (t + phaseOffset) mod m}.
     *
     * @throws IllegalArgumentException if {@code m < 2} or {@code n < MIN_CYCLES·m}
     */
    public static Profile fit(double[] z, int n, int m, int phaseOffset) {
        if (m < 2) {
            throw new IllegalArgumentException("seasonality: period must be >= 2, got " + m);
        }
        if (n < MIN_CYCLES * m || n > z.length) {
            throw new IllegalArgumentException("seasonality: needs at least " + MIN_CYCLES + " periods of " + m
                    + " points, got " + n);
        }
        int half = m / 2;
        double[] detrended = new double[n];
        boolean[] has = new boolean[n];
        for (int t = half; t < n - half; t++) {
            double trend;
            if (m % 2 == 0) { // 2×m moving average: half weights at both ends
                double s = 0.5 * (z[t - half] + z[t + half]);
                for (int k = t - half + 1; k < t + half; k++) {
                    s += z[k];
                }
                trend = s / m;
            } else {
                double s = 0;
                for (int k = t - half; k <= t + half; k++) {
                    s += z[k];
                }
                trend = s / m;
            }
            detrended[t] = z[t] - trend;
            has[t] = true;
        }
        double[] sum = new double[m];
        int[] count = new int[m];
        for (int t = 0; t < n; t++) {
            if (has[t]) {
                int p = phase(t, phaseOffset, m);
                sum[p] += detrended[t];
                count[p]++;
            }
        }
        double[] idx = new double[m];
        double mean = 0;
        for (int p = 0; p < m; p++) {
            idx[p] = sum[p] / count[p];
            mean += idx[p] / m;
        }
        for (int p = 0; p < m; p++) {
            idx[p] -= mean;
        }
        double varDetrended = 0;
        double varRemainder = 0;
        double meanD = 0;
        double meanR = 0;
        int k = 0;
        for (int t = 0; t < n; t++) {
            if (has[t]) {
                meanD += detrended[t];
                meanR += detrended[t] - idx[phase(t, phaseOffset, m)];
                k++;
            }
        }
        meanD /= k;
        meanR /= k;
        for (int t = 0; t < n; t++) {
            if (has[t]) {
                double r = detrended[t] - idx[phase(t, phaseOffset, m)];
                varDetrended += (detrended[t] - meanD) * (detrended[t] - meanD);
                varRemainder += (r - meanR) * (r - meanR);
            }
        }
        double strength = varDetrended == 0 ? 0 : Math.max(0, 1 - varRemainder / varDetrended);
        return new Profile(idx, strength);
    }

    /** {@code (t + offset) mod m}, never negative. */
    public static int phase(int t, int offset, int m) {
        return Math.floorMod(t + offset, m);
    }
}
