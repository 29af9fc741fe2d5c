package org.rnn4j.data.series;

/**
 * Anything that forecasts a series from its history: the baselines here, and a fitted model. This
 * is the seam where a trained network plugs into evaluation ({@link Backtest}) and prediction.
 */
public interface Forecaster {

    /** The name results are reported under, such as {@code model}, {@code naive}. */
    String name();

    /**
     * The {@code steps} target values that follow {@code history}, in the target's own units.
     *
     * @param history every point known at the forecast origin (target and covariates)
     */
    double[] forecast(Series history, int steps);

    /** {@code f} reported under another name (a fitted model as {@code model}, say). */
    static Forecaster named(String name, Forecaster f) {
        return new Forecaster() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double[] forecast(Series history, int steps) {
                return f.forecast(history, steps);
            }
        };
    }

    /** The last value, repeated: {@code F[T+k] = y[T]}. */
    static Forecaster naive() {
        return new SeasonalNaive("naive", 1);
    }

    /** The value one season earlier: {@code F[T+k] = y[T+k-m·ceil(k/m)]}. */
    static Forecaster seasonalNaive(int season) {
        return new SeasonalNaive("seasonal_naive", season);
    }

    /** The naive forecasts, {@code m = 1} being the plain naive one. */
    record SeasonalNaive(String name, int season) implements Forecaster {
        public SeasonalNaive {
            if (season < 1) {
                throw new IllegalArgumentException(name + ": season must be >= 1, got " + season);
            }
        }

        @Override
        public double[] forecast(Series history, int steps) {
            int n = history.size();
            if (n < season) {
                throw new IllegalArgumentException(name + ": needs at least " + season + " points of history, got " + n);
            }
            double[] out = new double[steps];
            for (int k = 0; k < steps; k++) {
                out[k] = history.target(n - season + k % season);
            }
            return out;
        }
    }
}
