package org.rnn4j.classify;

import java.util.Arrays;
import java.util.List;
import org.rnn4j.tensor.Tensor;

/**
 * Predictions for one batch, in batch order: the example ids, the predicted class indices [B]
 * (the most probable class; the first on ties), the class probabilities [B, C] (softmax of the
 * logits) and the class names in index order. Per row: {@link #label(int)}, {@link #score(int)}
 * and {@link #probabilities(int)}.
 *
 * <pre>{@code
 * for (int i = 0; i < p.size(); i++) {
 *     System.out.println(p.ids().get(i) + " " + p.label(i) + " " + p.score(i));
 * }
 * }</pre>
 *
 * @param ids           the example ids [B]
 * @param predicted     the most probable class of each example [B]
 * @param probabilities the class probabilities [B, C]; each row sums to 1
 * @param classes       the class names [C]: {@code classes.get(k)} is class {@code k}
 */
public record Prediction(List<String> ids, int[] predicted, Tensor probabilities, List<String> classes) {
    /** Copies the lists and the array; checks that the sizes agree. */
    public Prediction {
        ids = List.copyOf(ids);
        predicted = predicted.clone();
        classes = List.copyOf(classes);
        if (probabilities.rank() != 2 || probabilities.dim(0) != ids.size() || predicted.length != ids.size()
                || probabilities.dim(1) != classes.size()) {
            throw new IllegalArgumentException("prediction: " + ids.size() + " ids, " + predicted.length
                    + " predictions, probabilities " + probabilities.shape() + " and " + classes.size()
                    + " classes do not agree (expected probabilities [" + ids.size() + ", " + classes.size() + "])");
        }
    }

    /** A copy of the predicted class indices [B]. */
    @Override
    public int[] predicted() {
        return predicted.clone();
    }

    /** The number of examples (rows) B. */
    public int size() {
        return predicted.length;
    }

    /** The predicted class name of example {@code row}. */
    public String label(int row) {
        return classes.get(predicted[checkRow(row)]);
    }

    /** The probability of the predicted class of example {@code row}. */
    public float score(int row) {
        return probabilities.get(checkRow(row), predicted[row]);
    }

    /** A copy of example {@code row}'s class probabilities [C], in the order of {@link #classes()}. */
    public float[] probabilities(int row) {
        int c = classes.size();
        int from = checkRow(row) * c;
        return Arrays.copyOfRange(probabilities.data(), from, from + c);
    }

    private int checkRow(int row) {
        if (row < 0 || row >= predicted.length) {
            throw new IndexOutOfBoundsException("prediction: row " + row + " of " + predicted.length);
        }
        return row;
    }
}
