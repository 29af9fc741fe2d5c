package org.rnn4j.forecast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.rnn4j.data.series.ColumnChoice;
import org.rnn4j.data.series.Series;
import org.rnn4j.data.series.SeriesCsv;

/**
 * Seeded synthetic monthly series written as CSV files ({@code time,value}, YYYY-MM from 1990-01;
 * {@code time,value,x} with a covariate).
 */
final class Synthetic {
    private Synthetic() {
    }

    /** Linear trend + additive 12-month seasonality + Gaussian noise. */
    static double[] additive(int n, long seed) {
        Random r = new Random(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 50 + 0.3 * t + 8 * Math.sin(2 * Math.PI * t / 12) + 3 * Math.cos(4 * Math.PI * t / 12) + 1.5 * r.nextGaussian();
        }
        return y;
    }

    /** Exponential growth with multiplicative seasonality (amplitude grows with the level) and noise. */
    static double[] multiplicative(int n, long seed) {
        Random r = new Random(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            double season = 1 + 0.25 * Math.sin(2 * Math.PI * t / 12) + 0.1 * Math.cos(4 * Math.PI * t / 12);
            y[t] = 100 * Math.exp(0.01 * t) * season * Math.exp(0.03 * r.nextGaussian());
        }
        return y;
    }

    /** A Gaussian random walk: no season, no predictable trend. */
    static double[] randomWalk(int n, long seed) {
        Random r = new Random(seed);
        double[] y = new double[n];
        double v = 0;
        for (int t = 0; t < n; t++) {
            v += r.nextGaussian();
            y[t] = v;
        }
        return y;
    }

    /**
     * A target driven by a lagged covariate: {@code x} Gaussian white noise, {@code y[t] = 10 + 2·x[t-lag] + 0.1·e[t]}.
     * Without {@code x} the target is unpredictable noise; with it, every step up to {@code lag} ahead is known.
     *
     * @return {@code {y, x}}
     */
    static double[][] laggedCovariate(int n, int lag, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = r.nextGaussian();
        }
        for (int t = 0; t < n; t++) {
            y[t] = 10 + 2 * (t >= lag ? x[t - lag] : 0) + 0.1 * r.nextGaussian();
        }
        return new double[][] {y, x};
    }

    static Path csv(Path dir, String name, double[] y) throws IOException {
        return csv(dir, name, y, null);
    }

    /** {@code time,value} or, with a covariate {@code x}, {@code time,value,x}. */
    static Path csv(Path dir, String name, double[] y, double[] x) throws IOException {
        StringBuilder sb = new StringBuilder(x == null ? "time,value\n" : "time,value,x\n");
        YearMonth m = YearMonth.of(1990, 1);
        for (int t = 0; t < y.length; t++) {
            sb.append(m).append(',').append(String.format(Locale.ROOT, "%.6f", y[t]));
            if (x != null) {
                sb.append(',').append(String.format(Locale.ROOT, "%.6f", x[t]));
            }
            sb.append('\n');
            m = m.plusMonths(1);
        }
        Path f = dir.resolve(name + ".csv");
        Files.writeString(f, sb);
        return f;
    }

    static Series series(Path dir, String name, double[] y) throws IOException {
        return SeriesCsv.read(csv(dir, name, y));
    }

    /** The series {@code y} with covariate {@code x} (column {@code x}). */
    static Series series(Path dir, String name, double[] y, double[] x) throws IOException {
        return SeriesCsv.read(csv(dir, name, y, x), ColumnChoice.defaults().withCovariates(List.of("x")));
    }
}
