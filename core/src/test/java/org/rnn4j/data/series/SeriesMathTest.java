package org.rnn4j.data.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

class SeriesMathTest {
    private static final double EPS = 1e-12;

    @Test
    void standardScalingIsFittedOnTheTrainingPartOnly() {
        double[] x = {1, 2, 3, 4, 1000};
        Scaling s = Scaling.fit(Scaling.Kind.STANDARD, Scaling.Transform.NONE, x, 0, 4);
        assertEquals(2.5, s.center(), EPS);
        assertEquals(Math.sqrt(1.25), s.scale(), EPS); // population std of 1..4
        double[] y = s.apply(x);
        assertEquals((1000 - 2.5) / Math.sqrt(1.25), y[4], 1e-9);
        assertArrayEquals(x, s.invert(y), 1e-9);
    }

    @Test
    void minMaxLogAndConstantScaling() {
        double[] x = {2, 4, 10};
        Scaling mm = Scaling.fit(Scaling.Kind.MIN_MAX, Scaling.Transform.NONE, x, 0, 3);
        assertArrayEquals(new double[] {0, 0.25, 1}, mm.apply(x), EPS);
        Scaling lg = Scaling.fit(Scaling.Kind.MIN_MAX, Scaling.Transform.LOG, x, 0, 3);
        assertEquals(Math.log(2), lg.center(), EPS);
        assertEquals(1, lg.apply(10), EPS);
        assertArrayEquals(x, lg.invert(lg.apply(x)), 1e-9);
        Scaling c = Scaling.fit(Scaling.Kind.STANDARD, Scaling.Transform.NONE, new double[] {5, 5}, 0, 2);
        assertEquals(1, c.scale());
        assertEquals(0, c.apply(5));
        Scaling l1 = Scaling.fit(Scaling.Kind.NONE, Scaling.Transform.LOG1P, new double[] {0, 3}, 0, 2);
        assertEquals(Math.log(4), l1.apply(3), EPS);
        assertEquals(3, l1.invert(l1.apply(3)), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scaling.fit(Scaling.Kind.STANDARD, Scaling.Transform.LOG, new double[] {1, 0}, 0, 2));
        assertEquals("scaling: log transform needs values > 0, value 0.0 at index 1", e.getMessage());
    }

