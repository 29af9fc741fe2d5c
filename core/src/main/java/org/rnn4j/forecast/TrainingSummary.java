package org.rnn4j.forecast;

import java.util.List;

/**
 * What training did, recorded in config.json: the split, each member's epochs and best validation
 * loss, and the ensemble's forecast accuracy on the validation part beside the naive baselines.
 *
 * @param rows              points in the training file
 * @param trainRows         points {@code [0, trainRows)} used for fitting
 * @param validationRows    points after them used for early stopping
 * @param holdoutRows       last points never used
 * @param trainWindows      training windows
 * @param validationWindows validation windows
 * @param refitWindows      windows before the holdout the members were retrained on after early stopping (0: no refit)
 * @param members           per ensemble member
 * @param validation        forecasts of the validation part from its start, horizon by horizon, by forecaster
 */
public record TrainingSummary(int rows, int trainRows, int validationRows, int holdoutRows, int trainWindows,
                              int validationWindows, int refitWindows, List<Member> members, ValidationReport validation) {

    /**
     * One ensemble member.
     *
     * @param epochs             epochs run
     * @param bestEpoch          epoch whose weights were kept (0 = the untrained network was never beaten)
     * @param bestSteps          optimizer steps up to the end of that epoch (a refit trains this many)
     * @param bestValidationLoss validation MSE of the kept weights (scaled units)
     * @param initialValidationLoss validation MSE of the untrained network (the last-value forecast)
     */
    public record Member(int epochs, int bestEpoch, long bestSteps, double bestValidationLoss, double initialValidationLoss) {
    }

    public TrainingSummary {
        members = List.copyOf(members);
        if (validation == null) {
            throw new IllegalArgumentException("training summary: the validation report must be given");
        }
    }

    /** MAE of a forecaster on the validation part, or NaN. */
    public double validationMae(String forecaster) {
        return validation.mae(forecaster);
    }
}
