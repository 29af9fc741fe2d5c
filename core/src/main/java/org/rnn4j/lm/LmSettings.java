package org.rnn4j.lm;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.rnn4j.nn.recurrent.CellKind;

/**
 * A language-model training recipe; {@link #defaults()} is the one place of its defaults.
 *
 * @param cell               LSTM, GRU or simple RNN
 * @param embeddingDim       width of the character embedding
 * @param hiddenSize         H of every recurrent layer
 * @param numLayers          stacked recurrent layers
 * @param dropout            on the embedding, between layers and before the head
 * @param batch              B parallel streams
 * @param seqLen             T steps per truncated-BPTT window
 * @param lr                 peak learning rate of AdamW
 * @param weightDecay        AdamW's decoupled weight decay
 * @param warmupSteps        linear warm-up from 0 to {@code lr}, then a cosine decay to {@code lr·minLrFraction}
 * @param minLrFraction      the learning rate at the end of the budget, as a fraction of {@code lr}
 * @param clip               gradient 2-norm clipping (0 = none)
 * @param maxSteps           step budget (0 = only the time budget)
 * @param maxMinutes         time budget in minutes (0 = only the step budget); the cosine follows whichever ends first
 * @param evalEvery          validate every this many steps (and at the end)
 * @param validationFraction the last part of the text held out for validation
 * @param seed               weights, dropout
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LmSettings(CellKind cell, int embeddingDim, int hiddenSize, int numLayers, double dropout, int batch,
                         int seqLen, double lr, double weightDecay, int warmupSteps, double minLrFraction, double clip,
                         long maxSteps, double maxMinutes, int evalEvery, double validationFraction, long seed) {
    public LmSettings {
        if (cell == null || batch < 1 || seqLen < 1 || !(lr > 0) || weightDecay < 0 || warmupSteps < 0
                || !(minLrFraction >= 0 && minLrFraction <= 1) || clip < 0 || maxSteps < 0 || maxMinutes < 0 || evalEvery < 1
                || !(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("language model settings: batch, seq, eval-every >= 1; lr > 0; weight decay, "
                    + "clip, warm-up, budgets >= 0; min lr fraction in [0, 1]; validation fraction in (0, 1)");
        }
        if (maxSteps == 0 && maxMinutes == 0) {
            throw new IllegalArgumentException("language model settings: give a step budget, a time budget or both");
        }
    }

    /**
     * The default recipe: one LSTM layer of 512 over a 64-wide embedding (the bench's W5 model, whose
     * training step the fused layer runs near the machine's peak), 32 streams of 128 steps, AdamW at
     * 2e-3 with weight decay 0.05, 200 warm-up steps then cosine to a tenth, clipping at 1, dropout 0.25
     * (the book is small: without it the model fits the training part and the held-out tail suffers).
     */
    public static LmSettings defaults() {
        return new LmSettings(CellKind.LSTM, 64, 512, 1, 0.25, 32, 128, 2e-3, 0.05, 200, 0.1, 1.0, 0, 15, 200, 0.1, 42);
    }

    public LmArchitecture architecture(int vocabSize) {
        return new LmArchitecture(cell, vocabSize, embeddingDim, hiddenSize, numLayers, dropout);
    }

    public LmSettings withBudget(long steps, double minutes) {
        return new LmSettings(cell, embeddingDim, hiddenSize, numLayers, dropout, batch, seqLen, lr, weightDecay, warmupSteps,
                minLrFraction, clip, steps, minutes, evalEvery, validationFraction, seed);
    }

    public LmSettings withModel(CellKind c, int embed, int hidden, int layers, double p) {
        return new LmSettings(c, embed, hidden, layers, p, batch, seqLen, lr, weightDecay, warmupSteps, minLrFraction, clip,
                maxSteps, maxMinutes, evalEvery, validationFraction, seed);
    }

    public LmSettings withWindows(int b, int t, int every) {
        return new LmSettings(cell, embeddingDim, hiddenSize, numLayers, dropout, b, t, lr, weightDecay, warmupSteps,
                minLrFraction, clip, maxSteps, maxMinutes, every, validationFraction, seed);
    }

    public LmSettings withOptimizer(double rate, double decay, int warmup, double clipNorm) {
        return new LmSettings(cell, embeddingDim, hiddenSize, numLayers, dropout, batch, seqLen, rate, decay, warmup,
                minLrFraction, clipNorm, maxSteps, maxMinutes, evalEvery, validationFraction, seed);
    }

    public LmSettings withSeed(long s) {
        return new LmSettings(cell, embeddingDim, hiddenSize, numLayers, dropout, batch, seqLen, lr, weightDecay, warmupSteps,
                minLrFraction, clip, maxSteps, maxMinutes, evalEvery, validationFraction, s);
    }
}
