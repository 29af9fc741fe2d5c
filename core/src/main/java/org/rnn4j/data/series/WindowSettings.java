package org.rnn4j.data.series;

/**
 * How a series becomes training data: the input window, the forecast horizon, the split by time
 * and the scaling. Stored in a forecasting model's config.json so that prediction prepares inputs
 * exactly as training did.
 *
 * @param window             input time steps per example
 * @param horizon            target steps per example (1 = one-step-ahead)
 * @param holdout            last points kept out of training for the final evaluation
 * @param validationFraction share of the remaining points, at their end, used for validation / early stopping
 * @param scaling            how the target and covariates are scaled (fitted on the training part)
 * @param transform          applied to the target before scaling
 */
public record WindowSettings(int window, int horizon, int holdout, double validationFraction, Scaling.Kind scaling,
                             Scaling.Transform transform) {
    public static final int DEFAULT_WINDOW = 24;
    public static final int DEFAULT_HORIZON = 1;
    public static final double DEFAULT_VALIDATION = 0.2;

    public WindowSettings {
        if (window < 1 || horizon < 1 || holdout < 0) {
            throw new IllegalArgumentException("window settings: window and horizon must be >= 1 and holdout >= 0, got window "
                    + window + ", horizon " + horizon + ", holdout " + holdout);
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("window settings: validation fraction must be in [0, 1), got " + validationFraction);
        }
    }

    public static WindowSettings defaults() {
        return new WindowSettings(DEFAULT_WINDOW, DEFAULT_HORIZON, 0, DEFAULT_VALIDATION, Scaling.Kind.STANDARD,
                Scaling.Transform.NONE);
    }
}
