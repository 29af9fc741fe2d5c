package org.rnn4j.classify;

import java.util.ArrayList;
import java.util.List;
import org.rnn4j.data.seq.LabelSet;

/**
 * Accuracy, macro-F1 and per-class precision / recall / F1 of a {@link ConfusionMatrix}, as
 * scikit-learn computes them with {@code zero_division=0}:
 * {@code precision_c = TP / (TP + FP)}, {@code recall_c = TP / (TP + FN)},
 * {@code F1_c = 2·P·R / (P + R)}, each 0 when its denominator is 0. Macro-F1 is the unweighted mean
 * of F1 over the classes that occur in the truth or in the predictions (those of neither are
 * left out, as scikit-learn does when {@code labels} is not given).
 *
 * @param accuracy  correct / total (NaN with no examples)
 * @param macroF1   see above (NaN with no examples)
 * @param perClass  one entry per class of the label set, in its order
 * @param confusion counts [true][predicted]
 */
public record ClassificationMetrics(double accuracy, double macroF1, List<PerClass> perClass, ConfusionMatrix confusion) {

    /** One class's scores; {@code support} is its number of true examples. */
    public record PerClass(String label, double precision, double recall, double f1, long support) {
    }

    public ClassificationMetrics {
        perClass = List.copyOf(perClass);
    }

    public static ClassificationMetrics of(ConfusionMatrix m, LabelSet labels) {
        if (labels.size() != m.classes()) {
            throw new IllegalArgumentException("metrics: " + labels.size() + " labels for a confusion matrix of "
                    + m.classes() + " classes");
        }
        List<PerClass> per = new ArrayList<>();
        double f1Sum = 0;
        int present = 0;
        for (int c = 0; c < m.classes(); c++) {
            long tp = m.count(c, c);
            long support = m.support(c);
            long predicted = m.predicted(c);
            double precision = ratio(tp, predicted);
            double recall = ratio(tp, support);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            per.add(new PerClass(labels.label(c), precision, recall, f1, support));
            if (support > 0 || predicted > 0) {
                f1Sum += f1;
                present++;
            }
        }
        long total = m.total();
        double accuracy = total == 0 ? Double.NaN : (double) m.correct() / total;
        double macroF1 = present == 0 ? Double.NaN : f1Sum / present;
        return new ClassificationMetrics(accuracy, macroF1, per, m);
    }

    private static double ratio(long num, long den) {
        return den == 0 ? 0 : (double) num / den;
    }
}
