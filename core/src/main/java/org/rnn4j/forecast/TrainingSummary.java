package org.rnn4j.forecast;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * @param validation        forecasts of the validation part from its start, horizon by horizon: metric name
 *                          to value by forecaster ({@code model}, {@code naive}, {@code seasonal_naive})
 */
public record TrainingSummary(int rows, int trainRows, int validationRows, int holdoutRows, int trainWindows,
                              int validationWindows, int refitWindows, List<Member> members, Map<String, Map<String, Double>> validation) {

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
        validation = Collections.unmodifiableMap(new LinkedHashMap<>(validation));
    }

    /** MAE of a forecaster on the validation part, or NaN. */
    public double validationMae(String forecaster) {
        Map<String, Double> m = validation.get(forecaster);
        Double v = m == null ? null : m.get("mae");
        return v == null ? Double.NaN : v;
    }
}
