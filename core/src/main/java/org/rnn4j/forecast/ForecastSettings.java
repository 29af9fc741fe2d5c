package org.rnn4j.forecast;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.function.Consumer;
import org.rnn4j.nn.recurrent.CellKind;

/**
 * Everything that decides how a recurrent forecaster is built and trained. {@link #defaults} is the
 * one place where the default recipe lives; it is recorded in the model's config.json.
 *
 * @param cell               recurrent cell
 * @param hiddenSize         hidden units per layer
 * @param numLayers          stacked recurrent layers
 * @param window             input time steps per example
 * @param horizon            steps forecast at once from the last hidden state (longer forecasts roll out block by block)
 * @param season             seasonal period m (1 = none)
 * @param holdout            last points never used for fitting anything
 * @param validationFraction share of the remaining points, at their end, used for early stopping ...
 * @param maxValidation      ... but at most this many points, so long series keep their recent past for training
 * @param members            ensemble size: models trained from different seeds whose forecasts are averaged ({@link #defaultMembers})
 * @param maxEpochs          upper bound on epochs per member
 * @param patience           epochs without a better validation loss before a member stops
 * @param batchSize          windows per optimizer step
 * @param windowsPerEpoch    at most this many training windows (sampled afresh each epoch) per epoch
 * @param warmupSteps        optimizer steps before early stopping starts watching (short series would otherwise
 *                           stop before learning anything from a validation part of a few noisy windows)
 * @param learningRate       Adam's learning rate
 * @param clipNorm           gradient norm clipping
 * @param loss               training and validation loss on the normalised windows
 * @param seed               drives initialisation and sampling; same seed ⇒ same model
 * @param transform          log or not (auto decides from the training part)
 * @param seasonal           seasonal adjustment by classical decomposition indices (auto decides by strength)
 * @param refit              after early stopping has chosen each member's training length on the validation part, fit the
 *                           transform again on training + validation and retrain each member for that many optimizer steps
 *                           on all windows before the holdout (the recent past, and on short series a third more data)
 * @param combine            whether the forecast is the network's alone or {@link Combination#DEFAULT} (auto: combined unless
 *                           the model reads covariates, which the classical forecasts cannot see); a config written before this
 *                           setting existed reads as off, as such a model was trained
 */
