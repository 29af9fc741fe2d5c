package org.rnn4j.forecast;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rnn4j.data.series.Scaling;
import org.rnn4j.data.series.Series;
import org.rnn4j.data.series.TimeAxis;

/**
 * How raw values become the model's series and back, fitted on the training part only:
 * {@code z = (f(y) - center) / scale} (f = identity or log, {@link Scaling}), then the seasonal
 * index of the point's phase is subtracted: {@code d = z - s[phase]}. The network reads windows of
 * {@code d} relative to their last value, divided by {@code windowScale} (see {@link WindowData}),
 * beside each covariate standardised by its {@link CovariateScaling}: {@link #features} gives all
 * F = 1 + C inputs per step.
 *
 * @param scaling         transform and standardisation fitted on the training part
 * @param transformReason why the transform was chosen (recorded for the user)
 * @param season          seasonal period m
 * @param seasonal        the seasonal indices s[0..m) in z units, or empty when not adjusted
 * @param seasonalStrength strength of the fitted indices (0..1), null when not estimated
 * @param anchorTime      time label of point 0 of the training series: phase 0
 * @param anchorKind      kind of that label, to find the phase of another file's first point
 * @param levelSpan       a window's reference level is the mean of its last this many values: half a season
 *                        when seasonally adjusted (averaging the noise of the per-phase indices and of the points),
 *                        else 1 (the last value)
 * @param windowScale     RMS of window offsets from their reference level over the training windows
 * @param covariates      the covariates fed beside the target, in input order, each fitted on the same part as the
 *                        target (empty for a univariate model; a config without them is univariate)
 */
