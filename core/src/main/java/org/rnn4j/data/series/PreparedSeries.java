package org.rnn4j.data.series;

import java.util.ArrayList;
import java.util.List;
import org.rnn4j.tensor.Tensor;

/**
 * A series made ready for a sequence model: split by time, scaled with statistics of the training
 * part only, cut into sliding windows for training and validation. Feature 0 is the scaled target,
 * features 1.. the scaled covariates.
 */
public final class PreparedSeries {
    private final WindowSettings settings;
    private final TimeSplit split;
    private final Scaling targetScaling;
    private final List<Scaling> covariateScalings;
    private final Windows.Set train;
    private final Windows.Set validation;

    private PreparedSeries(WindowSettings settings, TimeSplit split, Scaling targetScaling, List<Scaling> covariateScalings,
                           Windows.Set train, Windows.Set validation) {
        this.settings = settings;
        this.split = split;
        this.targetScaling = targetScaling;
        this.covariateScalings = List.copyOf(covariateScalings);
        this.train = train;
        this.validation = validation;
    }

    /**
     * Splits, fits the scalings on the training part and makes the windows.
     *
     * @throws IllegalArgumentException naming the file when the training part is shorter than one window
     */
    public static PreparedSeries prepare(Series s, WindowSettings w) {
        TimeSplit split = TimeSplit.of(s.size(), w.holdout(), w.validationFraction());
        split.requireWindows(s.sourceName(), w.window(), w.horizon());
        Scaling target;
        try {
            target = Scaling.fit(w.scaling(), w.transform(), s.target(), 0, split.trainEnd());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(s.sourceName() + ": column '" + s.targetName() + "': " + e.getMessage());
        }
        List<Scaling> cov = new ArrayList<>();
        for (int c = 0; c < s.covariateNames().size(); c++) {
            cov.add(Scaling.fit(w.scaling(), Scaling.Transform.NONE, s.covariate(c), 0, split.trainEnd()));
        }
        PreparedSeries partial = new PreparedSeries(w, split, target, cov, null, null);
        double[][] features = partial.features(s);
        double[] y = features[0];
        Windows.Set tr = Windows.make(features, y, w.window(), w.horizon(), 0, split.trainEnd());
        Windows.Set va = Windows.make(features, y, w.window(), w.horizon(), split.trainEnd(), split.validationEnd());
        return new PreparedSeries(w, split, target, cov, tr, va);
    }

    /**
     * Restores the preparation of a trained model (settings and fitted scalings from its config),
     * for prediction; it holds no windows.
     */
    public static PreparedSeries restore(WindowSettings w, TimeSplit split, Scaling target, List<Scaling> covariates) {
        return new PreparedSeries(w, split, target, covariates, null, null);
    }

    /** {@code [F][T]}: the scaled target, then each scaled covariate. */
    public double[][] features(Series s) {
        if (s.covariateNames().size() != covariateScalings.size()) {
            throw new IllegalArgumentException("prepared series: " + covariateScalings.size() + " covariates expected, series has "
                    + s.covariateNames().size());
        }
        double[][] f = new double[1 + covariateScalings.size()][];
        try {
            f[0] = targetScaling.apply(s.target());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(s.sourceName() + ": column '" + s.targetName() + "': " + e.getMessage());
        }
        for (int c = 0; c < covariateScalings.size(); c++) {
            f[c + 1] = covariateScalings.get(c).apply(s.covariate(c));
        }
        return f;
    }

    /** The model input for forecasting after the end of {@code history}: {@code [1, W, F]}. */
    public Tensor lastWindow(Series history) {
        if (history.size() < settings.window()) {
            throw new IllegalArgumentException(history.sourceName() + ": " + history.size() + " rows are too few for the input window of "
                    + settings.window());
        }
        return Windows.inputEndingAt(features(history), history.size(), settings.window());
    }

    public WindowSettings settings() {
        return settings;
    }

    public TimeSplit split() {
        return split;
    }

    public Scaling targetScaling() {
        return targetScaling;
    }

    public List<Scaling> covariateScalings() {
        return covariateScalings;
    }

    /** Windows whose targets are training points. */
    public Windows.Set train() {
        return train;
    }

    /** Windows whose targets are validation points (may be empty when validation is shorter than the horizon). */
    public Windows.Set validation() {
        return validation;
    }
}