public record ForecastSettings(CellKind cell, int hiddenSize, int numLayers, int window, int horizon, int season, int holdout,
                               double validationFraction, int maxValidation, int members, int maxEpochs, int patience,
                               int batchSize, int windowsPerEpoch, int warmupSteps, double learningRate, double clipNorm, Loss loss, long seed,
                               TransformMode transform, SeasonalMode seasonal, boolean refit,
                               CombineMode combine) {

    /** The loss minimised on normalised windows (and watched on validation). */
    public enum Loss {
        /** Mean absolute error: forecasts the conditional median, robust to outliers, matches MAE / MASE. */
        @JsonProperty("mae") MAE,
        /** Mean squared error: the conditional mean. */
        @JsonProperty("mse") MSE
    }

    /** Whether values are modelled in logs. */
    public enum TransformMode {
        /** Log when the series is positive and its variation grows with its level ({@link TransformChoice}). */
        @JsonProperty("auto") AUTO,
        @JsonProperty("none") NONE,
        @JsonProperty("log") LOG
    }

    /** Whether seasonal indices are removed before the network sees the series. */
    public enum SeasonalMode {
        /** When the season is at least 2, the training part holds 3 seasons and the seasonal strength is at least {@link #MIN_SEASONAL_STRENGTH}. */
        @JsonProperty("auto") AUTO,
        @JsonProperty("on") ON,
        @JsonProperty("off") OFF
    }

    /** Whether the network's forecast is combined with classical ones ({@link Combination}). */
    public enum CombineMode {
        /** Combined for a univariate model; the network alone when it reads covariates. */
        @JsonProperty("auto") AUTO,
        @JsonProperty("on") ON,
        @JsonProperty("off") OFF
    }

    /** Seasonal strength from which {@link SeasonalMode#AUTO} adjusts. */
    public static final double MIN_SEASONAL_STRENGTH = 0.3;
    /** Fewest training windows a series must give (an automatic window shrinks to leave this many). */
    public static final int MIN_TRAIN_WINDOWS = 8;
    /** Smallest automatic window. */
    public static final int MIN_WINDOW = 4;

    public ForecastSettings {
        if (combine == null) { // a config.json from before the setting: its model was not combined
            combine = CombineMode.OFF;
        }
        require(hiddenSize >= 1, "hidden size must be >= 1, got " + hiddenSize);
        require(numLayers >= 1, "layers must be >= 1, got " + numLayers);
        require(window >= 1, "window must be >= 1, got " + window);
        require(horizon >= 1, "horizon must be >= 1, got " + horizon);
        require(season >= 1, "season must be >= 1, got " + season);
        require(holdout >= 0, "holdout must be >= 0, got " + holdout);
        require(validationFraction > 0 && validationFraction < 1, "validation fraction must be in (0, 1), got " + validationFraction);
        require(maxValidation >= 1, "max validation must be >= 1, got " + maxValidation);
        require(members >= 1, "members must be >= 1, got " + members);
        require(maxEpochs >= 1, "epochs must be >= 1, got " + maxEpochs);
        require(patience >= 1, "patience must be >= 1, got " + patience);
        require(batchSize >= 1, "batch size must be >= 1, got " + batchSize);
        require(windowsPerEpoch >= 1, "windows per epoch must be >= 1, got " + windowsPerEpoch);
        require(warmupSteps >= 0, "warm-up steps must be >= 0, got " + warmupSteps);
        require(learningRate > 0 && Double.isFinite(learningRate), "learning rate must be > 0, got " + learningRate);
        require(clipNorm > 0, "clip norm must be > 0, got " + clipNorm);
        require(cell != null && transform != null && seasonal != null && loss != null, "cell, loss, transform and seasonal must be set");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("forecast settings: " + message);
        }
    }

    /** The default horizon for season m: one season, or 6 steps without one. */
    public static int defaultHorizon(int season) {
        return season >= 2 ? season : NON_SEASONAL_HORIZON;
    }

    /**
     * The default window for season m and horizon h with {@code rows} points before the holdout:
     * two seasons or two horizons, at least 12 steps (the base); for long series, {@code rows/}{@value #ROWS_PER_WINDOW_STEP}
     * rounded down to whole seasons, up to 4× the base — more data can afford more context (a
     * cycle longer than the season, such as the sunspots' 11 years, is then partly in view).
     */
    public static int defaultWindow(int season, int horizon, int rows) {
        int base = Math.max(MIN_DEFAULT_WINDOW, Math.max(2 * season, 2 * horizon));
        int unit = Math.max(1, season);
        int longer = rows / ROWS_PER_WINDOW_STEP / unit * unit;
        return Math.max(base, Math.min(4 * base, longer));
    }

    /** A long series gets one window step per this many rows (see {@link #defaultWindow}). */
    public static final int ROWS_PER_WINDOW_STEP = 32;
    /** From this many rows before the holdout the ensemble has {@link #LONG_SERIES_MEMBERS} members instead of {@link #MEMBERS}. */
    public static final int LONG_SERIES_ROWS = 1000;

    // The default recipe's numbers, as constants so that the CLI's help can quote them.
    /** Recurrent cell, as config.json and the CLI spell it. */
    public static final String CELL_ID = "lstm";
    /** Recurrent cell. */
    public static final CellKind CELL = CellKind.parse(CELL_ID);
    /** Hidden units per layer. */
    public static final int HIDDEN_SIZE = 32;
    /** Stacked recurrent layers. */
    public static final int NUM_LAYERS = 1;
    /** Ensemble members of a series shorter than {@link #LONG_SERIES_ROWS} rows (before the holdout). */
    public static final int MEMBERS = 5;
    /** Ensemble members of a long series (more data, less variance; cost grows with length). */
    public static final int LONG_SERIES_MEMBERS = 3;
    /** Epochs per member at most. */
    public static final int MAX_EPOCHS = 200;
    /** Epochs without a better validation loss before a member stops. */
    public static final int PATIENCE = 20;
    /** Adam's learning rate. */
    public static final double LEARNING_RATE = 3e-3;
    /** Horizon without a season. */
    public static final int NON_SEASONAL_HORIZON = 6;
    /** Shortest default window. */
    public static final int MIN_DEFAULT_WINDOW = 12;

    /**
     * The documented default recipe for season {@code m} and {@code rows} points of which the last
     * {@code holdout} are kept out. (A short series may still need {@link ForecastTrainer#fitWindowToRows}.)
     */
    public static ForecastSettings defaults(int season, int holdout, int rows) {
        int h = defaultHorizon(season);
        return new ForecastSettings(CELL, HIDDEN_SIZE, NUM_LAYERS, defaultWindow(season, h, rows - holdout), h, season, holdout, 0.2,
                Math.max(120, 10 * h), defaultMembers(rows - holdout), MAX_EPOCHS, PATIENCE, 32, 256, 200, LEARNING_RATE, 1.0, Loss.MAE,
                42, TransformMode.AUTO, SeasonalMode.AUTO, true, CombineMode.AUTO);
    }

    /** The default ensemble size for {@code rows} points before the holdout. */
    public static int defaultMembers(int rows) {
        return rows >= LONG_SERIES_ROWS ? LONG_SERIES_MEMBERS : MEMBERS;
    }

    /** Validation points for {@code rest} points before the holdout: the fraction, at least one horizon, at most the cap. */
    public int validationSize(int rest) {
        int v = (int) Math.round(rest * validationFraction);
        return Math.max(horizon, Math.min(v, maxValidation));
    }

    /** A copy of these settings with one change, checked again by the canonical constructor. */
    private ForecastSettings with(Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    /** The components as mutable fields, for {@link #with}. */
    private static final class Builder {
        CellKind cell;
        int hiddenSize;
        int numLayers;
        int window;
        int horizon;
        int season;
        int holdout;
        double validationFraction;
        int maxValidation;
        int members;
        int maxEpochs;
        int patience;
        int batchSize;
        int windowsPerEpoch;
        int warmupSteps;
        double learningRate;
        double clipNorm;
        Loss loss;
        long seed;
        TransformMode transform;
        SeasonalMode seasonal;
        boolean refit;
        CombineMode combine;

        Builder(ForecastSettings s) {
            cell = s.cell;
            hiddenSize = s.hiddenSize;
            numLayers = s.numLayers;
            window = s.window;
            horizon = s.horizon;
            season = s.season;
            holdout = s.holdout;
            validationFraction = s.validationFraction;
            maxValidation = s.maxValidation;
            members = s.members;
            maxEpochs = s.maxEpochs;
            patience = s.patience;
            batchSize = s.batchSize;
            windowsPerEpoch = s.windowsPerEpoch;
            warmupSteps = s.warmupSteps;
            learningRate = s.learningRate;
            clipNorm = s.clipNorm;
            loss = s.loss;
            seed = s.seed;
            transform = s.transform;
            seasonal = s.seasonal;
            refit = s.refit;
            combine = s.combine;
        }

        ForecastSettings build() {
            return new ForecastSettings(cell, hiddenSize, numLayers, window, horizon, season, holdout, validationFraction, maxValidation,
                    members, maxEpochs, patience, batchSize, windowsPerEpoch, warmupSteps, learningRate, clipNorm, loss, seed, transform,
                    seasonal, refit, combine);
        }
    }

    public ForecastSettings withCell(CellKind v) {
        return with(b -> b.cell = v);
    }

    public ForecastSettings withHiddenSize(int v) {
        return with(b -> b.hiddenSize = v);
    }

    public ForecastSettings withNumLayers(int v) {
        return with(b -> b.numLayers = v);
    }

    public ForecastSettings withWindow(int v) {
        return with(b -> b.window = v);
    }

    public ForecastSettings withHorizon(int v) {
        return with(b -> b.horizon = v);
    }

    public ForecastSettings withMembers(int v) {
        return with(b -> b.members = v);
    }

    public ForecastSettings withMaxEpochs(int v) {
        return with(b -> b.maxEpochs = v);
    }

    public ForecastSettings withPatience(int v) {
        return with(b -> b.patience = v);
    }

    public ForecastSettings withLearningRate(double v) {
        return with(b -> b.learningRate = v);
    }

    public ForecastSettings withLoss(Loss v) {
        return with(b -> b.loss = v);
    }

    public ForecastSettings withSeed(long v) {
        return with(b -> b.seed = v);
    }

    public ForecastSettings withTransform(TransformMode v) {
        return with(b -> b.transform = v);
    }

    public ForecastSettings withSeasonal(SeasonalMode v) {
        return with(b -> b.seasonal = v);
    }

    public ForecastSettings withRefit(boolean v) {
        return with(b -> b.refit = v);
    }

    public ForecastSettings withCombine(CombineMode v) {
        return with(b -> b.combine = v);
    }

    /** The combination a model trained with these settings uses, reading {@code covariates} other columns. */
    public Combination combination(int covariates) {
        boolean on = combine == CombineMode.ON || (combine == CombineMode.AUTO && covariates == 0);
        return on ? Combination.DEFAULT : Combination.NONE;
    }
}