public record SeriesTransform(Scaling scaling, String transformReason, int season, double[] seasonal,
                              Double seasonalStrength, String anchorTime, TimeAxis.Kind anchorKind, int levelSpan, double windowScale,
                              List<CovariateScaling> covariates) {

    public SeriesTransform {
        seasonal = seasonal.clone();
        covariates = covariates == null ? List.of() : List.copyOf(covariates);
        if (seasonal.length != 0 && seasonal.length != season) {
            throw new IllegalArgumentException("series transform: " + seasonal.length + " seasonal indices for season " + season);
        }
        if (levelSpan < 1) {
            throw new IllegalArgumentException("series transform: level span must be >= 1, got " + levelSpan);
        }
        if (!(windowScale > 0) || !Double.isFinite(windowScale)) {
            throw new IllegalArgumentException("series transform: window scale must be finite and > 0, got " + windowScale);
        }
    }

    /** True when seasonal indices are removed. */
    @JsonIgnore
    public boolean seasonallyAdjusted() {
        return seasonal.length > 0;
    }

    /** F: inputs per time step, the target and each covariate. */
    @JsonIgnore
    public int inputSize() {
        return 1 + covariates.size();
    }

    /**
     * Fits on {@code s[0, trainEnd)}, the target and each of its covariates.
     *
     * @throws IllegalArgumentException naming the file and column when a value is outside the transform's domain
     */
    public static SeriesTransform fit(Series s, int trainEnd, ForecastSettings settings) {
        double[] y = s.target();
        String where = s.sourceName() + ": column '" + s.targetName() + "': ";
        TransformChoice.Decision decision = switch (settings.transform()) {
            case AUTO -> TransformChoice.choose(y, trainEnd, settings.season());
            case NONE -> new TransformChoice.Decision(Scaling.Transform.NONE, "chosen: none");
            case LOG -> new TransformChoice.Decision(Scaling.Transform.LOG, "chosen: log");
        };
        Scaling scaling;
        try {
            scaling = Scaling.fit(Scaling.Kind.STANDARD, decision.transform(), y, 0, trainEnd);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage());
        }
        double[] z = new double[trainEnd];
        for (int t = 0; t < trainEnd; t++) {
            z[t] = scaling.apply(y[t]);
        }
        int m = settings.season();
        double[] indices = new double[0];
        Double strength = null;
        boolean enough = m >= 2 && trainEnd >= Seasonality.MIN_CYCLES * m;
        if (settings.seasonal() == ForecastSettings.SeasonalMode.ON && !enough) {
            throw new IllegalArgumentException(where + "seasonal adjustment needs season >= 2 and at least "
                    + Seasonality.MIN_CYCLES + " seasons of training data, got season " + m + " and " + trainEnd + " rows");
        }
        if (enough && settings.seasonal() != ForecastSettings.SeasonalMode.OFF) {
            Seasonality.Profile p = Seasonality.fit(z, trainEnd, m, 0);
            strength = p.strength();
            if (settings.seasonal() == ForecastSettings.SeasonalMode.ON || strength >= ForecastSettings.MIN_SEASONAL_STRENGTH) {
                indices = p.indices();
            }
        }
        int span = indices.length > 0 ? Math.min(settings.window(), (m + 1) / 2) : 1;
        SeriesTransform partial = new SeriesTransform(scaling, decision.reason(), m, indices, strength, s.time().label(0),
                s.time().kind(), span, 1.0, List.of());
        double[] d = partial.toModel(s.head(trainEnd));
        double scale = WindowData.offsetRms(d, trainEnd, settings.window(), span);
        List<CovariateScaling> cov = new ArrayList<>();
        for (int c = 0; c < s.covariateNames().size(); c++) {
            cov.add(CovariateScaling.fit(s.covariateNames().get(c), s.covariate(c), trainEnd));
        }
        return new SeriesTransform(scaling, decision.reason(), m, indices, strength, s.time().label(0), s.time().kind(), span,
                scale > 0 && Double.isFinite(scale) ? scale : 1.0, cov);
    }

    /**
     * {@code [F][T]}: the model series of {@link #toModel}, then each covariate's network input, found by
     * name among {@code s}'s covariates (others are ignored).
     *
     * @throws IllegalArgumentException naming the file and the column when {@code s} lacks a covariate the model needs
     */
    public double[][] features(Series s) {
        double[][] f = new double[inputSize()][];
        for (int c = 0; c < covariates.size(); c++) {
            CovariateScaling cs = covariates.get(c);
            int i = s.covariateNames().indexOf(cs.name());
            if (i < 0) {
                throw new IllegalArgumentException(s.sourceName() + ": the model needs covariate column '" + cs.name()
                        + "', which this series does not have (its covariates: "
                        + (s.covariateNames().isEmpty() ? "none" : String.join(", ", s.covariateNames())) + ")");
            }
            double[] x = s.covariate(i);
            for (int t = 0; t < x.length; t++) {
                x[t] = cs.apply(x[t]);
            }
            f[c + 1] = x;
        }
        f[0] = toModel(s);
        return f;
    }

    /** The model series {@code d} of every point of {@code s}. */
    public double[] toModel(Series s) {
        int offset = phaseOffset(s);
        double[] y = s.target();
        double[] d = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            double z;
            try {
                z = scaling.apply(y[t]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(s.sourceName() + (s.lineOf(t) > 0 ? ":" + s.lineOf(t) : "") + ": column '"
                        + s.targetName() + "': value " + y[t] + " cannot be modelled: " + e.getMessage());
            }
            d[t] = z - seasonalAt(t, offset);
        }
        return d;
    }

    /** A model value at index {@code t} of a series with phase offset {@code offset} back in raw units. */
    public double toRaw(double d, int t, int offset) {
        return scaling.invert(d + seasonalAt(t, offset));
    }

    private double seasonalAt(int t, int offset) {
        return seasonal.length == 0 ? 0 : seasonal[Seasonality.phase(t, offset, season)];
    }

    /**
     * The phase of point 0 of {@code s} relative to the training series: 0 for the same file; for
     * another file, found from where the training's first time stamp lies (or by months between
     * {@code YYYY-MM} stamps).
     */
    public int phaseOffset(Series s) {
        if (seasonal.length == 0 || s.size() == 0 || s.time().label(0).equals(anchorTime)) {
            return 0;
        }
        int at = s.time().labels().indexOf(anchorTime);
        if (at >= 0) {
            return Math.floorMod(-at, season);
        }
        if (anchorKind == TimeAxis.Kind.YEAR_MONTH && s.time().kind() == TimeAxis.Kind.YEAR_MONTH) {
            long months = ChronoUnit.MONTHS.between(YearMonth.parse(anchorTime.trim()), YearMonth.parse(s.time().label(0).trim()));
            return (int) Math.floorMod(months, (long) season);
        }
        throw new IllegalArgumentException(s.sourceName() + ": cannot place the seasonal phase: the model was trained on a "
                + "series starting at '" + anchorTime + "', which this file does not contain");
    }

    @Override
    public String toString() {
        String cov = covariates.isEmpty() ? "" : ", covariates " + String.join(", ", covariates.stream()
                .map(c -> "'" + c.name() + "'" + (c.constant() ? " (constant: ignored)" : "")).toList());
        return String.format(Locale.ROOT, "%s, %s%s", scaling.transform().name().toLowerCase(Locale.ROOT),
                seasonal.length == 0 ? "no seasonal adjustment" : String.format(Locale.ROOT, "seasonal indices (strength %.2f)", seasonalStrength),
                cov);
    }
}
