package org.rnn4j.train;

/**
 * What one pass over a data set measured: the mean loss and, for a classifier, accuracy and macro-F1
 * (NaN when the job does not measure them).
 */
public record Scores(double loss, double accuracy, double macroF1) {

    /** Only a loss (a regression job). */
    public static Scores ofLoss(double loss) {
        return new Scores(loss, Double.NaN, Double.NaN);
    }

    /** Whether an accuracy was measured. */
    public boolean hasAccuracy() {
        return !Double.isNaN(accuracy);
    }
}
