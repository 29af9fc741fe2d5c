package org.rnn4j.classify;

import org.rnn4j.data.seq.LabelSet;

/** A model scored on labelled data: the mean cross-entropy (unweighted) and the confusion matrix. */
public record Evaluation(double loss, ConfusionMatrix confusion) {

    /** Accuracy, macro-F1 and per-class scores of the confusion matrix. */
    public ClassificationMetrics metrics(LabelSet labels) {
        return ClassificationMetrics.of(confusion, labels);
    }

    public double accuracy() {
        long n = confusion.total();
        return n == 0 ? Double.NaN : (double) confusion.correct() / n;
    }
}
