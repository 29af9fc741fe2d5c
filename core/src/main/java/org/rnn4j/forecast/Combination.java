package org.rnn4j.forecast;

/**
 * How a forecaster's output mixes its network ensemble with two classical forecasts of the same
 * points, {@link Theta} and seasonal naive: a weighted mean of the three, weights summing to 1.
 * Combining a learned model with simple benchmarks makes a forecast robust to what the training
 * part did not show (a level shift, a weaker cycle, a series too short to learn from) at some
 * cost where the network is clearly better; see docs/CLI.md, "The recurrent forecaster".
 *
 * @param network       weight of the network ensemble's forecast
 * @param theta         weight of the Theta forecast
 * @param seasonalNaive weight of the seasonal-naive forecast (the naive one when the season is 1 or longer than the history)
 */
public record Combination(double network, double theta, double seasonalNaive) {
    /** The default: half the network, a quarter each of Theta and seasonal naive. */
    public static final Combination DEFAULT = new Combination(0.5, 0.25, 0.25);
    /** The network alone. */
    public static final Combination NONE = new Combination(1, 0, 0);

    public Combination {
        if (!(network >= 0 && theta >= 0 && seasonalNaive >= 0) || Math.abs(network + theta + seasonalNaive - 1) > 1e-9) {
            throw new IllegalArgumentException("combination: weights must be >= 0 and sum to 1, got network " + network
                    + ", theta " + theta + ", seasonal_naive " + seasonalNaive);
        }
    }

    /** Whether any classical forecast takes part. */
    public boolean classical() {
        return network < 1;
    }
}
