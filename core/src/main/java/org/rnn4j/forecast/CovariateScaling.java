package org.rnn4j.forecast;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.rnn4j.data.series.Scaling;

/**
 * How one covariate column becomes a network input: standardised, {@code (x - mean) / sd}, with the
 * mean and population standard deviation of the part the model is fitted on (the training part,
 * then training + validation for the refit; never the holdout), the same rule as the target's
 * scaling. A covariate that is constant there ({@code sd} 0) is fed as 0 at every step: the network
 * never saw it vary, so a later change must not reach weights that were never trained on it (and
 * nothing is divided by zero). Recorded in config.json under {@code preprocessing.covariates}.
 *
 * @param name the CSV column
 * @param mean mean over the fitted part
 * @param sd   population standard deviation over the fitted part; 0 for a constant covariate
 */
public record CovariateScaling(String name, double mean, double sd) {

    public CovariateScaling {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("covariate scaling: needs a column name");
        }
        if (!Double.isFinite(mean) || !(sd >= 0) || !Double.isFinite(sd)) {
            throw new IllegalArgumentException("covariate scaling '" + name + "': mean must be finite and sd finite and >= 0, got mean "
                    + mean + ", sd " + sd);
        }
    }

    /**
     * Fits on {@code x[0, end)} with {@link Scaling#fit} (standard kind, the target's own rule); equal values give sd
     * exactly 0 (no rounding residue from the mean) instead of Scaling's scale 1.
     */
    public static CovariateScaling fit(String name, double[] x, int end) {
        for (int t = 1; t < end; t++) {
            if (x[t] != x[0]) {
                Scaling s = Scaling.fit(Scaling.Kind.STANDARD, Scaling.Transform.NONE, x, 0, end);
                return new CovariateScaling(name, s.center(), s.scale());
            }
        }
        return new CovariateScaling(name, x[0], 0);
    }

    /** True when the covariate did not vary where it was fitted, so the network ignores it. */
    @JsonIgnore
    public boolean constant() {
        return sd == 0;
    }

    /** The network's input for raw value {@code x}: standardised, or 0 for a constant covariate. */
    public double apply(double x) {
        return sd == 0 ? 0 : (x - mean) / sd;
    }
}
