package org.rnn4j.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.Version;
import org.rnn4j.data.series.Series;
import org.rnn4j.io.FileFormatException;
import org.rnn4j.io.ModelDirectory;
import org.rnn4j.io.SafeTensors;
import org.rnn4j.train.TrainingEvent;
import org.rnn4j.train.TrainingListener;

class ForecastTrainerTest {
    @TempDir
    Path dir;

    /** A small, fast recipe for invariants (not for accuracy). */
    static ForecastSettings small(int holdout, int rows) {
        return ForecastSettings.defaults(12, holdout, rows).withMembers(2).withHiddenSize(8).withMaxEpochs(4).withPatience(2);
    }

    @Test
    void sameSeedSameModelOtherSeedOtherModel() throws Exception {
        Series s = Synthetic.series(dir, "add", Synthetic.additive(120, 7));
        List<TrainingEvent.EpochEnded> log = new ArrayList<>();
        RecurrentForecaster a = ForecastTrainer.train(s, small(12, 120), new TrainingListener() {
            @Override
            public void epochEnded(TrainingEvent.EpochEnded e) {
                log.add(e);
            }
        });
        RecurrentForecaster b = ForecastTrainer.train(s, small(12, 120), TrainingListener.none());
        RecurrentForecaster c = ForecastTrainer.train(s, small(12, 120).withSeed(43), TrainingListener.none());
        Series history = s.head(108);
        assertArrayEquals(a.forecast(history, 30), b.forecast(history, 30));
        assertFalse(Arrays.equals(a.forecast(history, 30), c.forecast(history, 30)));
        assertEquals(8, log.size()); // 2 members × 4 epochs (patience starts after the warm-up)
        assertTrue(log.get(3).stopping() && log.get(0).member() == 0 && log.get(4).member() == 1);
        TrainingSummary r = a.summary().orElseThrow();
        // 120 rows: holdout 12, validation max(12, round(0.2·108)) = 22, training 86.
        assertEquals(86, r.trainRows());
        assertEquals(22, r.validationRows());
        assertEquals(86 - 24 - 12 + 1, r.trainWindows());
        assertEquals(22 - 12 + 1, r.validationWindows());
        assertEquals(List.of("model", "network", "theta", "naive", "seasonal_naive"), r.validation().forecasters());
    }

    @Test
    void refitRetrainsOnEverythingBeforeTheHoldoutForTheChosenSteps() throws Exception {
        double[] y = Synthetic.additive(120, 5);
        Series s = Synthetic.series(dir, "r", y);
        RecurrentForecaster kept = ForecastTrainer.train(s, small(12, 120).withRefit(false), TrainingListener.none());
        List<TrainingEvent.RefitEnded> refits = new ArrayList<>();
        TrainingListener hear = new TrainingListener() {
            @Override
            public void refitEnded(TrainingEvent.RefitEnded r) {
                refits.add(r);
            }
        };
        RecurrentForecaster refit = ForecastTrainer.train(s, small(12, 120), hear);
        TrainingSummary k = kept.summary().orElseThrow();
        TrainingSummary r = refit.summary().orElseThrow();
        assertEquals(0, k.refitWindows());
        // every window whose targets end before the holdout: 108 rows, window 24, horizon 12
        assertEquals(108 - 24 - 12 + 1, r.refitWindows());
        assertEquals(2, refits.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(r.members().get(i).bestSteps(), refits.get(i).steps());
            assertTrue(refits.get(i).steps() > 0);
        }
        // the first phase is the same run, so its out-of-sample validation check is too
        assertEquals(k.validation(), r.validation());
        assertEquals(k.members(), r.members());
        // the refit's transform saw training + validation: its standardisation differs from the training-only fit
        assertTrue(refit.transform().scaling().center() != kept.transform().scaling().center());
        Series history = s.head(108);
        assertFalse(Arrays.equals(kept.forecast(history, 12), refit.forecast(history, 12)));
        // and the holdout still never reaches it
        double[] changed = y.clone();
        Arrays.fill(changed, 108, 120, 500.0);
        RecurrentForecaster other = ForecastTrainer.train(Synthetic.series(dir, "r2", changed), small(12, 120), TrainingListener.none());
        assertArrayEquals(refit.forecast(history, 12), other.forecast(history, 12));
    }

