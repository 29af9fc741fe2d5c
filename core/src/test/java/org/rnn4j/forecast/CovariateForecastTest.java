package org.rnn4j.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.data.series.Backtest;
import org.rnn4j.data.series.Forecaster;
import org.rnn4j.data.series.Series;
import org.rnn4j.io.FileFormatException;
import org.rnn4j.io.ModelDirectory;
import org.rnn4j.io.SafeTensors;
import org.rnn4j.train.TrainingListener;

/** Covariates as inputs of the recurrent forecaster: learning from them, their scaling, roll-out, model files. */
class CovariateForecastTest {
    /** 240 rows, the last 40 held out. */
    static final int N = 240;
    static final int HOLDOUT = 40;

    @TempDir
    Path dir;

    /** A small recipe without a season: horizon 2, window 8. */
    static ForecastSettings small() {
        return ForecastSettings.defaults(1, HOLDOUT, N).withHorizon(2).withWindow(8).withMembers(2).withHiddenSize(8)
                .withMaxEpochs(4).withPatience(2);
    }

    @Test
    void aLaggedCovariateMakesTheSameModelClearlyBetter() throws Exception {
        double[][] yx = Synthetic.laggedCovariate(N, 2, 5);
        Series with = Synthetic.series(dir, "with", yx[0], yx[1]);
        Series without = Synthetic.series(dir, "without", yx[0]);
        ForecastSettings st = small().withHiddenSize(16).withMaxEpochs(60).withPatience(10);
        RecurrentForecaster a = ForecastTrainer.train(with, st, TrainingListener.none());
        RecurrentForecaster b = ForecastTrainer.train(without, st, TrainingListener.none());
        assertEquals(2, a.ensemble().members().get(0).inputSize());
        assertEquals(1, b.ensemble().members().get(0).inputSize());
        // y[t] = 10 + 2·x[t-2] + noise: both horizon steps are known from the window's covariates, none from the target
        int start = N - HOLDOUT;
        double maeWith = Backtest.run(with, start, 2, 1, List.of(a, Forecaster.naive())).metrics().get("recurrent").mae();
        Backtest.Result r = Backtest.run(without, start, 2, 1, List.of(b, Forecaster.naive()));
        double maeWithout = r.metrics().get("recurrent").mae();
        String msg = String.format(Locale.ROOT, "holdout MAE with the covariate %.4f, without %.4f, naive %.4f", maeWith, maeWithout,
                r.metrics().get("naive").mae());
        System.out.println(msg);
        assertTrue(maeWith < 0.5 * maeWithout, msg);
        assertTrue(maeWith < 0.5 * r.metrics().get("naive").mae(), msg);
    }

    @Test
    void covariateScalingIsFittedOnTheTrainingPartOnly() throws Exception {
        double[][] yx = Synthetic.laggedCovariate(N, 2, 6);
        Series s = Synthetic.series(dir, "s", yx[0], yx[1]);
        RecurrentForecaster kept = ForecastTrainer.train(s, small().withRefit(false), TrainingListener.none());
        RecurrentForecaster refit = ForecastTrainer.train(s, small(), TrainingListener.none());
        TrainingSummary r = kept.summary().orElseThrow();
        double[] x = s.covariate(0);
        assertEquals(CovariateScaling.fit("x", x, r.trainRows()), kept.transform().covariates().get(0));
        assertEquals(CovariateScaling.fit("x", x, r.trainRows() + r.validationRows()), refit.transform().covariates().get(0));
        assertEquals(mean(x, r.trainRows()), kept.transform().covariates().get(0).mean(), 1e-12);

        // Covariates after the training part change neither the fitted scaling nor (without a refit) the model;
        // those of the holdout do not reach the refitted model either.
        double[] later = x.clone();
        for (int t = r.trainRows(); t < N; t++) {
            later[t] = 100 + t;
        }
        Series s2 = Synthetic.series(dir, "s2", yx[0], later);
        RecurrentForecaster kept2 = ForecastTrainer.train(s2, small().withRefit(false), TrainingListener.none());
        assertEquals(kept.transform().covariates(), kept2.transform().covariates());
        assertArrayEquals(kept.forecast(s.head(r.trainRows()), 2), kept2.forecast(s2.head(r.trainRows()), 2));
        double[] holdout = x.clone();
        Arrays.fill(holdout, N - HOLDOUT, N, -50.0);
        Series s3 = Synthetic.series(dir, "s3", yx[0], holdout);
        RecurrentForecaster refit3 = ForecastTrainer.train(s3, small(), TrainingListener.none());
        assertEquals(refit.transform().covariates(), refit3.transform().covariates());
        assertArrayEquals(refit.forecast(s.head(N - HOLDOUT), 2), refit3.forecast(s3.head(N - HOLDOUT), 2));
    }

