package org.rnn4j.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rnn4j.data.series.Series;

class ThetaTest {

    @Test
    void aConstantSeriesIsForecastAsItself() {
        double[] f = new Theta(12).forecast(Series.of("v", 7, 7, 7, 7, 7, 7, 7, 7), 5);
        for (double v : f) {
            assertEquals(7, v, 1e-9);
        }
    }

    @Test
    void slopeIsLeastSquares() {
        assertEquals(2.5, Theta.slope(new double[] {1, 3.5, 6, 8.5, 11}), 1e-12);
        assertEquals(0, Theta.slope(new double[] {4}), 0);
        assertEquals(0.9, Theta.slope(new double[] {0, 2, 2, 3, 4}), 1e-12); // Σ(t-2)(x-2.2) / Σ(t-2)² = 9 / 10
    }

    /** The initial level is the least-squares one for its weight, and the weight beats a fine grid. */
    @Test
    void sesMinimisesTheOneStepSquaredError() {
        Random r = new Random(3);
        double[] x = new double[150];
        double level = 20;
        for (int t = 0; t < x.length; t++) {
            level += 0.5 * r.nextGaussian();
            x[t] = level + r.nextGaussian();
        }
        Theta.Ses fit = Theta.Ses.fit(x);
        assertEquals(sse(x, fit.alpha(), fit.initial()), fit.sse(), 1e-9 * fit.sse());
        for (double d : new double[] {-0.5, -0.01, 0.01, 0.5}) {
            assertTrue(sse(x, fit.alpha(), fit.initial() + d) > fit.sse());
        }
        for (double a = 0.01; a <= 0.99; a += 0.001) {
            assertTrue(Theta.Ses.at(x, a).sse() >= fit.sse() - 1e-9, "alpha " + a);
        }
        // the final level is the recursion's
        double l = fit.initial();
        for (double v : x) {
            l += fit.alpha() * (v - l);
        }
        assertEquals(l, fit.level(), 1e-9);
    }

    private static double sse(double[] x, double a, double initial) {
        double l = initial;
        double s = 0;
        for (double v : x) {
            s += (v - l) * (v - l);
            l += a * (v - l);
        }
        return s;
    }

    /** A noise-free line: SES follows it (weight at its top), and the forecast adds half the slope per step. */
    @Test
    void aLineIsForecastWithHalfItsSlope() {
        double[] y = new double[40];
        for (int t = 0; t < y.length; t++) {
            y[t] = 10 + 2 * t;
        }
        double[] f = new Theta(1).forecast(Series.of("v", y), 4);
        Theta.Ses ses = Theta.Ses.fit(y);
        double start = (1 - Math.pow(1 - ses.alpha(), 40)) / ses.alpha();
        for (int k = 0; k < 4; k++) {
            assertEquals(ses.level() + 1.0 * (k + start), f[k], 1e-9);
        }
        assertEquals(1.0, f[1] - f[0], 1e-9);
        assertTrue(ses.alpha() > 0.95, "alpha " + ses.alpha());
    }

    /** A positive trending series with a multiplicative season: the season is detected and carried into the forecast. */
    @Test
    void aMultiplicativeSeasonIsCarriedForward() {
        double[] y = new double[96 + 12];
        for (int t = 0; t < y.length; t++) {
            y[t] = (100 + t) * (1 + 0.3 * Math.sin(2 * Math.PI * t / 12));
        }
        double[] history = java.util.Arrays.copyOf(y, 96);
        assertTrue(Theta.seasonalAutocorrelation(history, 12));
        double[] f = new Theta(12).forecast(Series.of("v", history), 12);
        for (int k = 0; k < 12; k++) {
            assertEquals(y[96 + k], f[k], 0.05 * y[96 + k], "step " + k);
        }
        // without the season the forecast is a straight line and misses the peaks by far more
        double[] flat = new Theta(1).forecast(Series.of("v", history), 12);
        assertEquals(flat[2] - flat[1], flat[11] - flat[10], 1e-9);
        assertTrue(Math.abs(flat[3] - y[99]) > 0.2 * y[99]);
    }

    @Test
    void noiseHasNoSeason() {
        Random r = new Random(5);
        double[] y = new double[120];
        for (int t = 0; t < y.length; t++) {
            y[t] = r.nextGaussian();
        }
        assertFalse(Theta.seasonalAutocorrelation(y, 12));
        double[] f = new Theta(12).forecast(Series.of("v", y), 24);
        for (int k = 1; k < 23; k++) { // no seasonal pattern: equal steps
            assertEquals(f[1] - f[0], f[k + 1] - f[k], 1e-9);
        }
    }

    @Test
    void badSeasonIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Theta(0));
    }
}