    @Test
    void theHoldoutNeverInfluencesTraining() throws Exception {
        double[] y = Synthetic.additive(120, 8);
        Series s = Synthetic.series(dir, "a", y);
        double[] changed = y.clone();
        for (int i = 108; i < 120; i++) {
            changed[i] = -1000 + i;
        }
        Series s2 = Synthetic.series(dir, "b", changed);
        RecurrentForecaster a = ForecastTrainer.train(s, small(12, 120), TrainingListener.none());
        RecurrentForecaster b = ForecastTrainer.train(s2, small(12, 120), TrainingListener.none());
        assertArrayEquals(a.forecast(s.head(108), 12), b.forecast(s2.head(108), 12));
    }

    @Test
    void forecastsRollOutBeyondTheHorizon() throws Exception {
        Series s = Synthetic.series(dir, "m", Synthetic.multiplicative(120, 9));
        RecurrentForecaster f = ForecastTrainer.train(s, small(0, 120), TrainingListener.none());
        double[] fc = f.forecast(s, 40);
        assertEquals(40, fc.length);
        for (double v : fc) {
            assertTrue(v > 0 && Double.isFinite(v), Arrays.toString(fc)); // log model: positive
        }
        // The first block does not depend on how far we look.
        assertArrayEquals(Arrays.copyOf(fc, 12), f.forecast(s, 12));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.forecast(s.head(10), 3));
        assertTrue(e.getMessage().contains("m.csv: column 'value': 10 rows are too few for the model's input window of 24"),
                e.getMessage());
    }

    @Test
    void tooFewRowsNamesFileLinesAndColumn() throws Exception {
        Series s = Synthetic.series(dir, "short", Synthetic.additive(40, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ForecastTrainer.train(s, small(12, 40), TrainingListener.none()));
        assertTrue(e.getMessage().startsWith(dir.resolve("short.csv") + ": column 'value': 40 rows (lines 2..41) are too few"),
                e.getMessage());
        // The automatic window shrinks for a short series so that it still trains.
        Series mid = Synthetic.series(dir, "mid", Synthetic.additive(72, 1));
        ForecastSettings fitted = ForecastTrainer.fitWindowToRows(small(24, 72), 72);
        assertTrue(fitted.window() < 24 && fitted.window() >= ForecastSettings.MIN_WINDOW, fitted.toString());
        assertEquals(ForecastSettings.MIN_TRAIN_WINDOWS,
                ForecastTrainer.train(mid, fitted, TrainingListener.none()).summary().orElseThrow().trainWindows());
    }

    @Test
    void savedAndLoadedModelForecastsBitIdentically() throws Exception {
        Series s = Synthetic.series(dir, "air-like", Synthetic.multiplicative(120, 10));
        RecurrentForecaster f = ForecastTrainer.train(s, small(12, 120).withCell(org.rnn4j.nn.recurrent.CellKind.GRU), TrainingListener.none());
        Path m = dir.resolve("model");
        ForecastModelFiles.save(f, m);
        RecurrentForecaster g = ForecastModelFiles.load(m);
        assertArrayEquals(f.forecast(s.head(108), 30), g.forecast(s.head(108), 30));
        assertArrayEquals(f.forecast(s, 7), g.forecast(s, 7));
        assertEquals(f.transform().scaling(), g.transform().scaling());
        assertEquals(f.settings(), g.settings());

        JsonNode c = ModelDirectory.load(m).config();
        assertEquals("forecast", c.get("task").asText());
        assertEquals("recurrent_forecaster", c.at("/architecture/type").asText());
        assertEquals("gru", c.at("/architecture/cell").asText());
        assertEquals("value", c.at("/columns/target").asText());
        assertEquals("time", c.at("/columns/time").asText());
        assertEquals("log", c.at("/preprocessing/scaling/transform").asText());
        assertEquals(12, c.at("/preprocessing/seasonal").size());
        assertEquals(42, c.at("/training/seed").asLong());
        assertEquals(24, c.at("/training/window").asInt());
        assertEquals(4, c.at("/result/members/0/epochs").asInt());
        assertTrue(c.at("/result/members/0/best_validation_loss").isNumber());
        assertEquals(Version.get(), c.at("/library/version").asText());
        // PyTorch names: an nn.ModuleList 'members' of modules with 'rnn' (nn.GRU) and 'head' (nn.Linear).
        List<String> names = SafeTensors.readHeader(m.resolve("model.safetensors")).tensors().stream().map(t -> t.name()).toList();
        assertEquals(List.of("members.0.rnn.weight_ih_l0", "members.0.rnn.weight_hh_l0", "members.0.rnn.bias_ih_l0",
                "members.0.rnn.bias_hh_l0", "members.0.head.weight", "members.0.head.bias", "members.1.rnn.weight_ih_l0",
                "members.1.rnn.weight_hh_l0", "members.1.rnn.bias_ih_l0", "members.1.rnn.bias_hh_l0", "members.1.head.weight",
                "members.1.head.bias"), names);
        assertEquals(List.of(), Arrays.stream(dir.resolve("model").toFile().list()).filter(n -> n.endsWith(".tmp")).toList());
    }

    /** The default forecast is the combination of the network's, Theta's and seasonal naive's, each computed on its own. */
    @Test
    void theForecastCombinesTheNetworkWithClassicalForecasts() throws Exception {
        Series s = Synthetic.series(dir, "c", Synthetic.additive(120, 13));
        RecurrentForecaster f = ForecastTrainer.train(s, small(12, 120), TrainingListener.none());
        assertEquals(Combination.DEFAULT, f.combination());
        Series history = s.head(108);
        double[] net = f.networkForecast(history, 30);
        double[] theta = new Theta(12).forecast(history, 30);
        double[] combined = f.forecast(history, 30);
        for (int k = 0; k < 30; k++) {
            double seasonal = history.target(96 + k % 12);
            assertEquals(0.5 * net[k] + 0.25 * theta[k] + 0.25 * seasonal, combined[k], 1e-9 * Math.abs(combined[k]));
        }
        RecurrentForecaster alone = ForecastTrainer.train(s, small(12, 120).withCombine(ForecastSettings.CombineMode.OFF),
                TrainingListener.none());
        assertEquals(Combination.NONE, alone.combination());
        assertArrayEquals(net, alone.forecast(history, 30)); // same seed, same network; only the combination differs
        assertEquals(Combination.NONE, small(12, 120).combination(1)); // auto: covariates are not diluted
        assertEquals(Combination.DEFAULT, small(12, 120).withCombine(ForecastSettings.CombineMode.ON).combination(1));
        assertThrows(IllegalArgumentException.class, () -> new Combination(0.5, 0.5, 0.5));

        Path m = dir.resolve("combined");
        ForecastModelFiles.save(f, m);
        JsonNode c = ModelDirectory.load(m).config();
        assertEquals(0.25, c.at("/combination/seasonal_naive").asDouble());
        assertEquals("auto", c.at("/training/combine").asText());
        String config = Files.readString(m.resolve("config.json"));
        // a config from before the combination existed loads as the network alone
        Files.writeString(m.resolve("config.json"), config.replaceAll("\"combination\" : \\{[^}]*},", "")
                .replace("\"combine\" : \"auto\"", "\"note\" : 0"));
        assertArrayEquals(net, ForecastModelFiles.load(m).forecast(history, 30));
        // weights that do not follow from the setting are refused
        Files.writeString(m.resolve("config.json"), config.replace("\"network\" : 0.5", "\"network\" : 0.25")
                .replace("\"theta\" : 0.25", "\"theta\" : 0.5"));
        FileFormatException e = assertThrows(FileFormatException.class, () -> ForecastModelFiles.load(m));
        assertTrue(e.getMessage().contains("does not follow from training.combine 'auto'"), e.getMessage());
    }

    @Test
    void brokenModelFoldersAreNamed() throws Exception {
        Series s = Synthetic.series(dir, "x", Synthetic.additive(120, 11));
        Path m = dir.resolve("model");
        ForecastModelFiles.save(ForecastTrainer.train(s, small(12, 120), TrainingListener.none()), m);
        Path weights = m.resolve("model.safetensors");
        byte[] good = Files.readAllBytes(weights);
        Files.write(weights, Arrays.copyOf(good, good.length - 10));
        assertThrows(FileFormatException.class, () -> ForecastModelFiles.load(m));
        Files.write(weights, good);
        String config = Files.readString(m.resolve("config.json"));
        Files.writeString(m.resolve("config.json"), config.replace("\"hidden_size\" : 8", "\"hidden_size\" : 9"));
        FileFormatException e = assertThrows(FileFormatException.class, () -> ForecastModelFiles.load(m));
        assertTrue(e.getMessage().startsWith(weights + ": does not match config.json: load_state_dict: members.0.rnn.weight_ih_l0 "
                + "has shape [32, 1] in the checkpoint, the model expects [36, 1]"), e.getMessage());
        Files.writeString(m.resolve("config.json"), config.replace("\"task\" : \"forecast\"", "\"task\" : \"classify\""));
        e = assertThrows(FileFormatException.class, () -> ForecastModelFiles.load(m));
        assertTrue(e.getMessage().startsWith(m.resolve("config.json") + ": not a recurrent forecasting model"), e.getMessage());
        Files.delete(m.resolve("config.json"));
        assertThrows(NoSuchFileException.class, () -> ForecastModelFiles.load(m));
    }
}