    @Test
    void aConstantCovariateIsFedAsZeroAndIgnored() throws Exception {
        double[] y = Synthetic.laggedCovariate(N, 2, 7)[0];
        double[] law = new double[N]; // 0 while training, 1 from the holdout on: the network never saw it vary
        Arrays.fill(law, N - HOLDOUT, N, 1.0);
        Series s = Synthetic.series(dir, "law", y, law);
        RecurrentForecaster f = ForecastTrainer.train(s, small(), TrainingListener.none());
        CovariateScaling c = f.transform().covariates().get(0);
        assertEquals(new CovariateScaling("x", 0.0, 0.0), c);
        assertTrue(c.constant());
        assertEquals(0.0, c.apply(1e9));
        assertTrue(f.transform().toString().contains("covariates 'x' (constant: ignored)"), f.transform().toString());
        // what it does after the training part does not matter
        double[] other = law.clone();
        Arrays.fill(other, N - HOLDOUT, N, 0.0);
        Series s2 = Synthetic.series(dir, "law2", y, other);
        assertArrayEquals(f.forecast(s2, 6), f.forecast(s, 6));
        assertEquals(0, f.stepsAssumingCovariates(6)); // nothing rests on a covariate the model ignores
        // equal values that do not average exactly still count as constant
        assertEquals(0.0, CovariateScaling.fit("c", new double[] {0.1, 0.1, 0.1}, 3).sd());
    }

    @Test
    void rollOutCarriesTheLastCovariateValueForward() throws Exception {
        double[][] yx = Synthetic.laggedCovariate(N, 2, 8);
        Series s = Synthetic.series(dir, "roll", yx[0], yx[1]);
        RecurrentForecaster f = ForecastTrainer.train(s, small(), TrainingListener.none());
        Series history = s.head(N - HOLDOUT);
        double[] fc = f.forecast(history, 6);
        assertArrayEquals(Arrays.copyOf(fc, 2), f.forecast(history, 2)); // the first block needs no assumption
        assertEquals(0, f.stepsAssumingCovariates(2));
        assertEquals(4, f.stepsAssumingCovariates(6));
        // The same as appending the first block's forecasts with the last covariate value repeated, and forecasting on.
        int n = history.size();
        double[] y2 = Arrays.copyOf(history.target(), n + 2);
        double[] x2 = Arrays.copyOf(history.covariate(0), n + 2);
        y2[n] = fc[0];
        y2[n + 1] = fc[1];
        x2[n] = x2[n - 1];
        x2[n + 1] = x2[n - 1];
        double[] next = f.forecast(Synthetic.series(dir, "roll2", y2, x2), 2);
        assertEquals(fc[2], next[0], 1e-4);
        assertEquals(fc[3], next[1], 1e-4);
        // a univariate model assumes nothing
        RecurrentForecaster u = ForecastTrainer.train(Synthetic.series(dir, "u", yx[0]), small(), TrainingListener.none());
        assertEquals(0, u.stepsAssumingCovariates(6));
    }

