package org.rnn4j.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.data.seq.LabelSet;

class ClassificationMetricsTest {
    private static final LabelSet ABC = LabelSet.of(List.of("a", "b", "c"));

    @Test
    void formulasOnAHandMadeMatrix() {
        ConfusionMatrix m = ConfusionMatrix.of(new long[][] {{5, 1, 0}, {2, 3, 1}, {0, 0, 4}});
        ClassificationMetrics r = ClassificationMetrics.of(m, ABC);
        assertEquals(12.0 / 16, r.accuracy(), 1e-12);
        ClassificationMetrics.PerClass a = r.perClass().get(0);
        assertEquals(5.0 / 7, a.precision(), 1e-12); // column a: 5 + 2
        assertEquals(5.0 / 6, a.recall(), 1e-12);    // row a: 5 + 1
        assertEquals(10.0 / 13, a.f1(), 1e-12);      // 2TP / (2TP + FP + FN)
        assertEquals(6, a.support());
        ClassificationMetrics.PerClass b = r.perClass().get(1);
        assertEquals(3.0 / 4, b.precision(), 1e-12);
        assertEquals(1.0 / 2, b.recall(), 1e-12);
        assertEquals(3.0 / 5, b.f1(), 1e-12);
        ClassificationMetrics.PerClass c = r.perClass().get(2);
        assertEquals(4.0 / 5, c.precision(), 1e-12);
        assertEquals(1.0, c.recall(), 1e-12);
        assertEquals(8.0 / 9, c.f1(), 1e-12);
        assertEquals((10.0 / 13 + 3.0 / 5 + 8.0 / 9) / 3, r.macroF1(), 1e-12);
    }

    @Test
    void zeroDivisionGivesZeroAndAbsentClassesLeaveTheMacroAverage() {
        // b is never predicted (precision 0/0 → 0); c neither occurs nor is predicted (left out of the mean)
        ConfusionMatrix m = ConfusionMatrix.of(new long[][] {{3, 0, 0}, {1, 0, 0}, {0, 0, 0}});
        ClassificationMetrics r = ClassificationMetrics.of(m, ABC);
        assertEquals(0.75, r.accuracy(), 1e-12);
        assertEquals(0.0, r.perClass().get(1).precision());
        assertEquals(0.0, r.perClass().get(1).f1());
        assertEquals(0.0, r.perClass().get(2).f1());
        assertEquals((6.0 / 7 + 0) / 2, r.macroF1(), 1e-12);
    }

    @Test
    void perfectAndEmpty() {
        ConfusionMatrix m = new ConfusionMatrix(3);
        assertTrue(Double.isNaN(ClassificationMetrics.of(m, ABC).accuracy()));
        m.add(0, 0);
        m.add(2, 2);
        ClassificationMetrics r = ClassificationMetrics.of(m, ABC);
        assertEquals(1.0, r.accuracy());
        assertEquals(1.0, r.macroF1());
        assertEquals(2, m.total());
        assertEquals(1, m.count(2, 2));
    }

    @Test
    void badInputIsRejected() {
        ConfusionMatrix m = new ConfusionMatrix(2);
        assertThrows(IllegalArgumentException.class, () -> m.add(2, 0));
        assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.of(m, ABC));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new long[][] {{1, 2}, {3}}));
    }
}
