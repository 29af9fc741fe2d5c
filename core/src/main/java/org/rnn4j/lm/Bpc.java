package org.rnn4j.lm;

import org.rnn4j.autograd.GradMode;
import org.rnn4j.loss.CrossEntropyLoss;
import org.rnn4j.loss.Reduction;
import org.rnn4j.nn.recurrent.RecurrentState;
import org.rnn4j.ops.F;
import org.rnn4j.tensor.IntTensor;
import org.rnn4j.tensor.Shape;

/**
 * Bits per character of a model over one id stream, the state carried through the whole stream from
 * zeros: the first id is context only, every later id is predicted from all ids before it. The stream
 * is run in windows of {@code window} steps at batch 1; the window changes only how many steps each
 * call runs, not what is computed (tested against one straight pass).
 */
public final class Bpc {
    /** Nats summed over the predicted ids, their number, bits per character and perplexity. */
    public record Score(double nats, long predicted) {
        public double bpc() {
            return predicted == 0 ? Double.NaN : nats / predicted / Math.log(2);
        }

        public double perplexity() {
            return predicted == 0 ? Double.NaN : Math.exp(nats / predicted);
        }
    }

    private Bpc() {
    }

    /** The score of {@code ids} (the model is put in eval mode and left there). */
    @SuppressWarnings("try") // the scope only switches grad mode off
    public static Score of(CharLanguageModel model, int[] ids, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("bpc: window must be >= 1, got " + window);
        }
        model.eval();
        CrossEntropyLoss sum = CrossEntropyLoss.defaults().withReduction(Reduction.SUM);
        int v = model.architecture().vocabSize();
        double nats = 0;
        RecurrentState state = null;
        try (var off = GradMode.disabled()) {
            for (int p = 0; p + 1 < ids.length; p += window) {
                int t = Math.min(window, ids.length - 1 - p);
                int[] x = new int[t];
                int[] y = new int[t];
                System.arraycopy(ids, p, x, 0, t);
                System.arraycopy(ids, p + 1, y, 0, t);
                CharLanguageModel.Output o = model.forward(IntTensor.wrap(Shape.of(1, t), x), state); // [1, t, V]
                state = o.state();
                nats += sum.forward(F.reshape(o.logits(), t, v), IntTensor.wrap(Shape.of(t), y)).value().item();
            }
        }
        return new Score(nats, Math.max(0, ids.length - 1));
    }
}