    @Test
    void savedAndLoadedWithCovariatesForecastsBitIdentically() throws Exception {
        double[][] yx = Synthetic.laggedCovariate(N, 2, 9);
        Series s = Synthetic.series(dir, "saved", yx[0], yx[1]);
        RecurrentForecaster f = ForecastTrainer.train(s, small(), TrainingListener.none());
        Path m = dir.resolve("model");
        ForecastModelFiles.save(f, m);
        RecurrentForecaster g = ForecastModelFiles.load(m);
        assertArrayEquals(f.forecast(s.head(N - HOLDOUT), 9), g.forecast(s.head(N - HOLDOUT), 9));
        assertArrayEquals(f.forecast(s, 2), g.forecast(s, 2));
        assertEquals(f.transform().covariates(), g.transform().covariates());
        assertEquals(List.of("x"), g.columns().covariates());

        JsonNode c = ModelDirectory.load(m).config();
        assertEquals(2, c.at("/architecture/input_size").asInt());
        assertEquals("x", c.at("/columns/covariates/0").asText());
        assertEquals("x", c.at("/preprocessing/covariates/0/name").asText());
        assertEquals(f.transform().covariates().get(0).mean(), c.at("/preprocessing/covariates/0/mean").asDouble());
        assertEquals(f.transform().covariates().get(0).sd(), c.at("/preprocessing/covariates/0/sd").asDouble());
        assertTrue(c.at("/architecture/pytorch").asText().contains("nn.LSTM(2, 8,"), c.toString());
        long[] wih = SafeTensors.readHeader(m.resolve("model.safetensors")).tensors().stream()
                .filter(t -> t.name().equals("members.0.rnn.weight_ih_l0")).findFirst().orElseThrow().shape();
        assertArrayEquals(new long[] {32, 2}, wih); // [4H, F]
    }

    @Test
    void aSeriesWithoutTheModelsCovariateIsNamed() throws Exception {
        double[][] yx = Synthetic.laggedCovariate(N, 2, 10);
        RecurrentForecaster f = ForecastTrainer.train(Synthetic.series(dir, "cov", yx[0], yx[1]), small(), TrainingListener.none());
        Series plain = Synthetic.series(dir, "plain", yx[0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.forecast(plain, 2));
        assertEquals(dir.resolve("plain.csv") + ": the model needs covariate column 'x', which this series does not have "
                + "(its covariates: none)", e.getMessage());
    }

    @Test
    void configsWithoutCovariatesLoadAndInconsistentOnesAreNamed() throws Exception {
        double[][] yx = Synthetic.laggedCovariate(N, 2, 11);
        Path uni = dir.resolve("uni");
        RecurrentForecaster u = ForecastTrainer.train(Synthetic.series(dir, "u", yx[0]), small(), TrainingListener.none());
        ForecastModelFiles.save(u, uni);
        // a config written before covariates existed: no 'covariates' lists at all
        ObjectMapper json = new ObjectMapper();
        Path config = uni.resolve("config.json");
        ObjectNode c = (ObjectNode) json.readTree(config.toFile());
        ((ObjectNode) c.get("columns")).remove("covariates");
        ((ObjectNode) c.get("preprocessing")).remove("covariates");
        Files.writeString(config, json.writeValueAsString(c));
        RecurrentForecaster old = ForecastModelFiles.load(uni);
        assertEquals(List.of(), old.columns().covariates());
        Series history = Synthetic.series(dir, "u", yx[0]).head(N - HOLDOUT);
        assertArrayEquals(u.forecast(history, 5), old.forecast(history, 5));

        Path cov = dir.resolve("cov");
        ForecastModelFiles.save(ForecastTrainer.train(Synthetic.series(dir, "c", yx[0], yx[1]), small(), TrainingListener.none()), cov);
        Path covConfig = cov.resolve("config.json");
        String good = Files.readString(covConfig);
        Files.writeString(covConfig, good.replaceFirst("\"covariates\" : \\[ \"x\" \\]", "\"covariates\" : [ ]"));
        FileFormatException e = assertThrows(FileFormatException.class, () -> ForecastModelFiles.load(cov));
        assertEquals(covConfig + ": columns.covariates [] and preprocessing.covariates [x] disagree", e.getMessage());
        Files.writeString(covConfig, good.replace("\"input_size\" : 2", "\"input_size\" : 1"));
        e = assertThrows(FileFormatException.class, () -> ForecastModelFiles.load(cov));
        assertEquals(covConfig + ": architecture.input_size 1 does not match the target and 1 covariate(s): expected 2", e.getMessage());
    }

    private static double mean(double[] x, int n) {
        double s = 0;
        for (int t = 0; t < n; t++) {
            s += x[t];
        }
        return s / n;
    }
}
