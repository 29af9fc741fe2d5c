package org.rnn4j.forecast;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnn4j.data.series.Backtest;
import org.rnn4j.data.series.Forecaster;
import org.rnn4j.data.series.Series;
import org.rnn4j.train.TrainingListener;

/**
 * The default recipe (with a smaller ensemble, to keep the test quick) on seeded synthetic monthly
 * series of three kinds must not be much worse than the seasonal-naive forecast on a 24-month
 * holdout — a generous bound against gross failures (wrong transform, lost seasonality, trend not
 * followed), not a benchmark.
 */
class SyntheticRobustnessTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"additive", "multiplicative", "random_walk"})
    void defaultRecipeIsNotMuchWorseThanSeasonalNaive(String kind) throws Exception {
        int n = 132;
        double[] y = switch (kind) {
            case "additive" -> Synthetic.additive(n, 21);
            case "multiplicative" -> Synthetic.multiplicative(n, 22);
            default -> Synthetic.randomWalk(n, 23);
        };
        Series s = Synthetic.series(dir, kind, y);
        ForecastSettings st = ForecastTrainer.fitWindowToRows(ForecastSettings.defaults(12, 24, n).withMembers(2), n);
        RecurrentForecaster f = ForecastTrainer.train(s, st, TrainingListener.none());
        Backtest.Result r = Backtest.run(s, n - 24, 24, 12, List.of(f, Forecaster.naive(), Forecaster.seasonalNaive(12)));
        double model = r.metrics().get("recurrent").mase();
        double sn = r.metrics().get("seasonal_naive").mase();
        double naive = r.metrics().get("naive").mase();
        String msg = String.format(Locale.ROOT, "%s: MASE model %.3f, seasonal naive %.3f, naive %.3f (%s)", kind, model, sn, naive,
                f.transform());
        System.out.println(msg);
        assertTrue(model <= 1.25 * sn + 0.1, msg);
        if (!kind.equals("random_walk")) { // on a random walk the naive forecast is optimal; the model learns the sample's drift
            assertTrue(model <= naive, msg);
        }
    }
}
