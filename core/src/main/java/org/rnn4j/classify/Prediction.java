package org.rnn4j.classify;

import java.util.List;
import org.rnn4j.tensor.Tensor;

/**
 * Predictions for one batch, in batch order: the example ids, the predicted class indices [B]
 * (the most probable class; the first on ties) and the class probabilities [B, C] (softmax of the logits).
 */
public record Prediction(List<String> ids, int[] predicted, Tensor probabilities) {
    public Prediction {
        ids = List.copyOf(ids);
        predicted = predicted.clone();
    }

    @Override
    public int[] predicted() {
        return predicted.clone();
    }

    public int size() {
        return predicted.length;
    }
}
