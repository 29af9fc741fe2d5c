package org.rnn4j.data.series;

/**
 * A split of a series by time: training points {@code [0, trainEnd)}, validation points
 * {@code [trainEnd, validationEnd)} and holdout points {@code [validationEnd, size)}. Nothing is
 * shuffled: every validation point comes after every training point.
 */
public record TimeSplit(int trainEnd, int validationEnd, int size) {

    public TimeSplit {
        if (trainEnd < 1 || validationEnd < trainEnd || size < validationEnd) {
            throw new IllegalArgumentException("time split: need 1 <= trainEnd <= validationEnd <= size, got "
                    + trainEnd + ", " + validationEnd + ", " + size);
        }
    }

    /**
     * Keeps the last {@code holdout} points for the final evaluation and the last
     * {@code validationFraction} of the rest (rounded) for validation.
     */
    public static TimeSplit of(int size, int holdout, double validationFraction) {
        if (holdout < 0 || holdout >= size) {
            throw new IllegalArgumentException("time split: holdout " + holdout + " must be in 0.." + (size - 1)
                    + " for a series of " + size + " points");
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("time split: validation fraction must be in [0, 1), got " + validationFraction);
        }
        int rest = size - holdout;
        int validation = (int) Math.round(rest * validationFraction);
        return new TimeSplit(Math.max(1, rest - validation), rest, size);
    }

    public int trainSize() {
        return trainEnd;
    }

    public int validationSize() {
        return validationEnd - trainEnd;
    }

    public int holdoutSize() {
        return size - validationEnd;
    }

    /**
     * Checks that the training part holds at least one whole window; the message names the source
     * and the counts: {@code air.csv: the training part has 20 rows, too few for window 24 + horizon 1}.
     */
    public void requireWindows(String source, int window, int horizon) {
        if (trainEnd < window + horizon) {
            throw new IllegalArgumentException(source + ": the training part has " + trainEnd + " rows (of " + size
                    + "; validation " + validationSize() + ", holdout " + holdoutSize() + "), too few for window "
                    + window + " + horizon " + horizon + " = " + (window + horizon) + " rows");
        }
    }
}
