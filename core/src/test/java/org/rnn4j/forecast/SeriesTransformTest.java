package org.rnn4j.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.data.series.Scaling;
import org.rnn4j.data.series.Series;
import org.rnn4j.data.series.SeriesCsv;

class SeriesTransformTest {
    static final Path AIR = Path.of("..", "examples", "data", "AirPassengers.csv");
    static final Path SUNSPOTS = Path.of("..", "examples", "data", "sunspot.month.csv");

    @TempDir
    Path dir;

    @Test
    void logIsChosenWhenVariationGrowsWithTheLevelOnly() throws Exception {
        assertEquals(Scaling.Transform.LOG, TransformChoice.choose(Synthetic.multiplicative(144, 1), 120, 12).transform());
        assertEquals(Scaling.Transform.NONE, TransformChoice.choose(Synthetic.additive(144, 1), 120, 12).transform());
        double[] rw = Synthetic.randomWalk(144, 1);
        TransformChoice.Decision d = TransformChoice.choose(rw, 120, 12);
        assertEquals(Scaling.Transform.NONE, d.transform());
        double[] air = SeriesCsv.read(AIR).target();
        assertEquals(Scaling.Transform.LOG, TransformChoice.choose(air, 96, 12).transform());
        double[] sun = SeriesCsv.read(SUNSPOTS).target(); // has zeros
        assertEquals("auto: not every value is positive", TransformChoice.choose(sun, 3000, 12).reason());
    }

    @Test
    void seasonalIndicesRecoverAKnownPatternAndIgnoreNoise() {
        int m = 12;
        double[] pattern = new double[m];
        double[] z = new double[120];
        for (int p = 0; p < m; p++) {
            pattern[p] = Math.sin(2 * Math.PI * p / m) + (p == 3 ? 0.5 : 0) - 0.5 / m;
        }
        for (int t = 0; t < z.length; t++) {
            z[t] = 0.05 * t + pattern[t % m];
        }
        Seasonality.Profile s = Seasonality.fit(z, z.length, m, 0);
        for (int p = 0; p < m; p++) {
            assertEquals(pattern[p], s.indices()[p], 1e-9, "phase " + p);
        }
        assertEquals(1.0, s.strength(), 1e-9);
        // The same pattern read from a series that starts 5 months later: phase offset 5.
        Seasonality.Profile shifted = Seasonality.fit(java.util.Arrays.copyOfRange(z, 5, 120), 115, m, 5);
        assertEquals(pattern[7], shifted.indices()[7], 1e-9);
        double[] noise = Synthetic.randomWalk(240, 3);
        assertTrue(Seasonality.fit(noise, 240, m, 0).strength() < ForecastSettings.MIN_SEASONAL_STRENGTH);
        assertThrows(IllegalArgumentException.class, () -> Seasonality.fit(z, 30, m, 0));
    }

    @Test
    void fittedOnTheTrainingPartOnlyAndRecordsItsDecisions() throws Exception {
        Series air = SeriesCsv.read(AIR);
        ForecastSettings st = ForecastSettings.defaults(12, 24, air.size());
        SeriesTransform t = SeriesTransform.fit(air, 96, st);
        assertEquals(Scaling.Transform.LOG, t.scaling().transform());
        assertTrue(t.seasonallyAdjusted() && t.seasonalStrength() > 0.9, t.toString());
        assertEquals(6, t.levelSpan()); // half a season once seasonal indices are removed
        // Changing points after the training part changes nothing that was fitted.
        double[] y = air.target();
        for (int i = 96; i < y.length; i++) {
            y[i] *= 3;
        }
        SeriesTransform t2 = SeriesTransform.fit(Synthetic.series(dir, "air3", y), 96, st);
        assertEquals(t.scaling(), t2.scaling());
        assertEquals(t.windowScale(), t2.windowScale());
        assertTrue(java.util.Arrays.equals(t.seasonal(), t2.seasonal()));
        // Round trip raw -> model -> raw.
        double[] d = t.toModel(air);
        for (int i = 0; i < air.size(); i += 17) {
            assertEquals(air.target(i), t.toRaw(d[i], i, 0), 1e-9 * air.target(i));
        }
        Series sun = SeriesCsv.read(SUNSPOTS);
        SeriesTransform ts = SeriesTransform.fit(sun, 3000, ForecastSettings.defaults(12, 24, sun.size()));
        assertTrue(!ts.seasonallyAdjusted() && ts.seasonalStrength() < 0.1, "sunspots have no calendar season: " + ts);
        assertEquals(1, ts.levelSpan());
    }

    @Test
    void phaseOfAnotherFileIsFoundFromItsTimeStamps() throws Exception {
        Series air = SeriesCsv.read(AIR);
        SeriesTransform t = SeriesTransform.fit(air, 96, ForecastSettings.defaults(12, 24, air.size()));
        double[] y = air.target();
        Series later = Synthetic.series(dir, "later", java.util.Arrays.copyOfRange(y, 0, 144)); // starts 1990-01
        assertEquals(Math.floorMod(12 * 41, 12), t.phaseOffset(later)); // 1949-01 .. 1990-01: whole years
        double[] tail = java.util.Arrays.copyOfRange(y, 7, 144);
        StringBuilder sb = new StringBuilder("time,value\n");
        for (int i = 0; i < tail.length; i++) {
            sb.append(air.time().label(7 + i)).append(',').append(tail[i]).append('\n');
        }
        java.nio.file.Files.writeString(dir.resolve("tail.csv"), sb);
        Series tailSeries = SeriesCsv.read(dir.resolve("tail.csv")); // starts 1949-08: phase 7
        assertEquals(7, t.phaseOffset(tailSeries));
        double[] dTail = t.toModel(tailSeries);
        double[] dAll = t.toModel(air);
        assertEquals(dAll[20], dTail[13], 1e-12);
    }
}