    @Test
    void scalingRoundTripsThroughJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Scaling s = new Scaling(Scaling.Transform.LOG, Scaling.Kind.MIN_MAX, 0.5, 2.25);
        String text = json.writeValueAsString(s);
        assertEquals("{\"transform\":\"log\",\"kind\":\"minmax\",\"center\":0.5,\"scale\":2.25}", text);
        assertEquals(s, json.readValue(text, Scaling.class));
    }

    @Test
    void timeSplitKeepsHoldoutAndValidationAtTheEnd() {
        TimeSplit s = TimeSplit.of(144, 12, 0.2);
        assertEquals(106, s.trainEnd());   // 132 - round(26.4)
        assertEquals(132, s.validationEnd());
        assertEquals(12, s.holdoutSize());
        assertEquals(26, s.validationSize());
        s.requireWindows("air.csv", 24, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TimeSplit.of(30, 5, 0.2).requireWindows("air.csv", 24, 1));
        assertEquals("air.csv: the training part has 20 rows (of 30; validation 5, holdout 5), too few for window 24 "
                + "+ horizon 1 = 25 rows", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TimeSplit.of(10, 10, 0.2));
    }

    @Test
    void windowsCoverEveryTargetPointOnceInOrder() {
        int n = 50;
        double[] target = new double[n];
        double[] cov = new double[n];
        for (int i = 0; i < n; i++) {
            target[i] = i;
            cov[i] = 100 + i;
        }
        double[][] features = {target, cov};
        int w = 7;
        int h = 3;
        Windows.Set train = Windows.make(features, target, w, h, 0, 40);
        Windows.Set valid = Windows.make(features, target, w, h, 40, 50);
        assertEquals(Shape.of(31, w, 2), train.inputs().shape()); // targets start 7..37
        assertEquals(Shape.of(31, h), train.targets().shape());
        assertEquals(8, valid.count());                          // targets start 40..47
        Set<Integer> covered = new HashSet<>();
        for (Windows.Set ws : List.of(train, valid)) {
            for (int i = 0; i < ws.count(); i++) {
                int t0 = ws.targetStarts()[i];
                for (int k = 0; k < h; k++) {
                    covered.add(t0 + k);
                    assertEquals(t0 + k, ws.targets().get(i, k));
                }
                for (int k = 0; k < w; k++) {
                    assertEquals(t0 - w + k, ws.inputs().get(i, k, 0));
                    assertEquals(100 + t0 - w + k, ws.inputs().get(i, k, 1));
                }
            }
        }
        for (int t = w; t < n; t++) {
            assertTrue(covered.contains(t), "target point " + t + " not covered");
        }
        assertEquals(0, Windows.make(features, target, w, h, 48, 50).count());
        Tensor last = Windows.inputEndingAt(features, n, w);
        assertEquals(Shape.of(1, w, 2), last.shape());
        assertEquals(49, last.get(0, w - 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Windows.inputEndingAt(features, 3, w));
    }

    @Test
    void metricsMatchHandComputedValues() {
        double[] a = {1, 2, 3, 4};
        double[] f = {2, 2, 1, 4};
        // errors 1, 0, -2, 0
        assertEquals(Math.sqrt(5.0 / 4), Metrics.rmse(a, f), EPS);
        assertEquals(0.75, Metrics.mae(a, f), EPS);
        // 2|e|/(|a|+|f|): 2/3, 0, 4/4, 0 -> mean 5/12 -> 41.666..%
        assertEquals(100 * (2.0 / 3 + 1) / 4, Metrics.smape(a, f), EPS);
        assertEquals(0, Metrics.smape(new double[] {0}, new double[] {0}));
        double[] inSample = {1, 3, 2, 6, 4};
        // m=1: |2|+|1|+|4|+|2| = 9 / 4 = 2.25;  m=2: |1|+|3|+|2| = 6/3 = 2
        assertEquals(0.75 / 2.25, Metrics.mase(a, f, inSample, 1), EPS);
        assertEquals(0.75 / 2, Metrics.mase(a, f, inSample, 2), EPS);
        assertTrue(Double.isNaN(Metrics.mase(a, f, new double[] {5, 5, 5}, 1)));
        assertThrows(IllegalArgumentException.class, () -> Metrics.mase(a, f, inSample, 5));
        assertThrows(IllegalArgumentException.class, () -> Metrics.mae(a, new double[] {1}));
    }

    @Test
    void naiveBaselines() {
        Series s = Series.of("y", 1, 2, 3, 4, 5, 6, 7);
        assertArrayEquals(new double[] {7, 7, 7}, Forecaster.naive().forecast(s, 3));
        // m=3: last season is 5, 6, 7 and repeats.
        assertArrayEquals(new double[] {5, 6, 7, 5, 6}, Forecaster.seasonalNaive(3).forecast(s, 5));
        assertThrows(IllegalArgumentException.class, () -> Forecaster.seasonalNaive(12).forecast(s, 1));
    }

    @Test
    void backtestComparesForecastersOnTheSamePoints() {
        Series s = Series.of("y", 1, 3, 2, 6, 4, 5, 9, 7);
        // Rolling origins 5 and 7 with horizon 2: naive forecasts 4,4 then 9.
        Backtest.Result r = Backtest.run(s, 5, 2, 1, List.of(Forecaster.naive(), Forecaster.seasonalNaive(2)));
        assertArrayEquals(new double[] {5, 9, 7}, r.actual());
        assertArrayEquals(new double[] {4, 4, 9}, r.forecasts().get("naive"));
        assertArrayEquals(new double[] {6, 4, 5}, r.forecasts().get("seasonal_naive"));
        assertEquals(List.of("naive", "seasonal_naive"), List.copyOf(r.metrics().keySet()));
        // naive: |1|+|5|+|2| = 8/3; in-sample 1,3,2,6,4 naive MAE 9/4.
        assertEquals(8.0 / 3, r.metrics().get("naive").mae(), EPS);
        assertEquals((8.0 / 3) / (9.0 / 4), r.metrics().get("naive").mase(), EPS);
        // One multi-step forecast from origin 5.
        Backtest.Result one = Backtest.run(s, 5, 3, 1, List.of(Forecaster.naive()));
        assertArrayEquals(new double[] {4, 4, 4}, one.forecasts().get("naive"));
    }
}
