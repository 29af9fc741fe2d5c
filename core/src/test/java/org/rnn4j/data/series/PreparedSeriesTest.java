package org.rnn4j.data.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

class PreparedSeriesTest {
    @Test
    void airPassengersWindowsAndScalingFromTheTrainingPartOnly() throws Exception {
        Series s = SeriesCsv.read(Path.of("..", "examples", "data", "AirPassengers.csv"));
        WindowSettings w = new WindowSettings(12, 1, 12, 0.2, Scaling.Kind.MIN_MAX, Scaling.Transform.LOG);
        PreparedSeries p = PreparedSeries.prepare(s, w);
        // 144 points: holdout 12, validation round(132 * 0.2) = 26, training 106.
        assertEquals(106, p.split().trainEnd());
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (int i = 0; i < 106; i++) {
            lo = Math.min(lo, s.target(i));
            hi = Math.max(hi, s.target(i));
        }
        assertEquals(Math.log(lo), p.targetScaling().center(), 1e-12);
        assertEquals(Math.log(hi) - Math.log(lo), p.targetScaling().scale(), 1e-12);
        assertEquals(Shape.of(106 - 12, 12, 1), p.train().inputs().shape());
        assertEquals(26, p.validation().count());
        assertEquals(106, p.validation().targetStarts()[0]);
        assertEquals((float) p.targetScaling().apply(s.target(106)), p.validation().targets().get(0, 0));
        Tensor last = p.lastWindow(s);
        assertEquals(Shape.of(1, 12, 1), last.shape());
        assertEquals((float) p.targetScaling().apply(432), last.get(0, 11, 0));
    }

    @Test
    void tooFewRowsNamesTheFile() throws Exception {
        Series s = SeriesCsv.read(Path.of("..", "examples", "data", "AirPassengers.csv"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PreparedSeries.prepare(s, new WindowSettings(120, 1, 12, 0.2, Scaling.Kind.STANDARD, Scaling.Transform.NONE)));
        assertTrue(e.getMessage().startsWith(Path.of("..", "examples", "data", "AirPassengers.csv")
                + ": the training part has 106 rows"), e.getMessage());
    }
}
